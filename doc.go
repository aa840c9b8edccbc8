// Package opskit is pure domain logic for running online and O2O stores:
// the numbers an operations team computes every day, correct to the cent,
// explained, and fast.
//
// opskit does no I/O. Callers pass data in (prices, carts, promotions, stock
// positions, events, staff activity) and get values, plans and explanations
// back. Every package is deterministic: the same input gives the same output,
// byte for byte, and time is always an input, never read from a clock.
//
// # Packages
//
//	pricing    money, currencies, explicit rounding, allocation (分摊), the
//	           折 notation, quantity tiers (阶梯价), packs (N for P), member
//	           prices (会员价), channel parity, price floors (最低价控制),
//	           margins, VAT and price audits
//	promo      promotions (满减, 每满减, 满折, 第N件X折, 买赠, 优惠券, 包邮) as
//	           data, layered stacking, best-choice, exact allocation, refunds
//	inventory  demand statistics, safety stock (安全库存), reorder points and
//	           warning lines (预警线), policies, order shaping, ATP with
//	           presales, ABC/XYZ, forecasts, stock status
//	funnel     conversion funnels, retention and repurchase (复购率), user
//	           stages, GMV = UV × CR × AOV, A/B statistics
//	kpi        staff scorecards, customer-service metrics in business hours,
//	           commissions, attendance (有效出勤) and activity quotas, ranking
//	           and rewards
//
// pricing and inventory stand alone; promo, funnel and kpi build on pricing's
// Money. A test in this package enforces that rule.
//
// # Where to start
//
// Run the tour, one convenience store's day through the packages:
//
//	go run ./examples/storeday
//
// The glossary of Chinese operations terms, with the English term and the
// opskit identifier for each, is in the README.
package opskit
