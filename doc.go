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
// # How the packages compose
//
// The packages meet in values, not in calls. pricing's Money is the common
// currency: promo, funnel and kpi take and return Money, and no package
// calls another's functions except pricing's. inventory turns sales history
// into orders and needs no money at all. funnel turns event logs into
// counts, rates and times to convert, and plans or explains sales as
// GMV = UV × CR × AOV in Money. kpi scores staff on figures the caller
// passes in (its own customer-service metrics, sales for commissions) and
// pays rewards in Money. A service that uses several packages passes one
// package's output as the next one's input; nothing is global, so every step
// can be tested and explained on its own, as examples/storeday does.
//
// # Where to start
//
// Run the tour, one convenience store's day through the packages, and the
// other example programs:
//
//	go run ./examples/storeday   # the tour
//	go run ./examples/checkout   # a 双11 cart through the promotion engine, a return
//	go run ./examples/replenish  # ABC/XYZ, safety stock, reorder points
//	go run ./examples/funnel     # funnel, retention, user stages, the plan
//	go run ./examples/staffkpi   # a customer-service team's day
//
// # Glossary
//
// Chinese operations terms, the English term, and the opskit identifiers
// that compute them (the same table as the README's glossary):
//
//   - 元 / 分: yuan / fen, the minor unit; pricing.CNY, Money.MinorUnits
//   - 四舍五入: round half up; pricing.HalfUp
//   - 抹零 / 抹分 / 抹角: drop small change / to 0.10 / to 1.00; pricing.Down,
//     Money.RoundToIncrement
//   - 分摊: allocation of an amount over parts; Money.Allocate, Money.Split,
//     pricing.AllocateMinor
//   - 折 / 打折: discount notation: X折 pays X tenths; pricing.Rate,
//     pricing.ParseZhe, Rate.Zhe
//   - 半价: half price (5折); pricing.ParseZhe("半价")
//   - 阶梯价: quantity tier price (all-units / incremental); pricing.TierTable,
//     pricing.AllUnits, pricing.Incremental
//   - 组合装 / N元M件: pack price, "N for P"; pricing.PackOffer, PackOffer.Cheapest
//   - 会员价 / VIP价: member price; pricing.MemberPrices, pricing.MemberRule
//   - 线上线下同价: O2O channel price parity; pricing.CheckParity
//   - 最低价控制 / 最低折扣: price floor; pricing.FloorPolicy, pricing.BelowFloorError
//   - 毛利率 / 加价率 / 净利率: gross margin / markup / net margin;
//     pricing.GrossMargin, pricing.Markup, pricing.Waterfall
//   - 增值税: value-added tax; pricing.TaxRate
//   - 价格核对: price audit; pricing.AuditListing
//   - 安全库存: safety stock; inventory.SafetyStock,
//     inventory.CycleServiceSafetyStock, inventory.FillRateSafetyStock
//   - 预警线 / 警戒线: warning line, a hand-set reorder point;
//     inventory.Item.WarningLine
//   - 再订货点: reorder point; inventory.ReorderPoint
//   - 补货 / 补货建议: replenishment / order suggestion; inventory.Planner,
//     inventory.Suggestion
//   - 起订量 / 箱规: minimum order quantity / pack multiple; inventory.NewShaping
//   - 预售 / 团购: presale / group-buy reservation; inventory.Reservation,
//     inventory.GroupBuy
//   - 可承诺量: available to promise; inventory.ATP
//   - 库存周转率 / 周转天数: inventory turnover / days of inventory;
//     inventory.Turnover, inventory.DaysOfInventory
//   - 动销率: share of SKUs with at least one sale; inventory.ActiveRate
//   - 售罄率: sell-through; inventory.SellThrough
//   - 滞销 / 呆滞: slow-moving / dead stock; inventory.StatusSlowMoving,
//     inventory.StatusDead
//   - 考核 / 绩效考核 / 考核表: appraisal / scorecard; kpi.Scheme, kpi.Scorecard,
//     kpi.Metric, kpi.Curve
//   - 排名 / 末位淘汰: ranking / bottom-ranked elimination; kpi.Rank,
//     kpi.Competition, kpi.Dense
//   - 红包 / 奖励: red packet / reward; kpi.Rewards, kpi.RewardRule
//   - 提成 / 阶梯提成: commission / tiered commission; kpi.CommissionPlan,
//     kpi.Marginal, kpi.WholeAmount
//   - 工作时间 / 节假日 / 调休: business hours / holidays / make-up working days;
//     kpi.Schedule, kpi.ScheduleSpec
//   - 接待人数: reception count: customers served; kpi.AgentStats.Reception
//   - 首次响应时间 / 平均响应时间: first / average response time;
//     kpi.AgentStats.FirstResponse, kpi.AgentStats.Response
//   - 询单转化率: inquiry-to-order conversion; kpi.AgentStats.Conversion,
//     kpi.ServiceMetrics
//   - 客单价: average order value (AOV); funnel.Period.AOV, funnel.Plan,
//     kpi.AgentStats.AOV
//   - 有效出勤: effective attendance (sign-in, sign-out and exam);
//     kpi.EffectiveAttendance
//   - 5512 活动量: the daily/weekly activity quota model; kpi.Scheme5512,
//     kpi.EvaluateQuotas
//   - DSR 动态评分: detailed seller ratings; kpi.RollingDSR, kpi.DSRDrops
//   - 转化漏斗 / 转化率: conversion funnel / conversion rate; funnel.Funnel,
//     funnel.StepResult.FromFirst, funnel.ConversionRate
//   - 流失: drop-off between funnel steps; funnel.StepResult.DropOff
//   - 跳失率: bounce rate (lower is better); funnel.BounceRate
//   - UV / PV: unique visitors / page views; funnel.Period.UV; PV is not
//     modelled (funnels count actors, funnel.Uniques, or attempts,
//     funnel.Attempts)
//   - GMV / 销售额: gross merchandise value = UV × CR × AOV; funnel.Sales,
//     funnel.Period.GMV, funnel.Plan, funnel.CheckPlan, funnel.Decompose
//   - 留存 / 留存率: retention / retention rate; funnel.Retention,
//     funnel.Cohort.Rate
//   - 复购率: repurchase rate; funnel.Repurchase, funnel.RepurchaseRate
//   - 四类用户: 咨询 / 购买 / 复买 / 忠诚: the four user stages: enquiring / buyer /
//     repeat / loyal; funnel.Stages, funnel.StageConsult, funnel.StageBuyer,
//     funnel.StageRepeat, funnel.StageLoyal
//   - 忠诚率: loyalty rate; funnel.LoyaltyRate
//   - 新顾客成本: new-customer acquisition cost (CAC); funnel.CAC
//   - 全程ROI / 投入产出比: return on spend, revenue ÷ spend; funnel.ROI
//   - A/B 测试 / 显著性检验: A/B test / significance test; funnel.TwoProportionZTest,
//     funnel.Wilson, funnel.ProbBBeatsA
//   - 满减 / 满折 / 每满减: spend-threshold discount / percent / per-every;
//     promo.Threshold, promo.Tier, promo.Step
//   - 打折 / 直降 / 一口价: percent off / amount off / fixed price;
//     promo.PercentOff, promo.AmountOff, promo.FixedPrice
//   - 第N件X折 / 第二件半价: Nth item at a rate; promo.NthItem
//   - 买X送Y / 买赠: buy X get Y; promo.BuyXGetY
//   - N元任选M件: any M for a price; promo.BundlePrice
//   - 套餐: combo of fixed parts; promo.Combo
//   - 满赠: gift with purchase over a threshold; promo.Gift
//   - 满包邮 / 包邮: free shipping over a threshold; promo.FreeShipping
//   - 优惠券 / 券码 / 校验位: coupon / coupon code / check character;
//     Promotion.Coupon, promo.CodeFormat, promo.NormalizeCode
//   - 互斥 / 不可叠加 / 可叠加: mutually exclusive / exclusive / stackable;
//     Promotion.Group, Promotion.Exclusive, Promotion.Stackable
//   - 最优组合 / 自动选券: best combination / automatic coupon choice;
//     promo.Engine.Evaluate, Result.Optimal
package opskit
