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
// # Conventions
//
// The five packages follow one set of rules, so what is learnt in one holds in
// the others.
//
//   - Errors. Bad input gets a *FieldError with the same fields in every
//     package (Op, Field, Value, Err, Detail) and the same message,
//     "promo: evaluate: lines[3].qty -2: invalid cart: must be at least 1",
//     modelled on the standard library's *fs.PathError. Err is a sentinel
//     (ErrX, its message prefixed with the package name), so errors.Is
//     matches the condition and errors.As reads the field. Field paths use
//     the JSON key names. A test in this package keeps the five types identical.
//   - Limits. Every entry point is safe on hostile input: it never panics, no
//     integer wraps (sums and products are checked), and no request does
//     unbounded work. Each package lists its limits in a "Limits" section of
//     its documentation; crossing one is an ErrTooLarge naming the field and
//     the limit. Searches run under a deterministic work budget reported on
//     the result, never a clock.
//   - Options. Functional options that return nothing (type Option
//     func(*config)); the constructor validates the result and names the
//     option in its error.
//   - JSON. Inputs and results share one dialect: snake_case keys, enums by
//     their names, money as {"amount": "12.30", "currency": "CNY"} with the
//     zero Money omitted, dates "2006-01-02", clock times "15:04", durations
//     in Go's form ("1h30m0s"), infinities as null with the meaning stated on
//     the field. Unknown and duplicate keys are errors when decoding.
//   - Numbers. Counts and quantities are int64; positions and ranks are int.
//     Amounts of money are pricing.Money; float64 is kept for rates and for
//     the parameters of continuous models, and says so where it is used.
//   - Percentiles. One definition library-wide: Hyndman and Fan's type 7
//     (linear interpolation between the closest ranks, numpy's default),
//     computed exactly in integers for durations and rounded half up to the
//     nanosecond.
//   - Dates and clock times. One civil date and one wall-clock time of day,
//     shared by kpi and promo, with the text forms "2006-01-02" and "15:04".
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
//   - 人民币 / 元 / 分: renminbi (RMB): yuan / fen, the minor unit; pricing.CNY,
//     Money.MinorUnits
//   - 四舍五入: round half up; pricing.HalfUp
//   - 抹零 / 抹分 / 抹角: drop small change / to 0.10 / to 1.00; pricing.Down,
//     Money.RoundToIncrement
//   - 分摊: allocation of an amount over parts; Money.Allocate, Money.Split,
//     pricing.AllocateMinor
//   - 折 / 打折 / 七五折 / 八点五折: discount notation: X折 pays X tenths, also in
//     Chinese numerals (七五折 = 7.5折); pricing.Rate, pricing.ParseZhe, Rate.Zhe
//   - 半价: half price (5折); pricing.ParseZhe("半价")
//   - 阶梯价 / 全量阶梯: quantity tier price (all-units / incremental);
//     pricing.TierTable, pricing.AllUnits, pricing.Incremental
//   - 超额累进 / 全额累进: graduated (each band at its own rate) / retroactive (the
//     reached band's rate on the whole amount); pricing.Incremental,
//     kpi.Marginal, kpi.WholeAmount
//   - 组合装 / N元M件: pack price, "N for P"; pricing.PackOffer, PackOffer.Cheapest
//   - 会员价 / VIP价 / 会员等级: member price / membership tier; pricing.MemberPrices,
//     pricing.MemberRule, promo.MemberPrice, promo.Customer.Tier
//   - 线上线下同价 / 线上线下同步: O2O channel price parity / the same promotion in every
//     channel; pricing.CheckParity, promo.Promotion.Channels
//   - 最低价控制 / 最低折扣 / 低于最低价: price floor / below the floor;
//     pricing.FloorPolicy, pricing.BelowFloorError
//   - 双11 / 淘金币 / 聚划算 / 大促: Singles' Day (11 November) / Taobao Coins /
//     Juhuasuan / mega sale: campaigns a price floor may exempt;
//     pricing.ExemptCampaigns, pricing.KnownCampaigns, promo.Promotion.Campaign
//   - 毛利率 / 加价率 / 成本加成率 / 净利率: gross margin / markup / markup on cost / net
//     margin; pricing.GrossMargin, pricing.Markup, pricing.Waterfall
//   - 天猫扣点: Tmall commission, a platform cost in the margin waterfall;
//     pricing.CostRatio, pricing.Waterfall
//   - 定价: pricing for a target gross margin; pricing.PriceForMargin
//   - 增值税 / 增值税税率 / 免税: value-added tax / VAT rate / tax-exempt (0%);
//     pricing.TaxRate, pricing.TaxPercent
//   - 含税价 / 不含税价 / 含税金额 / 不含税金额 / 税额 / 价税合计 / 红字: tax-inclusive price /
//     tax-exclusive price / tax-inclusive amount / tax-exclusive amount / tax
//     / total including tax / red-letter (negative) amount; pricing.TaxSplit,
//     pricing.TaxRate.FromInclusive, pricing.TaxRate.FromExclusive
//   - 价格核对 / 折扣类目 / 活动有效期: price audit / discount category / promotion window;
//     pricing.AuditListing, pricing.Listing.InDiscountCategory, pricing.TimeWindow
//   - 原价 / 标价: list price; pricing.Listing.List, promo.Line.ListPrice, promo.BaseListPrice
//   - 安全库存: safety stock; inventory.SafetyStock,
//     inventory.CycleServiceSafetyStock, inventory.FillRateSafetyStock
//   - 预警线 / 警戒线 / 低于警戒线: warning line, a hand-set reorder point / below the
//     line (a strict trigger); inventory.Item.WarningLine,
//     inventory.StrictlyBelow
//   - 再订货点: reorder point; inventory.ReorderPoint
//   - 补货 / 补货建议 / 补货标准: replenishment / order suggestion / restock standard;
//     inventory.Planner, inventory.Suggestion, inventory.RestockRule
//   - 补货周期 / 到货周期: replenishment lead time; inventory.LeadTime
//   - 起订量 / 箱规: minimum order quantity / pack multiple; inventory.NewShaping
//   - 经济订货批量: economic order quantity (EOQ); inventory.EOQ
//   - 预售 / 团购 / 组团: presale / group-buy reservation / forming a group-buy;
//     inventory.Reservation, inventory.Presale, inventory.GroupBuy
//   - 现货 / 在途 / 可用库存 / 库存水位 / 质量回检: on hand / inbound delivery / available
//     stock / inventory position / quality hold of returned goods;
//     inventory.Stock.OnHand, inventory.Receipt, inventory.Stock.Available,
//     inventory.Stock.Position, inventory.Stock.Held
//   - 可承诺量: available to promise; inventory.ATP
//   - 库存周转率 / 库存周转天数: inventory turnover / days of inventory;
//     inventory.Turnover, inventory.DaysOfInventory
//   - 存销比: stock-to-sales ratio; inventory.StockToSales
//   - 动销率: share of SKUs with at least one sale; inventory.ActiveRate
//   - 售罄率: sell-through; inventory.SellThrough
//   - 断货 / 缺货: stockout: nothing available; inventory.StatusStockout
//   - 低于安全库存 / 到达再订货点 / 正常: stock status: below safety stock / at or below the
//     reorder point / healthy; inventory.StockStatus,
//     inventory.StatusBelowSafetyStock, inventory.StatusReorder,
//     inventory.StatusHealthy
//   - 盘点 / 损耗率: stocktake / shrinkage rate (units missing per unit sold);
//     inventory.Reconcile, inventory.StocktakeReport
//   - 新品 / 成长 / 成熟 / 衰退: product lifecycle stages new / growth / mature /
//     decline; inventory.LifecycleStage, inventory.StageNew,
//     inventory.StageGrowth, inventory.StageMature, inventory.StageDecline
//   - 活动备货 / 提前打包 / 售后高峰: event stocking / pre-packing before the
//     event / the after-sales peak; inventory.EventRule, inventory.EventPlan
//   - 滞销 / 呆滞 / 死库存: slow-moving / dead stock; inventory.StatusSlowMoving,
//     inventory.StatusDead
//   - 积压 / 压货: overstock; inventory.StatusOverstock
//   - 主推款: hero SKU, kept above a minimum safety stock;
//     inventory.Item.MinSafetyStock
//   - ABC 分类 / 二八法则: ABC classification / the 80/20 (Pareto) rule;
//     inventory.ABC, inventory.ABCClass, inventory.ABCCuts
//   - 销量预测: demand forecast; inventory.Forecaster
//   - 一次性备货 / 清仓: single-period (newsvendor) buy for an event / clearance at
//     the salvage price; inventory.Newsvendor, inventory.NewsvendorFromPrices,
//     inventory.EventOrderDeadline
//   - 考核 / 绩效考核 / 考核方案 / 考核指标 / 考核表 / 个人考核表: appraisal / performance appraisal
//     / appraisal scheme / appraisal metric / scorecard / a person's
//     scorecard; kpi.Scheme, kpi.Scorecard, kpi.Metric, kpi.Curve
//   - 目标值 / 权重 / 得分: target / weight / points (weight × score);
//     kpi.Metric.Target, kpi.Metric.Weight, kpi.Contribution.Points
//   - 达成率 / 达标 / 分档: attainment, value ÷ target / pass or fail / bands:
//     scoring curves; kpi.Linear, kpi.Threshold, kpi.Bands
//   - 缺失数据: missing data: a metric without a value; kpi.MissingPolicy,
//     kpi.ErrMissingData
//   - 团队汇总: team roll-up of scorecards; kpi.RollUp, kpi.Aggregation
//   - 排名 / 末位淘汰: ranking / bottom-ranked elimination; kpi.Rank,
//     kpi.Competition, kpi.Dense
//   - 红包 / 奖励 / 激励: red packet / reward / incentive; kpi.Rewards,
//     kpi.RewardRule
//   - 提成 / 阶梯提成 / 提成阶梯 / 提成方案: commission / tiered commission / commission
//     tier table / commission plan; kpi.CommissionPlan, kpi.CommissionTier,
//     kpi.Marginal, kpi.WholeAmount
//   - 完成率: quota attainment: net sales ÷ quota; kpi.Accelerator,
//     kpi.CommissionPlan.Quota
//   - 退款 / 售后退款: refund / after-sale refund; kpi.Sales.Refunds,
//     promo.Engine.Refund, promo.RefundPolicy
//   - 工作时间 / 营业时间 / 客服工作时间 / 节假日 / 调休 / 调休上班: business hours / opening hours /
//     customer-service hours / holidays / make-up working days; kpi.Schedule,
//     kpi.ScheduleSpec, kpi.Calendar, kpi.ChinaNotices
//   - 日期: calendar date; kpi.Date
//   - 客服 / 客服绩效 / 买家 / 自动回复: customer-service agent / customer-service metrics
//     / buyer / auto-reply; kpi.ServiceMetrics, kpi.RoleAgent, kpi.RoleCustomer,
//     kpi.RoleSystem
//   - 旺旺 / 千牛 / 消息: AliWangwang / Qianniu, Taobao's chat apps / chat message;
//     kpi.Message
//   - 接待人数: reception count: customers served; kpi.AgentStats.Reception
//   - 首次响应时间 / 平均响应时间 / 响应率: first / average response time / share of fast
//     first responses; kpi.AgentStats.FirstResponse, kpi.AgentStats.Response,
//     kpi.AgentStats.FastShare, kpi.ServiceOptions.FastWithin
//   - 三分钟响应率: 3-minute response rate over every response round (Taobao);
//     kpi.AgentStats.FastResponseShare
//   - 服务水平 / 放弃率 / 平均处理时长 / 占用率: service level / abandonment
//     rate / average handle time / occupancy; kpi.ServiceLevels,
//     kpi.ServiceLevelReport
//   - 排班 / 班次: staffing / shift (Erlang C, Erlang A); kpi.Staffing,
//     kpi.Coverage, kpi.Shift
//   - 人员成本: staff cost as a share of revenue; kpi.CheckStaffPlan
//   - 发货时效 / 滞留订单: ship-by time / stranded order; kpi.Fulfilment
//   - 询单 / 询单人数 / 下单人数 / 询单转化率: inquiry / inquirers / buyers /
//     inquiry-to-order conversion; kpi.AgentStats.Inquiries,
//     kpi.AgentStats.Buyers, kpi.AgentStats.Conversion, kpi.ServiceMetrics
//   - 付款订单 / 静默下单 / 未回复: paid order / silent order, with no inquiry /
//     unanswered customer turn; kpi.PaidOrder, kpi.ServiceReport.SilentOrder,
//     kpi.ServiceReport.Unanswered
//   - 客单价: average order value (AOV); funnel.GMVFactors.AOV, funnel.Plan,
//     kpi.AgentStats.AOV
//   - 考勤 / 有效出勤 / 每日有效出勤人力: attendance / effective attendance (sign-in,
//     sign-out and exam) / a team's effective headcount of the day;
//     kpi.EffectiveAttendance, kpi.TeamDay
//   - 签到 / 签退 / 每日考试 / 问卷星: sign-in / sign-out / daily exam / Wenjuanxing, the
//     online form they are taken on; kpi.AttendanceRules,
//     kpi.AttendanceRecord, kpi.Rules5512
//   - 5512 活动量 / 活动量指标: the daily/weekly activity quota model / an activity
//     quota; kpi.Scheme5512, kpi.EvaluateQuotas, kpi.QuotaItem
//   - 会议 / 早会 / 二早 / 夕会 / 老客户电话 / 新客户微信 / 建立微信群 / 小交会: the 5512 activities:
//     meeting (morning, second morning, evening) / call to an existing client
//     / WeChat message to a new client / new WeChat group / small client
//     seminar; kpi.ActivityMeeting, kpi.ActivityOldCall,
//     kpi.ActivityNewMessage, kpi.ActivityGroup, kpi.ActivityClientSeminar
//   - 客户回复 / 互动: client reply / interaction, which make a new-client message
//     count; kpi.QuotaItem.RequireReply, kpi.QuotaItem.RequireInteraction
//   - 未达成 / 连续达标天数: quota shortfall / streak of days on target; kpi.Shortfall,
//     kpi.PersonQuota.LongestStreak, kpi.PersonQuota.CurrentStreak
//   - DSR 动态评分 / 店铺动态评分: detailed seller ratings; kpi.RollingDSR,
//     kpi.DSRDrops, kpi.DSR
//   - 宝贝与描述相符 / 卖家的服务态度 / 物流服务的质量 / 发货速度: the DSR dimensions: description
//     match / service attitude / shipping quality and speed;
//     kpi.DSR.Description, kpi.DSR.Service, kpi.DSR.Shipping
//   - 高于同行业 / 低于同行业: above / below the industry average, in percent;
//     kpi.DSRReport.VsIndustry
//   - 转化漏斗 / 转化率: conversion funnel / conversion rate; funnel.Funnel,
//     funnel.StepResult.FromFirst, funnel.ConversionRate
//   - 漏斗结果 / 漏斗步骤 / 分组结果: funnel result / funnel step / breakdown group;
//     funnel.Result, funnel.StepResult, funnel.Group
//   - 浏览 / 加购 / 下单 / 支付: view / add to cart / order / pay, typical funnel
//     steps; funnel.Event, funnel.Matcher
//   - 流失 / 流失率: drop-off between funnel steps / drop-off rate;
//     funnel.StepResult.DropOff, funnel.StepResult.DropOffRate
//   - 转化时长: time to convert; funnel.Timing, funnel.StepResult.Time
//   - 列式事件 / 字符串驻留: columnar events / string interning; funnel.Columns,
//     funnel.Funnel.RunColumns, funnel.Interner
//   - 跳失率: bounce rate (lower is better); funnel.BounceRate
//   - UV / 访客数 / 流量 / PV: unique visitors (visitor count, traffic) / page
//     views; funnel.GMVFactors.UV; PV is not modelled (funnels count actors,
//     funnel.Uniques, or attempts, funnel.Attempts)
//   - GMV / 销售额: gross merchandise value = UV × CR × AOV; funnel.Sales,
//     funnel.Plan, funnel.CheckPlan, funnel.Decompose
//   - 日均订单 / 日均销量 / 月销量: orders per day / daily sales / monthly sales of a
//     plan; funnel.Projection, funnel.Plan
//   - 变化归因: attribution of a GMV change to UV, CR and AOV (LMDI);
//     funnel.Decompose, funnel.Decomposition
//   - 留存 / 留存率 / 留存表 / 日留存 / 周留存 / 月留存: retention / retention rate / retention
//     table / daily / weekly / monthly retention; funnel.Retention,
//     funnel.Cohort.Rate, funnel.RetentionTable, funnel.ByDay, funnel.ByWeek,
//     funnel.ByMonth
//   - 用户生命周期: 新用户 / 持续活跃 / 回流 / 沉睡: user lifecycle: new / returning /
//     resurrecting / dormant; funnel.Lifecycle, funnel.LifecyclePeriod
//   - 复购率 / 复够率 / 复购用户 / 复购分析 / 复购间隔: repurchase rate (复够率 is the source's
//     typo) / repeat customers / repurchase analysis / repurchase interval;
//     funnel.Repurchase, funnel.RepurchaseRate, funnel.RepurchaseReport
//   - 四类用户: 咨询用户 / 购买用户 / 复买用户 / 忠诚用户: the four user stages: enquiring / buyer
//     / repeat / loyal; funnel.Stages, funnel.StageConsult, funnel.StageBuyer,
//     funnel.StageRepeat, funnel.StageLoyal
//   - 阶段转化率: stage-to-stage conversion rate; funnel.Transitions.Rate
//   - 忠诚率: loyalty rate; funnel.LoyaltyRate
//   - 新顾客成本: new-customer acquisition cost (CAC); funnel.CAC
//   - 全程ROI / 投入产出比: return on spend, revenue ÷ spend; funnel.ROI
//   - 五大指标: the five key indicators: new-customer cost, ROI, conversion,
//     repurchase and loyalty rates; funnel.CAC, funnel.ROI,
//     funnel.ConversionRate, funnel.RepurchaseRate, funnel.LoyaltyRate
//   - 人气宝贝 / 收藏量 / 宝贝评分: popular item / favourites / item rating;
//     funnel.PopularItem, funnel.ItemMetrics
//   - A/B 测试 / 显著性检验 / 双比例 z 检验: A/B test / significance test / two-proportion
//     z-test; funnel.TwoProportionZTest, funnel.Wilson, funnel.ProbBBeatsA
//   - 置信区间 / 转化率的置信区间 / 转化率差的置信区间: confidence interval / of a conversion rate
//     / of the difference of two rates; funnel.Interval, funnel.Wilson,
//     funnel.DiffInterval
//   - 提升率 / B 优于 A 的概率 / 样本量: uplift / probability that B beats A / sample
//     size; funnel.Uplift, funnel.ProbBBeatsA, funnel.SampleSize
//   - 满减 / 满折 / 每满减 / 上不封顶: spend-threshold discount / percent / per-every /
//     no cap; promo.Threshold, promo.Tier, promo.Step, promo.Step.MaxTimes
//   - 打折 / 直降 / 立减 / 一口价: percent off / amount off / instant amount off /
//     fixed price; promo.PercentOff, promo.AmountOff, promo.FixedPrice
//   - 最高优惠: cap on a promotion's discount; promo.PercentOff.Cap
//   - 单品 / 整单: per unit / the whole order, a discount's scope; promo.PerUnit,
//     promo.PerOrder
//   - 单品优惠 / 店铺优惠 / 平台优惠 / 运费优惠: item / store / platform / shipping discounts:
//     the promotion layers; promo.Result.ItemDiscount,
//     promo.Result.OrderDiscount, promo.FreeShipping
//   - 第N件X折 / 第二件半价: Nth item at a rate; promo.NthItem
//   - 返券 / 满返: a coupon issued for a later order when a threshold is
//     reached; promo.IssueCoupon
//   - 积分抵现: points redemption; promo.PointsRedemption
//   - 起送价 / 配送费 / 满X免配送费: minimum order for delivery / delivery fee /
//     free delivery over X; promo.Delivery
//   - 定金膨胀 / 定金 / 尾款: a growing deposit (pay 20, get 50 off) /
//     deposit / balance; promo.Presale
//   - 买X送Y / 买赠: buy X get Y; promo.BuyXGetY
//   - N元任选M件: any M for a price; promo.BundlePrice
//   - 套餐: combo of fixed parts; promo.Combo
//   - 满赠 / 赠品: gift with purchase over a threshold / free gift; promo.Gift,
//     promo.GiftLine
//   - 满包邮 / 包邮 / 运费: free shipping over a threshold / free shipping / shipping
//     fee; promo.FreeShipping, promo.Cart.Shipping
//   - 优惠券 / 券码 / 优惠券码 / 校验位: coupon / coupon code / coupon code / check
//     character; Promotion.Coupon, promo.CodeFormat, promo.NormalizeCode,
//     promo.Cart.Coupons
//   - 店铺券 / 平台券: store coupon / platform coupon; promo.Promotion.Coupon
//   - 互斥 / 互斥组 / 不可叠加 / 可叠加: mutually exclusive / exclusion group / exclusive
//     / stackable; Promotion.Group, Promotion.Exclusive, Promotion.Stackable
//   - 不参与优惠: excluded from every promotion; promo.Line.NotPromotable
//   - 最优组合 / 自动选券 / 自动选择最优券: best combination / automatic coupon choice /
//     automatic choice of the best coupons; promo.Engine.Evaluate,
//     Result.Optimal
//   - 活动 / 活动配置 / 活动时间: promotion or campaign / campaign document / promotion
//     time, judged at the cart's time; promo.Promotion, promo.Campaign,
//     promo.DecodeCampaign, promo.Cart.At
//   - 预算 / 限领 / 限用: budget / per-customer limit on claims / on uses;
//     promo.Limits.Budget, promo.Limits.PerCustomer
//   - 新客 / 新客专享: new customer / for new customers only (first order);
//     promo.Customer.PriorOrders, promo.Conditions.FirstOrder
//   - 收藏店铺 / 进群 / 收藏店铺减N元: favourited the store / joined the group, customer
//     tags / N yuan off for favouriting the store; promo.Customer.Tags,
//     promo.Conditions.Tags, promo.AmountOff
//   - 类目 / 标签: category / tag of a line; promo.Line.Categories,
//     promo.Line.Tags, promo.Selector
//   - 实付: what the customer pays; promo.Result.Total
package opskit
