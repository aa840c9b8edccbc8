// Package pricing is money for stores: currencies, exact amounts, explicit
// rounding, allocations that sum to the cent, the Chinese discount notation
// 折, price rules (阶梯价, N for P packs, 会员价, 线上线下同价), price floors
// (最低价控制), margins, VAT and price audits.
//
// It imports no other opskit package; promo, funnel and kpi use its [Money].
// Every value type is immutable and safe for concurrent use. Nothing here
// reads a clock, a file or the environment; nothing panics except the Must*
// helpers.
//
// # Money
//
// A [Money] is an exact decimal amount and a [Currency]. A currency is an
// ISO 4217 code with the digits of its minor unit: CNY 2 (元 and 分), JPY 0,
// KWD 3; see [Currencies] for the built-in list. The frequent ones are
// constants ([CNY], [USD], ...) that cannot be reassigned; unknown codes are
// an error ([ErrUnknownCurrency]).
//
// Inside, an amount that is a whole number of minor units below 10^18 (CNY
// 12.30 is 1230 分; nearly every price, total and discount) is held as an
// int64, and any other amount (CNY 3.3333, or a huge one) as a
// [decimal.Decimal]. The form follows from the value alone and never shows
// in results: it only makes the common case cheap. Adding, subtracting,
// comparing, rounding or multiplying by an integer two such amounts
// allocates nothing; [Money.Amount] returns the decimal either way.
//
// Money is built from a decimal string ([New], [Parse]), minor units
// ([NewFromMinor]: 1230 分 is CNY 12.30), a decimal ([NewFromDecimal]), or a
// float64 ([NewFromFloat], which rounds half-up to the minor unit and refuses
// NaN and ±Inf). Strings are plain decimals: no exponent, no separators,
// within the limits below.
//
// Arithmetic keeps every digit: CNY 10.10 × 0.85 is CNY 8.585 until it is
// rounded. A product with more than 28 decimal places is rounded to 28 by
// rounding to odd (see Limits). Combining two currencies is an error that
// matches [ErrCurrencyMismatch] and carries both codes
// ([CurrencyMismatchError]). The zero Money has no currency; it adds as
// zero in any currency, so a total may start from it.
//
// String and JSON always show at least the currency's digits: "CNY 12.30",
// {"amount":"12.30","currency":"CNY"}. An unrounded amount keeps its extra
// digits ("CNY 3.3333") so that parsing gives back an equal value. JSON
// amounts are strings on output; numbers are accepted on input.
//
// # JSON
//
// Inputs and results share one dialect: snake_case keys ("min_qty",
// "unit_price"), money as {"amount":"12.30","currency":"CNY"}, enumerations
// as snake_case names ("half_up", "list_ratio", "stale_promo_price"; their
// String forms keep hyphens for reading), 折 rates as "8.5折", tax rates as
// "0.13", ratios as decimal strings, instants in RFC 3339. The zero Money
// (no currency) is null, and a field tagged `json:",omitzero"` leaves it
// out: Money has no IsZero method on purpose, so encoding/json compares it
// with the zero value, and CNY 0.00 is never omitted (test a zero amount
// with Sign() == 0). [TierTable] and [PackOffer] decode through their
// constructors, so a decoded value is a validated one. Unknown keys, a
// repeated key in a Money, and unknown enumeration names are errors.
//
// # Rounding
//
// Rounding is always explicit: a [RoundingMode] travels with the call, and no
// package-level setting exists. The modes, on 1.005 / -1.005 to 分:
//
//	HalfUp    四舍五入, ties away from zero   1.01 / -1.01  (the zero value)
//	HalfEven  banker's rounding, ties to even  1.00 / -1.00
//	Down      toward zero, 抹零                 1.00 / -1.00
//	Up        away from zero                    1.01 / -1.01
//	Floor     toward -∞                         1.00 / -1.01
//	Ceiling   toward +∞                         1.01 / -1.00
//
// [Money.Round] rounds to the currency's minor unit; [Money.RoundToIncrement]
// rounds to a cash increment that is a whole number of minor units: 0.10
// (抹分), 0.50, 1.00 (抹角). The increment rounding is exact: the amount is
// divided into a whole quotient and a remainder, and the mode decides from
// the remainder alone whether the quotient moves one step away from zero.
// HalfUp, Down and Up are symmetric around zero, so a refund rounds exactly
// like the sale it reverses.
//
// # Allocation (分摊)
//
// [Money.Allocate] splits a rounded amount by weights; [Money.Split] splits it
// evenly; [AllocateMinor] does the same on int64 minor units for hot paths.
// The method is largest remainder in minor units:
//
//	exact_i = |total| × w_i / Σw
//	part_i  = ⌊exact_i⌋ + (1 if i is among the (|total| - Σ⌊exact⌋) parts
//	          with the largest remainders, earlier part first on a tie)
//
// so the parts always sum exactly to the total. All-zero weights split
// evenly; a negative total (a refund) is split as its absolute value and
// negated; negative or missing weights are errors. Known answers: weights
// [4300, 1400, 2300] split 2.99 into 1.61, 0.52, 0.86; equal weights split
// 2.99 into 1.00, 1.00, 0.99; weights [10, 0] split 0.40 into 0.40, 0.00.
//
// # Discount rates (折)
//
// X折 means "pay X tenths": 7折 pays 70% (30% off), 8.5折 pays 85%, and the
// two-digit form 75折 is 7.5折, paying 75%. A [Rate] is always in (0折, 10折];
// its zero value is 10折, no discount. [ParseZhe] reads the notation,
// including Chinese numerals (七五折), full-width digits (７折) and 半价;
// [Rate.Zhe] writes the shortest exact form back. [PercentOff](30) and
// MustRate("7折") are the same rate. 0折, anything above 10折, and malformed
// strings are errors ([ErrInvalidRate]).
//
// # Price rules
//
// Quantity tiers (阶梯价): [NewTierTable] takes breaks {MinQty, Price} in
// order; the first break is at 1 and breaks strictly increase, so every
// quantity falls in exactly one tier. [TierTable.Price] with [AllUnits]
// (全量阶梯) charges qty × the price of the highest tier reached; with
// [Incremental] (超额累进) each unit pays its own tier's price. Totals are
// exact. A later tier dearer than the one before is allowed (a bulk
// surcharge) and reported by [TierTable.Warnings].
//
// Packs ("N for P", 组合装): [PackOffer.Cheapest] buys exactly q units at the
// least cost from packs and single units, an unbounded knapsack in int64
// minor units; ties go to fewer packages, then to larger packs.
// [PackOffer.CheapestAtLeast] may buy more than q when that is strictly
// cheaper and reports the surplus. Seed-rules P-05: with 10 for 15.00 and
// 50 for 80.00, fifty units cost 75.00 (five 10-packs), and
// [PackOffer.Warnings] flags the 50-pack as dearer per unit. The solver
// tabulates only amounts up to size(b) × the largest other size, b the pack
// with the lowest unit price: an optimal plan never needs size(b) or more
// other items (pigeonhole on prefix sums modulo size(b); the proof is in
// pack.go).
//
// Member prices (会员价): [NewMemberPrices] gives each membership tier a fixed
// price or a [Rate] of the list price, rounded once with an explicit mode. A
// tier without a rule pays the list price. The price floor applies to
// member prices too ([MemberPrices.CheckFloor]); the source documents leave
// this open (P-02) and opskit chooses yes.
//
// Channel parity (线上线下同价): [CheckParity] lists, sorted by SKU, every SKU
// whose online and offline prices differ and every SKU sold in one channel
// only.
//
// # Price floors (最低价控制)
//
// A [FloorPolicy] combines up to three rules, each rounded up to the minor
// unit; the floor is the highest:
//
//	list ratio  list × r          (MinListRatio(7折): at least 70% of list)
//	min margin  cost / (1 - m)    (gross margin (p - c) / p at least m)
//	min price   an absolute amount
//
// Exempt campaigns (exact names) have no floor; "" is a normal sale. A
// policy names every campaign it knows, exempt ([ExemptCampaigns]) or not
// ([KnownCampaigns]); a campaign it does not know is an error
// ([ErrUnknownCampaign], listing the known names), never silently "not
// exempt": a promotion tagged "double11" does not miss an exemption written
// "双11". Callers (promo) check names up front with
// [FloorPolicy.KnowsCampaign]. Without a cost (the zero Money) the margin
// rule is off. [FloorPolicy.Check] returns a *[BelowFloorError] naming the
// floor and the rule. Seed-rules P-01 (不低于7折, 淘金币 and 双11 exempt):
// on a list price of 100.00, 70.00 passes, 69.99 fails, 60.00 passes under
// 双11 and fails under 聚划算 (a known campaign).
//
// Options: [NewFloorPolicy] takes the package's one option type, [Option]
// (MinListRatio, MinMargin, MinPrice, ExemptCampaigns, KnownCampaigns).
// Options record values and return nothing; the constructor validates
// them and names the offending option in the error's Field.
//
// # Margins and tax
//
//	GrossMargin     (p - c) / p          毛利率
//	Markup          (p - c) / c          加价率
//	PriceForMargin  c / (1 - m)          rounded once, exactly, with the mode
//	Waterfall       net = gross - Σ cost ratios   毛利 -> 净利
//
// Margin ratios are rounded half-up to [RatioPlaces] places. Seed-rules
// WE-5: 40% gross less promotion 10, staff 6, platform 5, shipping and
// packing 5, tax 4.5 and other 2 leaves 7.5% net.
//
// VAT (增值税) at a [TaxRate] (13%, 9%, 6%): from a tax-inclusive price the
// exclusive part is rounded and the tax derived, so the amount paid is kept;
// from an exclusive price the tax is rounded and the total derived, as on a
// VAT invoice. Either way Inclusive = Exclusive + Tax exactly.
//
// # Price audit (价格核对)
//
// [AuditListing] compares the displayed price (on an image or a banner)
// with the actual and list prices at a time, against the promotion's
// half-open [TimeWindow] (a window of instants; a daily clock range is a
// different type in promo and kpi): a promotion price still displayed after
// the window
// (P-13), a displayed price that differs from the actual one, and an item
// left in the discount category after its price went back up (P-15), or
// missing from it while discounted.
//
// # Limits
//
// One rule bounds every amount, factor, weight and ratio the package
// accepts or produces, so work stays small and whatever it prints parses
// back:
//
//	MaxMagnitude       30       |x| ≤ 10^30                         ErrTooLarge
//	MaxScale           28       at most 28 digits after the point   ErrTooLarge
//	(input text)       80       characters in an amount string      ErrTooLarge
//	MaxParts           100,000  parts of Money.Split                ErrTooLarge
//	MaxPackQty         1,000    units in one pack of a PackOffer    ErrInvalidQuantity
//	MaxPackPriceMinor  10^12    minor units of a pack price         ErrTooLarge
//	MaxCosts           1,000    cost ratios in a Waterfall          ErrTooLarge
//
// How each operation keeps to it: parsing and constructors refuse values
// beyond it (trailing zeros beyond 28 places are dropped, not refused);
// Add, Sub, Sum, MulInt, RoundToIncrement and the rules that compute prices
// (tiers, margins, floors, tax, parity) return [ErrTooLarge] for a result
// above 10^30; Round never leaves the limits (10^30 is a whole number of
// every minor unit). Mul's product may need up to 56 places: beyond 28 it
// is rounded to odd at 28 places, that is truncated, with the last digit
// made odd when anything non-zero was dropped (Boldo and Melquiond, IEEE
// Trans. Computers 57(4), 2008). Two spare digits beyond any currency's
// minor unit make a later [Money.Round] in any mode equal to rounding the
// exact product, so a single multiply-then-round is exact to the cent;
// repeated multiplication keeps at most 28 places. Rates (折) are at most 1,
// so Apply and Discount never grow an amount. int64 arithmetic (compact
// amounts, MulInt, allocation, packs) is checked (internal/checked,
// math/bits) and falls back to exact decimals or reports ErrTooLarge;
// MinorUnits of an amount beyond int64 is ErrTooLarge. Allocate and
// AllocateMinor make one part per weight the caller already holds, so they
// are linear in their input and have no part limit.
//
// # Errors
//
// Every error for bad input is a *[FieldError] (the library's one shape:
// operation, field, value, sentinel, detail) wrapping one of the Err*
// sentinels, whose messages start with "pricing: ". A currency mismatch
// carries a *[CurrencyMismatchError] in the FieldError (errors.As finds
// both). [FloorPolicy.Check]'s verdict on a valid price below its floor is
// the *[BelowFloorError] itself. Match with [errors.Is] and [errors.As].
// Bad input is an error, never a panic and never a silently wrong number.
package pricing
