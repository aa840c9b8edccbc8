// Package promo is a promotion engine for Chinese online and O2O stores:
// 打折, 直降, 一口价, 满减 and 满折 (tiers and 每满减), 第N件X折, 买X送Y,
// N元任选M件, 套餐, 会员价, 满赠 and 满包邮, automatic or as 优惠券, with
// layered stacking, a proven-best choice among conflicting promotions, exact
// allocation to every unit, price floors, and an explanation for every
// promotion.
//
// Evaluation computes a plan and never mutates: an [Engine] built from the
// promotions takes a [Cart] (lines, customer, channel, coupon codes entered,
// usage so far, the evaluation time) and returns a [Result]. The library
// holds no counters and reads no clock.
//
// # Layers
//
// Promotions apply in five layers; a later layer sees the prices the earlier
// ones left:
//
//	item      单品优惠: Presale credits first, then PercentOff, AmountOff,
//	          FixedPrice (per unit), NthItem, BuyXGetY, BundlePrice, Combo,
//	          MemberPrice, LimitedUnits
//	order     店铺/平台优惠: Threshold (满减, 每满减, 满折), PercentOff and
//	          AmountOff with Scope PerOrder, order coupons
//	shipping  FreeShipping (满包邮), on Cart.Shipping or the fee a Delivery
//	          schedule computes
//	gift      Gift (满赠) and IssueCoupon, decided after the order layer
//	points    PointsRedemption: payment, after everything else
//
// Shipping and gift thresholds are tested on their Base like every
// threshold (by default after item discounts, so order promotions do not
// take a 满包邮 or 满赠 away).
//
// # Threshold base
//
// A threshold-like promotion (Threshold's 满减 and 满折, Gift, FreeShipping)
// tests its minimum on the amount its Base ([ThresholdBase]) names:
//
//	BaseAfterItems    after 单品优惠: the targeted units' prices after the item
//	                  layer, before any order-layer promotion (the default;
//	                  the Tmall/Taobao rule: order promotions never knock
//	                  each other out)
//	BaseListPrice     原价: the targeted units at Line.ListPrice (the unit
//	                  price where no list price is set)
//	BaseRunningTotal  the running total after the order-layer promotions
//	                  applied before it (for Gift and FreeShipping: after
//	                  the whole order layer); the Vendure/Magento rule
//
// Voucherify's DISCOUNTED_AMOUNT mode is BaseRunningTotal (its
// INITIAL_AMOUNT mode, each percentage off the original amount, has no form
// here). A threshold's reward is always taken off what the
// targeted units cost when it applies: on 360.16 at 8.5折 (306.14 after
// items) a store coupon 满200减10 applied first leaves 296.14, and a
// platform 满300减30 still applies under the default base (266.14), not on
// the running total (296.14, 3.86 missing).
//
// Within a layer promotions apply in application order: higher Priority
// first, then smaller ID. ([Engine.Promotions] and [Result.Explanations]
// list promotions by layer, then in this order.) Each order promotion
// takes its discount off the running total: 1000.00 with "10% off"
// (priority 2) and "100.00 off" (priority 1) pays 800.00; with the
// priorities swapped, 810.00. Shopify differs in three ways: it takes
// every percentage order discount off the subtotal before the order
// discounts (350 with 10% and 15% off: 262.50 there, 267.75 here), it
// applies percentages before fixed amounts whatever their order (give the
// percentage promotions a higher Priority for that), and its "once per
// order" amount off products is an item discount (here [AmountOff] with
// PerOrder is order-layer: give it the highest Priority to take it first).
//
// In the item layer, group promotions (第N件, 买赠, 任选, 套餐) run first and
// claim the units they group; every other unit then takes the per-unit
// promotion that saves most on it. A unit gets at most one item promotion
// unless every promotion on it is Stackable; stacked promotions apply in
// application order on the reduced price.
//
// # Choice (最优组合)
//
// Automatic promotions apply whenever they are eligible and conflict with
// nothing. Conflicts are choices: promotions of one exclusion Group (at most
// one applies), an Exclusive promotion against every promotion sharing a
// line with it, item group promotions against other item promotions on the
// same lines, and entered coupons (自动选择最优券: the engine picks the subset
// of entered coupons that saves most). The engine searches the choices
// depth first with an upper bound (a combination never saves more than the
// sum of what its promotions save alone) and keeps the combination that
// saves the customer most; ties go to fewer promotions used, then higher
// priority, then smaller ID. [Result.Optimal] reports whether the search
// finished within the engine's work budget ([WithWorkBudget]). The saving
// counts discounts, shipping waived, and the declared Value of gifts.
//
// Conflicts are found by counting, per line, the candidates that target it
// (all of them, the exclusive ones, the item ones), never by comparing two
// promotions' lines: classifying the candidates costs their target lines
// once, and turning a promotion on or off during the search costs its own
// lines. A run of identical candidates outside groups (the same coupon
// entered under 20 codes, consecutive in application order, defined alike
// but for ID, name, code and campaign, with the same budget spent) is one
// choice with a multiplicity: use the first k of them, k from all down to
// none, since any k of them save the same and the first k win the
// tie-break. Identical consecutive members of a group are one option. So 20
// whole-order 9.5折 coupons, or 20 满100减10 coupons of which any 6 fit on a
// 150.00 cart, are proven optimal in a few evaluations. Coupons that differ
// (9折 and 9.5折) are separate choices: a dominated coupon is not pruned
// unless the bound prunes it.
//
// A sharper bound serves carts where every promotion in play acts on the
// whole order alike: no price floor, no item-layer choice, every
// order-layer promotion in play (fixed or a choice) a percent or amount
// off that targets every line, every shipping or gift promotion in play
// targeting every line, and at most 64 choice points. Each such order
// promotion maps the running total T (every unit's price) to
// T - min(d(T), left): d a rounded rate of T or min(amount, T), left its
// budget or cap. That map is non-decreasing and passes a drop of 1 on as a
// drop of at most 1. So in any combination that adds promotions to a
// node, the running total before an order promotion r that the node
// leaves off is at most T_r, the running total before r's turn in the
// node's own pass, and adding r lowers the final total by at most d_r(T_r)
// (held to left): the node bounds r by that instead of r's standalone
// saving. For 20 stacking whole-order coupons of 9折 to 9.9折, each twice,
// the plain bound lets the search evaluate 2,562 combinations (3,243,374
// steps); the sharper one 290 (348,038 steps), all proven.
// FuzzSharpBound checks the search against every subset of such
// promotions.
//
// When the search could not finish within the budget (at most Π options per
// point combinations, each a pass), it first builds a greedy combination:
// the fixed promotions, then for each point in order of standalone saving
// its best option that fits (fewer copies of a coupon when all of them do
// not fit the budget), kept when it saves more. The search then starts with
// that as the best found, so a search cut short is never worse than the
// greedy start; the candidates it left out are explained as NotChosen with
// Reason [SearchBudgetExhausted].
//
// # Cost of an evaluation (work budget)
//
// Evaluate counts its work in steps ([Result.Work]), deterministically (no
// clock), and never does more than the engine's budget ([DefaultWorkBudget],
// 5,000,000 steps, or [WithWorkBudget]). With n units, L lines, P
// promotions and C candidates:
//
//	validating and matching  8 · L + S · V        S selectors (targets, get sets,
//	                                              combo parts) against every line; V is
//	                                              Σ per line of its categories and tags
//	                                              (at least 1): a selector's lists are
//	                                              sets when long, so 10,000 SKUs cost
//	                                              one lookup per line
//	bookkeeping              4 · Σ target lines   classifying, the explanations' indexes
//	                         + Σ units of candidate thresholds (what is missing)
//	one pass                 2n + P + Σ over the promotions on of
//	                         (units targeted + 1), or 8 · units + 1 for a
//	                         group promotion (第N件, 买赠, 任选, 套餐: it sorts)
//	the final pass           one pass + 2 · (units targeted + 1) per promotion
//	                         on, for recording every unit's adjustment
//	the search               one pass per candidate choice measured alone
//	                         (units targeted + 1 for an order-layer one when
//	                         no floor applies: alone its discount is spread
//	                         in full), one pass per combination evaluated,
//	                         plus 2 · Σ target lines of the choices per
//	                         combination
//	explanations             one pass per threshold, gift or shipping
//	                         promotion left out, for its hint
//
// Everything else is linear in these: item group promotions sort their
// units once (O(n log n)): 买X送Y finds the most times its buy units allow
// in one walk up the get units, 套餐 keeps a cursor per part. With nothing
// to choose, the final pass is the only pass. The search evaluates a
// combination only if that pass and the final pass of the best combination
// after it still fit; when the cart's final pass over its fixed promotions
// alone does not fit, Evaluate returns [ErrTooLarge] (a *FieldError on
// "cart"). On a 2-core cloud machine (2026) a step costs 4 to 16 ns of CPU
// (bench_adversarial_test.go; PROMO_CPU=1 go test -count=1 -run AdversarialCPU -v
// measures it), so the default budget bounds an evaluation at about 50 ms
// of CPU. The dearest steps are per line: a cart of 100,000 lines with 20
// promotions measured 58 ms before an engine of 8 or more promotions found
// each line's promotions through an index of the values its targets name
// (one lookup per value of the line instead of one match per promotion;
// the work count still charges S · V, an upper bound), and measures about
// 37 ms now (40 ms for 2 promotions, which match by scanning). A price
// floor is computed once per run of lines with the same list price and
// cost, by the floor policy in decimals, which is not a step: 100,000
// floored lines of distinct prices cost about 50 ms of CPU, 20 of it in
// package pricing. Explanations that need an extra pass (what a threshold
// lacks when a conflicting promotion won, whether a promotion would save
// alone) make it only if the budget still allows, and otherwise say less.
//
// # Money
//
// The engine computes in int64 minor units (分) within [MaxMinorUnits] and
// [MaxUnits]; carts beyond them are an error, never a wrong number. Rates
// have at most four decimal places of their off fraction.
//
// Each promotion's discount is computed per line, rounded once to the minor
// unit with the cart's [pricing.RoundingMode], then allocated to the line's
// units by largest remainder ([pricing.AllocateMinor]): four lines of 1.06,
// 2.06, 3.06 and 4.06 at 9折 get 0.11, 0.21, 0.31 and 0.41 off; ten units of
// 0.01 at 9折 pay 0.09. An order-layer discount is rounded once and
// allocated to lines in proportion to their current totals, then to units in
// proportion to their prices. Every allocation sums exactly, so the units
// of a [Result] add up to its Total. Largest remainder gives each line its
// exact share rounded down or up, the spare cents to the largest
// remainders (ties to the earlier line): Solidus's Money#allocate puts a
// spare cent on the first line instead (50 off 120, 230, 300: Solidus
// 9.24, 17.69, 23.07; here 9.23, 17.69, 23.08), Talon.One gives it to the
// most discounted item (30 over 55, 60, 115: 7.17, 7.82, 15.01; here 7.17,
// 7.83, 15.00), and Saleor rounds each share half up and gives the last
// line the remainder.
//
// A [Line.NotPromotable] line takes no discount; promotions still apply to
// the other lines (as Solidus's promotions do; its legacy promotions made
// the whole order ineligible).
//
// Nothing goes below zero, and nothing goes below the price floor of
// [WithFloor] ([pricing.FloorPolicy]: a 7折 minimum, a minimum margin, an
// absolute minimum) unless the promotion's Campaign is exempt. An item
// discount belongs to its units: what would cross a unit's floor is
// trimmed. An order discount is the order's: a line whose share would
// cross its floor takes only its room (what its units can give above their
// floors) and the rest goes to the lines that still have room
// (water-filling); only what fits nowhere is trimmed. Exactly: each line
// takes min(room, λ·total) for the one level λ at which the shares add up
// to the discount, found in one pass over the lines sorted by room/total
// (the level at which each fills up), and the lines below their room share
// what is left by largest remainder, in cart order; O(n log n), and one
// share per line and promotion, however the floors are set (it used to
// re-spread the excess round after round, up to about 20 rounds over
// every line on a cart built for it, work Result.Work did not count).
// Within a line the share goes to the units with room the same way, in
// proportion to their prices. Trims are reported on the promotion
// (Explanation.Trimmed).
//
// # Explanations
//
// Every promotion gets an [Explanation]: applied (amount, lines, gift), not
// applicable with a [Reason] (not started, expired, outside schedule, wrong
// channel, customer not eligible, coupon not entered, usage limit reached,
// budget exhausted, no targeted items, below threshold with what is missing,
// "add 23.50 more to get 50.00 off", including when item discounts pushed
// the base below the threshold), not chosen, or excluded by another
// promotion; with the discount trimmed by floors and cut by budgets or caps.
// Codes entered that match no promotion are listed in
// [Result.UnknownCoupons]. [Result.Line] and [Result.Explanation] look a
// line or a promotion up by ID; [Result.Saved] and [Result.AfterItems] are
// the saving in money and the goods after item discounts.
//
// The hint ("add X more") is exact. MissingAmount is the least amount of
// goods at list price, untouched by item promotions, that added to the cart
// makes the promotion reach its next tier or step, to the fen: with 满100打9折
// (applied first) and 满200减20 / 满400减50 on 350.00, the hint is 50.00
// (350.00 after items to 400.00); a 50.00 item gives 50.00 off, a 49.99 one
// 20.00. On [BaseRunningTotal] the goods are counted as no earlier order
// promotion discounts them: there the hint is 85.00 (315.00 after the 9折),
// and 85.00 of goods the 9折 also discounts would add only 76.50. The hint
// is measured in the combination evaluated; on the larger cart the engine
// may choose another combination that saves more. NextReward is the whole
// reward at that next level for tiers and 每满 alike (the next tier's Off;
// (n+1)·Off after n steps), not the increase; String says "in total" when
// the promotion already gives something. A promotion left out (NotChosen,
// Excluded) carries the hint it would have in place of the promotions it
// conflicts with. TestHintProperty and FuzzHintExact check the contract on
// random campaigns: add the hint and the tier is reached; one fen less and
// it is not.
//
// # Promotions as data (JSON)
//
// A [Campaign] (name, currency, IANA time zone, promotions) decodes with
// [DecodeCampaign] and encodes with [EncodeCampaign] in one canonical form;
// NewEngine(c.Currency, c.Promotions) builds its engine. One rule names
// every key: the snake_case of the Go field ("min_amount" for
// Tier.MinAmount, "amount" for Step.Amount, "time_zone" for TimeZone,
// "per_customer", "exclude_skus"), without exception. Actions carry a
// "kind" equal to [Action.Kind], amounts are strings in the campaign's
// currency, rates are 折 strings ("8.5折"), times are RFC 3339, schedules
// name their zone, and a schedule's hours are [ClockRange] values in the
// library's one civil form ("14:00-17:00", "14:00:30-17:00" with seconds;
// half-open, 00:00 ≤ start < end ≤ 24:00, never past midnight), shared with
// package kpi; a bad one is a *[FieldError] wrapping [ErrInvalidPromotion]
// whose Detail says what is wanted ("want start < end"). A schedule is
// matched on the wall clock of its zone to the whole second, so a
// 14:00-17:00 happy hour is 14:00-17:00 on a daylight-saving day too, and
// 16:59:59.999 is still inside it. Decoding rejects unknown and repeated keys and unknown
// kinds and validates everything [NewEngine] checks, returning every
// problem at once in a *[CampaignError], each a *[FieldError] whose Field
// is the JSON path ("promotions[3].action.tiers[1].min_amount: invalid
// action: must be greater than tiers[0].min_amount (200.00)"). Zone names
// are resolved by the caller's [WithTimeZones] function, [time.LoadLocation]
// by default, each name once per document; a service that must not read
// the zone database passes its own. promo/testdata holds a
// golden document for every kind. A typical 双11 campaign (one promotion per
// line here; testdata/double11.json is the canonical form):
//
//	{"name": "双11", "currency": "CNY", "time_zone": "Asia/Shanghai", "promotions": [
//	  {"id": "d11-every-300", "name": "每满300减30", "group": "d11-store",
//	   "start": "2026-11-11T00:00:00+08:00", "end": "2026-11-12T00:00:00+08:00", "campaign": "双11",
//	   "action": {"kind": "threshold", "every": {"amount": "300.00", "off": "30.00"}}},
//	  {"id": "store-coupon-20", "name": "店铺券 满199减20", "coupon": "STORE20",
//	   "start": "2026-11-01T00:00:00+08:00", "end": "2026-11-12T00:00:00+08:00",
//	   "limits": {"total": 5000, "per_customer": 1},
//	   "action": {"kind": "threshold", "tiers": [{"min_amount": "199.00", "off": "20.00"}]}},
//	  {"id": "platform-coupon-50", "name": "平台券 满400减50", "priority": -1, "coupon": "TMALL50",
//	   "start": "2026-11-11T00:00:00+08:00", "end": "2026-11-12T00:00:00+08:00",
//	   "limits": {"per_customer": 1, "budget": "1000000.00"},
//	   "action": {"kind": "threshold", "tiers": [{"min_amount": "400.00", "off": "50.00"}]}},
//	  {"id": "snacks-2nd-half", "name": "零食第二件半价", "target": {"categories": ["snacks"]},
//	   "start": "2026-11-11T00:00:00+08:00", "end": "2026-11-12T00:00:00+08:00",
//	   "action": {"kind": "nth-item", "n": 2, "rate": "5折"}},
//	  {"id": "free-shipping-299", "name": "满299包邮",
//	   "action": {"kind": "free-shipping", "min_amount": "299.00"}},
//	  {"id": "gift-500", "name": "满500送保温杯",
//	   "start": "2026-11-11T00:00:00+08:00", "end": "2026-11-12T00:00:00+08:00",
//	   "action": {"kind": "gift", "min_amount": "500.00",
//	              "options": [{"sku": "mug-350", "name": "保温杯", "qty": 1, "value": "59.00"}]}}
//	]}
//
// # More forms: unit caps, partial groups, coupons returned, points, delivery, presale
//
// [LimitedUnits] takes a rate or an amount off at most PerLine units of
// each line (Medusa's allocation "each" with max_quantity) and at most
// PerCart units of the cart (Medusa's "once"), cheapest first or dearest
// first ([UnitPick]); it picks its units like 第N件X折 and leaves the others
// to other item promotions.
//
// [BuyXGetY] rewards whole groups by default (Medusa's buyget);
// PartialGroups gives the get units of a last group whose buy units are
// all there (Magento's Buy X get Y: floor(n/(x+y))·y units, plus the rest
// beyond x): buy 1 get 2 on 5 units frees 2, or 3. The cheapest qualifying
// units are the rewarded ones (the merchant's usual rule); Medusa frees the
// dearest target units.
//
// A unit-capped promotion picks units at their price after the item
// promotions before it, so with the default CheapestFirst a second cap on
// a line may pick a unit the first already discounted (Medusa takes its
// value off a unit's full price); DearestFirst picks the undiscounted ones.
// A unit already free is passed over.
//
// [IssueCoupon] issues coupons for a later order when a threshold is
// reached (on its Base, like a Gift): [Result.CouponsIssued] lists them,
// nothing is deducted now, and a return that loses the threshold lists
// them in [RefundQuote.CouponsToRevoke] (or deducts their Value under
// [GiftDeducted]).
//
// [PointsRedemption] spends the points the cart offers ([Cart.Points]) at
// Points per Value, at most MaxPercent of the goods and at most MaxAmount,
// after every other promotion (coupons included), in whole steps allocated
// to lines then units by largest remainder: [Result.PointsUsed] and
// [Result.PointsDiscount]; a refund returns each unit's points exactly
// ([RefundQuote.Points]). Points are payment: not a saving to the choice,
// not held to floors, never seen by a threshold.
//
// A [Delivery] on the cart (O2O) makes the shipping layer compute the fee:
// by distance band and order amount, with a minimum order for delivery
// measured on its own [ThresholdBase]; [Result.Delivery] says whether the
// order can be delivered and what is missing, like a threshold. Free
// delivery from an amount is a [FreeShipping]. A fee that the promotions
// raise (a smaller order paying a higher tier) counts against their
// saving; when the fee depends on the promotions chosen, the choice is not
// proven optimal ([Result.Optimal] false).
//
// A [Presale] (预售) has two stages: before BalanceFrom the customer pays
// the Deposit per unit ([Engine.Deposits]); from BalanceFrom on each unit
// takes Credit off, first in the item layer, and thresholds see the
// balance by default (a 满减 of the balance stage applies to the balance;
// BaseListPrice tests the full price). [Result.DepositPaid] reports the
// deposits, outside Total; a return refunds the deposit or keeps it, as
// the campaign's Refundable says ([RefundQuote.DepositRefund],
// DepositKept). Points and presale credits are never a choice: no group,
// coupon or Exclusive promotion takes them out.
//
// Their work stays within the cost table: LimitedUnits and a presale are
// charged as item group promotions (they sort or walk their units), a
// points redemption as an order promotion (its water-filling sorts the
// lines and units with room, O(n log n)); the delivery fee is one walk of
// the units per pass, inside the pass's 2n; a delivery schedule is
// validated once per evaluation, at most MaxActionList bands of
// MaxActionList tiers.
//
// The quantity forms read as the platforms word them: 满2件8折 is a
// [Threshold] ByQuantity with a Rate tier (from the second unit, every
// targeted unit at 8折, once; not a repeating group); 2件8折 is the same
// promotion; 任选3件99元 (N元任选M件) is a [BundlePrice]: each full group of
// Qty targeted units for Price, repeating up to MaxTimes, the dearest
// units grouped (which saves the customer most), the rest at their price,
// and a group that would not save is not formed.
//
// # Refunds (售后退款)
//
// [Engine.Refund] quotes a return from the stored [Result]: each line gives
// back its lowest-paid units first (the half-price unit of a 第二件半价 pair)
// and refunds what they paid, so returning a whole order refunds exactly
// what its lines paid (shipping is not refunded). Under a [RefundPolicy]
// with Clawback, the kept units are priced again with the promotions the
// order used, at the order's time: what they now cost beyond what they paid
// (a 满减 tier or 每满 count lost, free shipping lost, a gift's value under
// [GiftDeducted]) is deducted from the refund, spread over the returned
// units, explained by promotion, and never makes the refund negative; the
// rest is reported as Undeducted. Lines 150.00 and 60.00 with 20% off the
// order paid 168.00; returning the 150.00 line refunds 120.00.
//
// The stored Result is checked against the cart before any of it is used
// (it comes back from a database, and may have been altered): the
// currency; one line result per cart line with its ID, quantity and unit
// price; a paid amount per unit and a per-unit amount per adjustment, each
// in the currency, rounded, non-negative and within [MaxMinorUnits]; per
// unit, the price less its adjustments equal to what it paid; per line,
// the units summing to After and each adjustment's units to its Amount;
// adjustments only by the engine's promotions; shipping within the cart's
// fee. A result that fails is an [ErrInvalidReturn] naming the field
// ("result.lines[0].unit_paid[1]"), so no stored data can raise a refund.
//
// Results are JSON-ready: [Result] and [RefundQuote] have snake_case keys,
// enums by name ("applied", "below_threshold"), the zero Money left out;
// a Result decoded from its JSON refunds like the original.
//
// # Coupon codes (券码)
//
// [NormalizeCode] is applied to every code before matching: spaces
// (including the ideographic space), hyphens and invisible characters are
// dropped, letters upper-cased, and full-width letters and digits typed
// with a Chinese input method (ｗｘ６) read as half-width.
//
// A [CodeFormat] is an optional prefix, a body over [CodeAlphabet] (31
// characters, no 0/O or 1/I/L) and one check character (校验位) chosen so
// that Σ i·v(c_i) ≡ 0 (mod 31) over the body and check, positions i from 1.
// Because 31 is prime and no position exceeds 25, every single wrong
// character and every swap of two different neighbours changes the sum and
// is caught offline by [CodeFormat.Check], which says which problem it
// found ([CodeError]). [CodeFormat.Generate] makes batches from a caller's
// secret seed, deterministically: code i is a keyed permutation of i (a
// 10-round Feistel network with HMAC-SHA-256, the FF1 shape), so codes never
// repeat, batches compose, [CodeFormat.Index] recognises a code offline, and
// at most one well-formed code in [CodeSparsity] is live.
//
// # Usage limits: reserve, commit, release
//
// The engine checks limits and budgets against the [Usage] the caller
// passes and lists the [Redemption]s to record; it holds no counters. A
// service keeps them safe under concurrent checkouts itself. Reserve at
// checkout in one conditional write (UPDATE coupon SET reserved = reserved
// + 1 WHERE id = ? AND used + reserved < total_limit, and likewise per
// customer and for budgets); if no row changes, evaluate again without the
// coupon. Commit on payment, moving the reservation to used in the
// transaction that records the redemption, once per order ID. Release on
// cancellation or when the reservation expires. Never read a count and write
// it later: two checkouts would both see room for one more.
//
// # Options
//
// [NewEngine] and [DecodeCampaign] take the one [Option] type:
// [WithFloor] (both: the engine holds units to the floor, and both refuse
// a Campaign name the policy does not know), [WithWorkBudget] (NewEngine),
// [WithTimeZones], [WithMaxCampaignBytes] and [WithMaxProblems]
// (DecodeCampaign). Each function ignores, without validating, the options
// that do not concern it, so one list configures a campaign's decoding and
// its engine. Options return nothing; the function validates what they
// set and reports a bad value as a *[FieldError] whose Field names the
// option ("WithMaxProblems"), wrapping [ErrInvalidOption] (inside a
// *[CampaignError] from DecodeCampaign): a work budget, document size or
// problem count below 1, or a nil time-zone resolver.
//
// # Limits
//
// Every input is bounded, every sum and product of integers is checked
// (internal/checked) or bounded by a limit checked before it, and a value
// beyond a limit is a *[FieldError] wrapping [ErrTooLarge] whose Detail
// names the limit. The limits:
//
//	MaxUnits         100,000     units in a cart (Σ Qty); also every quantity and
//	                             MaxTimes of an action (BuyQty, GetQty, N, Qty, MinQty, ...)
//	MaxLines         100,000     lines in a cart (= MaxUnits: a line holds at least one unit)
//	MaxMinorUnits    10^13       every amount and the cart's subtotal, in minor units
//	MaxCoupons       50          codes a cart carries; bounds Result.UnknownCoupons
//	MaxLabels        64          categories or tags of a line; tags of the customer;
//	                             a promotion's Channels, Conditions lists, schedule Hours
//	                             and Weekdays (read at every evaluation)
//	MaxCouponLen     128         bytes of one code, in a cart or a promotion
//	MaxRedemptions   10^12       a usage count (Usage.Total, ByCustomer) and a usage limit
//	MaxPromotions    10,000      promotions of one engine or campaign
//	MaxActionList    100         tiers, parts or options of one action
//	MaxSelectorList  10,000      entries of each Selector list, and a cart's OutOfStock
//	MaxPoints        10^15       Cart.Points and a PointsRedemption's Points
//	MaxDistanceMeters 10^8       a Delivery's distance and a band's UpToMeters; a
//	                             delivery schedule has at most MaxActionList bands,
//	                             each at most MaxActionList amount tiers
//	DefaultMaxCampaignBytes  4 MiB  a campaign document (WithMaxCampaignBytes)
//	DefaultMaxProblems       100    problems DecodeCampaign collects before it stops (WithMaxProblems)
//	DefaultWorkBudget        5,000,000  steps of work of one evaluation (WithWorkBudget)
//
// A selector's lists of more than 8 entries are held as sets when the
// engine is built, so matching a line costs at most a lookup per label of
// the line (MaxLabels), whatever the lists' lengths. An engine of 8 or
// more promotions also indexes its targets by the values their include
// lists name, so a line finds its promotions with one lookup per value of
// the line (SKU, product, each category and tag) and checks only those
// against their exclude lists.
//
// A 每满 step by amount may take at most itself off (每满300减300 is the
// most), so times × off stays within the subtotal; by quantity, times ≤
// MaxUnits and off ≤ MaxMinorUnits keep it below 10^18. A budget spent
// ([Usage.BudgetSpent]) must be an amount of the cart's currency, rounded,
// non-negative and within MaxMinorUnits: one that is not would otherwise be
// read as nothing spent (the budget paid out again) or as a larger budget.
// DecodeCampaign reads at most the size limit (checked before parsing),
// stops after the problem limit, and calls the zone resolver at most once
// per distinct name and not at all once stopped; its work is linear in the
// document's size.
//
// [DefaultWorkBudget] (5,000,000 steps, see Cost of an evaluation) bounds
// the work of one evaluation; [WithWorkBudget] sets another (at least 1,
// else NewEngine returns a *FieldError naming "WithWorkBudget" and
// wrapping [ErrInvalidOption]; likewise DecodeCampaign for
// WithMaxCampaignBytes and WithMaxProblems below 1). A search
// that reaches it keeps the best combination found, with Optimal false; a
// cart whose one necessary pass does not fit is refused with
// [ErrTooLarge]. Every product and sum of integers in an evaluation is
// checked (internal/checked) or bounded by [MaxUnits] and [MaxMinorUnits]
// as its comment says: a 每满减 whose steps × reward would pass int64 gives
// the whole targeted amount, a BuyQty × times beyond int64 gives nothing.
//
// # Checking a campaign before it goes live
//
// Three checks run before launch: a lint ([Check]), the worst cart
// ([Engine.WorstCart]) and a backtest ([Engine.Backtest]). They live in
// package promo (files check*.go, worstcart*.go, backtest*.go) rather than
// a subpackage because they read the engine's compiled promotions and its
// selector matching, which a subpackage could reach only if they were
// exported.
//
// [Check] lints a [Campaign] against a catalog ([CatalogItem]: SKU,
// product, categories, tags, list price, cost) without any cart, and
// returns [Finding] values, each with a [FindingKind], a [Severity], the
// promotions involved, the JSON path at fault and a plain message. The
// rules, one per kind:
//
//   - invalid (error): a problem [Campaign.Validate] reports.
//   - tiers_out_of_order (error): a tier's minimum is not above the one
//     before it.
//   - tier_not_better (warning): a tier gives no more than the tier below
//     on every cart that reaches it: amount against amount, rate against
//     rate, and by amount a tier of X off at minimum M against a lower
//     tier's rate r when X ≤ M × r (a rate above an amount grows with the
//     cart and is never flagged; by quantity a rate and an amount are not
//     comparable).
//   - matches_nothing (warning): the target, a buy-x-get-y's Get or a combo
//     part matches no catalog item.
//   - never_opens (warning): with [WithCheckPeriod], the validity window
//     misses the period, or the schedule has no instant inside the part of
//     it the window leaves (a week of days decides, in the schedule's zone).
//   - dominated_coupon (warning): another coupon of the same exclusion group
//     gives at least as much on every cart, so the engine never prefers
//     this one. Claimed only when the two share everything but the reward
//     (target, conditions, channels, window, schedule, flags, campaign)
//     and the better one's limits are no stricter; rewards compared: rates
//     of the same scope (a cap only if the better one's is no lower),
//     amounts of the same scope, and tiered thresholds of the same basis
//     interval by interval between their minimums. Of two identical coupons
//     the later is reported. Other pairs are not judged.
//   - budget_below_redemption (warning): the budget is below the least one
//     redemption gives (the lowest tier, a rate tier at its minimum, a
//     每满 step, an amount off or the cheapest targeted item if less, a
//     shipping reduction), so the first use exhausts it.
//   - gift_not_in_catalog (warning): a gift option's SKU is not sold.
//   - shipping_always_free (info): a free-shipping threshold of one unit, or
//     of an amount no more than the cheapest targeted item's list price,
//     is met by every cart with a targeted item.
//   - priority_no_effect (info): a promotion has a non-zero priority but no
//     other promotion of its layer targets a catalog item it targets
//     (overlap is judged on the catalog only, not on conditions).
//   - unknown_campaign (error): with [WithFloor], a Campaign name the floor
//     policy does not know.
//
// Check does work proportional to promotions × catalog items, at most the
// work budget ([WithWorkBudget]; beyond it, [ErrTooLarge]), plus pairwise
// comparisons inside each exclusion group's coupons (groups above 500
// coupons compare each coupon with its neighbours only). The catalog holds
// at most [MaxCatalogItems] items.
//
// # The worst cart
//
// [Engine.WorstCart] searches for the cart that hurts most under the
// engine's campaign, for a chosen [Loss]: the discount as a share of list
// value (LossDiscountShare), the amount sold below cost (LossBelowCost)
// or the deepest unit price against its floor (LossFloorDepth). The space
// is a [WorstCartQuery]: carts of the catalog's items at list price, each
// at most its MaxQty, at most MaxUnits units in all, for each [Shopper]
// (tier, tags, channel, the coupons held at once). It returns the witness
// cart, its evaluated [Result] (the explanations say why) and whether the
// answer is proven. Exact by enumeration: when the space has at most
// Budget carts (counted beforehand), every cart is evaluated and Proven is
// true. Beyond, a deterministic heuristic within the budget: each item
// alone at 1 to 4 units, its maximum and the least quantity reaching each
// of the campaign's amounts and counts (tiers, steps, N, groups, bundle
// and combo sizes), then steepest-ascent local search (add, remove or move
// one unit) from the three worst of those; Proven is false and the cart is
// a lower bound on the worst. (No bound-based pruning is done: a
// promotion's best case does not bound the interplay of exclusion groups
// and floors tightly enough to prove more than enumeration does.)
//
// # Backtest on past orders
//
// [Engine.Backtest] replays past carts ([BacktestQuery]: each order's
// lines with costs, customer, channel, time and entered coupons) under the
// engine's campaign, in time order, and reports ([BacktestReport]) the
// discount and its share of GMV, the margin before and after over the lines
// with a cost, each promotion's part ([PromotionOutcome]: orders, amount,
// coupon redemptions, orders cut by its budget or cap, orders by the tier reached
// ([Explanation.Level]), near misses: orders
// short of its next tier by less than NearMiss, and what they lacked), the
// budget burn (what each budget spent and the time of the order at which
// it ran out), and the distribution of the orders' discount depth in 5 %
// buckets. Usage of limited promotions is counted as the replay goes, so a
// budget runs out when it would have; the carts' own Usage is ignored.
// Orders the engine refuses are counted, with their first errors, and do
// not stop the replay. With Workers above 1 and no promotion limited, the
// orders are split into contiguous chunks evaluated on that many goroutines
// and the tallies added in order: the report is the one-worker report.
// With a limit the replay is sequential whatever Workers says.
//
// # Errors
//
// Every error a function returns for bad input is a *[FieldError] in the
// library's one shape: Op names the operation ("new engine", "evaluate",
// "refund", "validate cart", "decode campaign", "check code", ...), Field
// the path in JSON key names ("lines[3].qty",
// "promotions[2].action.buy_qty", "usage[\"d11\"].budget_spent"), Value the
// offending value, Err the sentinel ([ErrInvalidPromotion],
// [ErrInvalidAction], [ErrInvalidCart], [ErrDuplicateID], [ErrTooLarge],
// [ErrUnknownCampaign], [ErrInvalidReturn], [ErrUnknownName],
// [ErrInvalidOption], the code sentinels) or a pricing error, and Detail what is wanted, with the limit
// where one was crossed. The message reads "promo: OP: FIELD VALUE:
// REASON: DETAIL". [NewEngine] reports every problem of every promotion at
// once, joined; [DecodeCampaign] returns them in a *[CampaignError], which
// also matches [ErrInvalidCampaign]; a bad coupon code is a FieldError
// around a *[CodeError]. An unknown coupon is an explanation, not an error.
// Nothing panics.
//
// A promotion's Campaign must be a name the floor policy ([WithFloor])
// knows, so an exemption cannot silently miss ("double11" against a policy
// exempting "双11"): NewEngine and DecodeCampaign, both given [WithFloor],
// refuse an unknown name with [ErrUnknownCampaign], naming the promotion,
// the name and the known names. The policy knows the names it exempts (and,
// once pricing can list them, every campaign it names); a normal sale has
// no Campaign. Without floor rules names are not checked. Each
// [Explanation] carries its Campaign and says when the floor exempts it.
package promo
