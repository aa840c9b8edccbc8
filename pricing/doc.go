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
// A [Money] is a [decimal.Decimal] amount and a [Currency]. A currency is an
// ISO 4217 code with the digits of its minor unit: CNY 2 (元 and 分), JPY 0,
// KWD 3; see [Currencies] for the built-in list. Unknown codes are an error
// ([ErrUnknownCurrency]).
//
// Money is built from a decimal string ([New], [Parse]), minor units
// ([NewFromMinor]: 1230 分 is CNY 12.30), a decimal ([NewFromDecimal]), or a
// float64 ([NewFromFloat], which rounds half-up to the minor unit and refuses
// NaN and ±Inf). Strings are plain decimals: no exponent, no separators, at
// most 40 significant digits and 28 decimal places.
//
// Arithmetic keeps every digit: CNY 10.00 × 0.85 is CNY 8.5000. Combining two
// currencies is an error that matches [ErrCurrencyMismatch] and carries both
// codes ([CurrencyMismatchError]). The zero Money has no currency; it adds as
// zero in any currency, so a total may start from it.
//
// String and JSON always show at least the currency's digits: "CNY 12.30",
// {"amount":"12.30","currency":"CNY"}. An unrounded amount keeps its extra
// digits ("CNY 3.3333") so that parsing gives back an equal value. JSON
// amounts are strings on output; numbers are accepted on input.
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
// # Errors
//
// Every function that can fail returns an error that names the operation,
// the field and the value, and wraps one of the Err* sentinels, or is a
// struct type ([CurrencyMismatchError], [BelowFloorError]) that matches one
// with [errors.Is]. Bad input is an error, never a panic and never a silently
// wrong number.
package pricing
