// Package kpi is staff performance for stores (绩效考核): commissions
// (提成), metrics and scorecards, ranking and rewards, business hours,
// customer-service metrics (客服绩效), effective attendance (有效出勤),
// activity quotas (the 5512 model) and DSR ratings.
//
// It imports only package pricing from opskit, for money. Nothing here reads
// a clock, a file or the environment; time is always an input. Every value
// type is immutable and safe for concurrent use; slices and maps passed in
// are copied or only read. Nothing panics except the Must* helpers.
//
// # Commissions (提成)
//
// A [CommissionPlan] is a tier table in one currency. Each [Tier] covers
// sales from From to To (a zero To on the last tier: no upper limit). Tiers
// must start at 0 and be contiguous: a From above the previous To is a gap,
// below it an overlap; both are [ErrInvalidTiers].
//
// [Marginal] (超额累进, graduated) pays each band's rate on the part of sales
// inside it; [WholeAmount] (全额累进, retroactive) pays the reached band's
// rate on all of sales. With 5% to 50,000, 7% to 100,000 and 10% above,
// sales of 175,000 earn 13,500.00 marginal and 17,500.00 whole-amount; sales
// of exactly 100,000 earn 6,000.00 marginal and 7,000.00 whole-amount,
// because by default the boundary belongs to the lower band
// ([LowerBandOwns]: bands are (from, to]; [UpperBandOwns]: [from, to)).
// Marginal commission is continuous and non-decreasing in sales whichever
// band owns a boundary.
//
// Commission is paid on net sales: gross minus refunds (退款), at least zero.
// Accelerators multiply the commission earned on sales beyond a level of
// quota attainment (完成率 = net sales ÷ quota): with quota 100,000 and ×1.5
// from 100%, the commission earned on the sales above 100,000 is paid at
// 150%. The cap applies after accelerators. The result is rounded once, at
// the end, to the currency's minor unit with the plan's
// [pricing.RoundingMode] (the zero value: half-up, 四舍五入).
//
// # Errors
//
// Bad input is an error, never a panic: a *[FieldError] naming the
// operation, the field path and the value, wrapping one of the Err*
// sentinels ("kpi: commission: tiers[1].from 60000: invalid tier table: gap
// after the previous tier"). Match with [errors.Is] and [errors.As].
package kpi
