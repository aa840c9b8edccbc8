// Package inventory is stock replenishment (补货) for online and O2O stores: demand statistics,
// safety stock (安全库存), reorder points (再订货点) and warning lines (预警线), control policies,
// order quantities (EOQ, price breaks, newsvendor), inventory position with reservations (预售,
// 团购) and available-to-promise (可承诺量), order shaping, suggestions with explanations, ABC/XYZ
// analysis, stock metrics (库存周转率, 动销率, GMROI) and demand forecasting.
//
// The package does no I/O and reads no clock: the evaluation time is an argument. It never panics
// on any input (only the Must* helpers do), never wraps an integer and returns no NaN or infinity
// with a nil error except where documented (see Limits). Results are deterministic: sorts have
// explicit tie-breaks and no map is iterated into a result. All types are values safe for
// concurrent use; slices are copied at the boundary.
//
// # Units
//
// Demand is a [Demand] (mean and standard deviation; a plain rate has σ = 0) with an explicit period;
// lead times ([LeadTime]) and review periods are [time.Duration]. Conversions are explicit
// ([Demand.In], [Demand.MeanOver], [Demand.StdDevOver]); demand in different periods is independent, so the
// standard deviation over t periods is √t·σ. A [Day] is 24 hours and a [Year] 365 days. Stock
// counts ([Stock]) and order quantities are whole units (int64); demand and the levels computed from
// it (safety stock, reorder point) are float64 and are compared with the position without rounding.
//
// # Formulas
//
// With μ and σ the mean and deviation of demand per period, L the lead time and σ_L its deviation in
// periods, R the review period (0 under continuous review) and T = L + R the protection interval:
//
//	z = Φ⁻¹(CSL) = √2·erfinv(2·CSL - 1)                    cycle service level
//	L(z) = φ(z) - z·(1 - Φ(z))                              first-order loss
//	SS = z·σ·√T                                             CSL, demand variability
//	SS = z·√(T·σ² + μ²·σ_L²)                                CSL, demand and lead-time variability
//	SS = k·σ_T,  σ_T·L(k) = (1 - β)·Q  (Q = μ·R if R > 0)   fill rate β
//	SS = μ·cover, or a fixed quantity                       days of cover, hero items (INV-04)
//	ROP = μ·L + SS                                          reorder point; a warning line replaces it
//	IP = (on hand - held) + on order - backorders - reserved
//	EOQ = √(2·D·K / h)
//	Q* = μ + σ·Φ⁻¹(p/(p + h))                               newsvendor, normal demand
//
// Sources are cited on each function: Silver, Pyke & Thomas, "Inventory and Production Management in
// Supply Chains" (4th ed.); Snyder & Shen, "Fundamentals of Supply Chain Theory" (2nd ed.); Nahmias,
// "Production and Operations Analysis"; Croston (1972); Syntetos & Boylan (2005); Teunter, Syntetos
// & Babai (2011); Hyndman & Koehler (2006); Zipkin, "Foundations of Inventory Management"; Hadley & Whitin
// (1963); Zheng & Federgruen (1991); Federgruen & Zheng (1992); Zheng (1992); Ehrhardt & Mosier
// (1984); Wagner & Whitin (1958); Silver & Meal (1973); Roundy (1985); Shale, Boylan & Johnston
// (2006). The textbook models reproduce the worked examples of stockpyl (Snyder's implementation of
// Snyder & Shen).
//
// # Trigger
//
// The reorder trigger compares the inventory position with the reorder point. [AtOrBelow], the zero
// value, is the default and follows the textbooks ("when the position drops to s or lower").
// [StrictlyBelow] follows the source documents' warning line, which fires when stock is below it
// (低于警戒线, INV-01): a position equal to the line does not fire.
//
// # Shaping
//
// [Shaping] turns a raw need into an order: round up to whole units, raise to the MOQ, round up to
// a pack multiple, lower to the cap (staying on a pack multiple). [WithPackRounding] selects the
// rounding: up (the default), down ([PackRoundDown]: never above the need, 0 below the smallest
// allowed order) or Odoo 18's up-unless-above-max ([PackRoundUpWithinMax]). Under the default
// rounding a positive need never becomes zero:
// [NewShaping] rejects a cap below the smallest allowed order ⌈max(MOQ, 1)/pack⌉·pack (a cap below
// the MOQ or below one pack) with [ErrCapBelowMOQ], so the cap step always leaves at least that
// order. Every step is reported in [Shaped].
//
// # Suggestions
//
// [Planner] turns an [Item] (stock, demand, lead time, shaping, optional hand-set numbers) into a
// [Suggestion]: status, quantity, projected stockout date, latest order-by date, days of cover and an
// [Explanation] holding every number used and the rule that fired. [Planner.SuggestBatch] writes
// into a caller's slice and allocates nothing for valid items. Statuses are tested in this order and
// the first that applies wins:
//
//  1. stockout: available (on hand - held - backorders - reserved) ≤ 0;
//  2. dead: no sale for DeadAfter; the quantity is forced to 0;
//  3. below safety stock: position < SS;
//  4. reorder: the trigger fires for position against the reorder point;
//  5. slow-moving: no sale for SlowMovingAfter;
//  6. overstock: position > μ·OverstockCover;
//  7. healthy.
//
// The quantity comes from the policy whatever the status (except dead): under (R, S) a healthy item
// still orders up to S at each review.
//
// The safety-stock rule of an item is its own (Item.Safety), else its ABC class's
// (PlanConfig.ClassSafety, for per-class service levels in one planner), else the planner's; the zero
// rule is no rule (safety stock 0), so a planner can run on hand-set warning lines alone.
// [DemandFromForecast] turns a forecaster's output into an item's Demand, clamped at zero, and
// [LastSaleIn] derives its LastSale from a sales history.
//
// # Policies
//
// Besides (s, Q), (s, S), (R, S), min/max and (r, Q), [PolicyTopUp] is ERPNext's "reorder level +
// reorder qty" (erpnext/stock/reorder_item.py): at or below the level, order max(qty, level -
// position). [PackRoundUpWithinMax] is Odoo 18's rounding of an orderpoint (stock_orderpoint.py,
// _get_qty_to_order): round up to the multiple unless that passes the max, then round down.
//
// # Backtest
//
// [Backtest] replays any policy ([Planner.Policy] gives a planner's) over a daily demand history
// with fixed or caller-sampled lead times, lost sales or backorders, and reports fill rate, cycle
// service level, stockout days, average and peak on hand, orders and holding, ordering and shortage
// costs per SKU and in total. It is deterministic and allocates nothing. [SearchClassLevels] runs it
// over a small grid of service levels per ABC class and picks, for each class, the cheapest level
// whose fill rate meets a target (for example 97 %).
//
// # Seed rules
//
// [Reconcile] compares book and counted stock after a stocktake (INV-09, INV-10): variance, variance
// rate, shrinkage and its rate per unit sold, and a flag beyond a threshold. [LifecycleRule] gives a
// product's lifecycle stage (new, growth, mature, decline) from its sales by a documented rule.
// [EventRule.PlanEvent] turns an event's expected orders (UV × CR or a forecast) into a stocking plan
// with its pre-packed share (INV-30: one third), decision, order and stock dates (INV-06) and the
// after-sales peak window (X-20: from three days after the event).
//
// # Textbook models
//
// Beside the planner, the package has the single-item models of the textbooks, each citing its source
// and reproducing the source's worked example (stockpyl's values; the examples print them):
//
//   - EOQ family: [EOQ] and [EOQCost]; planned backorders [EOQWithBackorders] (Q* = √(2KD(h + p)/(hp)));
//     finite production rate [EPQ] (Q* = √(2KD/(h(1 - D/P)))); all-units [EOQWithPriceBreaks] and
//     incremental [EOQWithIncrementalDiscounts] quantity discounts; each with a cost function for any Q.
//   - Loss functions: [NormalLoss], [NormalLosses] and [PoissonLosses] (first- and second-order, and
//     their complements); [ServiceFromSafetyFactor] (CSL = Φ(k), shortage σ·L(k), fill rate) and
//     [SafetyStock.SafetyFactor] (the k of any rule).
//   - (r, Q) with backorders, [RQProblem]: g(r, Q) = (Kλ + ∫_r^{r+Q} G)/Q exactly, its exact optimum
//     for normal and Poisson lead-time demand, and the EOQ+SS, EOQB, EIL and loss-function
//     approximations.
//   - Periodic (s, S), [SSProblem]: exact cost and the Zheng-Federgruen optimum for discrete demand;
//     [SSPowerApproximation].
//   - Dynamic lot sizing: [WagnerWhitin] (exact), [SilverMeal]; [PowerOfTwoInterval].
//   - Intermittent demand: Croston, SBA, SBJ and TSB forecasters ([NewCroston], [NewSBA], [NewSBJ], [NewTSB]).
//
// Decisions where the issue is silent: the (r, Q) approximations report the exact cost of the pair
// they choose, not their own approximate cost; the EIL and loss-function iterations stop when r and Q
// move by at most 1e-6, as stockpyl's do; (s, S) covers a zero lead time, as its source does;
// [SSPowerApproximation] takes the lead time in periods (μ_L = (L + 1)·μ) and does not apply Ehrhardt
// and Mosier's cap for Q/μ ≤ 1.5, matching Snyder & Shen and stockpyl; [EOQWithPriceBreaks] rejects a
// price that rises with the quantity; incremental discounts require a break at 0; Wagner-Whitin ties go
// to the later order, Silver-Meal extends a lot while the cost per period does not rise;
// power-of-two multiples are 2ᵏ with k ≥ 0 (never shorter than the base period).
//
// # Errors
//
// Every error for bad input is a [*FieldError] of the library's shared shape: the operation in
// lower-case words, the snake_case path of the field ("items[3].stock.on_hand", "service_level",
// JSON key names where the input has a JSON form, else the argument's name), the value as text,
// the sentinel it wraps (match with [errors.Is]) and a detail such as the limit crossed. Its message
// reads "inventory: OP: FIELD VALUE: REASON: DETAIL". A batch names the item's ID in the detail.
//
// # Limits
//
// Each limit is checked where the value enters and crossing it returns a [*FieldError] wrapping
// [ErrTooLarge] that names the field, with the limit in its Detail:
//
//   - [MaxQty] = 10¹⁵ units: every field of a [Stock] (so the position and the available stock, at
//     most five fields, are exact in a float64 and never overflow), each [Reservation] and [Receipt]
//     and their totals ([ReservedAt], [NewATP], summed with internal/checked), the MOQ, pack and cap
//     of a [Shaping] and every shaped order, demand means and deviations per period ([NewDemand],
//     and after [Demand.In]), every value of a demand history or of daily sales,
//     a hand-set number of an [Item] (floor, warning line, order quantity, max), the levels and Q of
//     a [Policy] (within ±MaxQty), the order quantity of the fill-rate rule, a [Policy.Need] and a
//     newsvendor mean and deviation.
//   - [MaxPriceBreaks] = 1000 breaks for [EOQWithPriceBreaks] (its work is quadratic in them).
//   - [MaxPoissonMean] = 10⁶ for [Newsvendor.Poisson] (its work is linear in the mean), [PoissonLosses]
//     and the Poisson methods of [RQProblem] (their work is O(√mean)).
//   - [MaxSearchSteps] = 2²⁴ steps of the exact discrete searches ([RQProblem.OptimalPoisson],
//     [SSProblem.Optimal], [SSProblem.Cost]); [MaxPMFLen] = 16384 probabilities in an [SSProblem]
//     demand distribution or a [PoissonPMF] table; [MaxLotPeriods] = 5000 periods for [WagnerWhitin]
//     and [SilverMeal] (their work is quadratic). The normal (r, Q) methods run at most 1000 fixed-point
//     iterations or 2100 bisection steps per search, then return an error wrapping ErrTooLarge.
//   - [MaxValueDigits] = 30: an [ABCItem] value is below 10³⁰ with at most 30 decimal places, so
//     the exact decimal sums of [ABC] stay bounded; the exponent is checked before any arithmetic.
//   - [MaxJSONBytes] = 4 MiB for one UnmarshalJSON call, nested at most 64 levels deep.
//   - [MaxBacktestDays] = 36600 days of demand per SKU of a [Backtest] (and values of a lead-time
//     sequence); [MaxLeadDays] = 365 days per lead time (the orders in transit live in a fixed ring,
//     so a backtest allocates nothing); a backtest's counts and sums are checked (ErrTooLarge).
//   - [MaxSearchLevels] = 32 levels in the grid of [SearchClassLevels] (its work is the grid size
//     times the total days).
//   - [MaxCountLines] = 1,000,000 lines per [Reconcile]; totals are summed with internal/checked.
//   - [EventRule.PlanEvent]: events of 1 to 366 days, lead times up to 365 days, decision and
//     after-sales windows up to 366 days, a pre-pack share n/d with d ≤ 1000, and every date of the
//     plan within years 1 to 9999.
//   - Lead time plus review period within the range of [time.Duration] (292 years).
//   - Times that end up in a result within the years RFC 3339 (and JSON) can write: the evaluation
//     time of [Planner.Suggest] in years 300 to 9898 (projected stockouts lie up to 100 years after
//     it, order-by dates up to a lead time of at most 292 years before it),
//     the time of [NewATP] in years 1 to 9999 and receipt ETAs up to 9999.
//
// Float results: costs and other continuous-model parameters are only required to be finite, so
// their products can leave the float64 range. Intermediate products are arranged not to overflow
// ([EOQ] computes √2·√D·√K/√h when 2DK/h would), and every float64 a function returns with an
// error result is finite: a result beyond the float64 range returns an error wrapping [ErrTooLarge]
// (an undefined one, [ErrNotFinite]). The documented exceptions, which have no error result, are
// [Suggestion].DaysOfCover (+Inf when demand is zero, or so small that the cover overflows, and
// stock is available; JSON null), the CV of [XYZ] and [ABCXYZResult] (+Inf for a zero mean; JSON
// null) and [Demand.CV] (+Inf for zero mean and positive σ).
// [NormalQuantile] is the library's one normal quantile (internal/normal): correctly rounded for
// 1e-5 ≤ p ≤ 1 - 1e-5 and within 0.543 ulps in the far tails (Φ⁻¹(5e-324) = -38.4674), as measured
// against mpmath, where erfinv(2p - 1) is 17 ulps off near 1e-3 and fails below 1e-16.
//
// Work is linear in the input: histories, items and JSON documents are scanned a bounded number of
// times, [ABC] sorts (n log n), and no loop runs on a count taken from a value rather than a length,
// except [Newsvendor.Poisson] (bounded by MaxPoissonMean), the Newton iterations of
// [NormalLossInverse] (at most 200 steps) and [NormalQuantile] (at most 8 Newton steps, or one step
// with a Taylor series of at most 80 terms) and the searches of the
// textbook models (bounded by MaxSearchSteps and the iteration caps above).
//
// # Money
//
// Costs in this package are float64 and are continuous model parameters, not amounts to pay: the
// order cost K and holding cost h of [EOQ], [EOQCost] and [Item], the unit prices of [PriceBreak],
// the overage and underage of [Newsvendor] and the prices of [NewsvendorFromPrices]. The models are
// continuous (a square root, a normal quantile) and their answers are quantities, so exact decimal
// money buys nothing there; the cost figures they report (PriceBreakOffer.Cost, ExpectedCost) are
// model estimates in the same unit as the inputs. The ratio metrics ([Turnover], [DaysOfInventory],
// [GMROI], [StockToSales], the ROI of [RestockRule]) take two amounts in one unit and return their
// ratio, so they take float64 too. [ABCItem].Value, which is summed and compared exactly, stays a
// decimal.Decimal. pricing.Money is not used: this package imports no sibling (DESIGN's import rule).
//
// # Configuration
//
// This package is configured by plain structs validated by their constructor or user ([PlanConfig] by
// [NewPlanner], [RestockRule] by [RestockRule.Evaluate]) and by small constructors with arguments
// ([NewShaping], [CycleServiceSafetyStock], [NewSES], ...), so that every setting is data with a JSON
// form. Two settings are functional options ([Option], ONE-LIBRARY §3): [WithPackRounding] for
// [NewShaping] and [WithABCBoundary] for [NewABCCuts]; a constructor rejects an option it does not
// take, naming it in the error's Field.
//
// # JSON
//
// Every exported result type has a deliberate JSON form, and every input type decodes strictly:
// snake_case keys; enumerations as snake_case names through MarshalText/UnmarshalText
// ("below_safety_stock", "cycle_service_level", "s_s"; ABC and XYZ classes as "a" ... "z"); durations
// as Go duration strings ("336h0m0s"); times in RFC 3339; decimals as strings; +Inf as null with its
// meaning documented on the field. Types with unexported fields ([Demand], [LeadTime],
// [Shaping], [SafetyStock], [Policy], [Forecaster], [ABCCuts]) marshal their parameters and decode
// through their constructor, so a decoded value is valid; their invalid zero values marshal as null
// (or an empty method or kind). Decoding rejects unknown keys, duplicate keys at any depth, trailing
// data and documents above [MaxJSONBytes] with errors wrapping [ErrInvalidJSON]. Golden files in
// testdata/json show each form.
//
// # Decisions where the issue is silent
//
//   - Names: the demand rate Rate (which clashed with pricing.Rate, a discount rate, 折) is gone:
//     nothing in the package consumed it, and a rate is a [Demand] with σ = 0. The stock status is
//     [StockStatus] (promo has a Status of a promotion); the forecasting method is [ForecastMethod]
//     and the ABC class [ABCClass], next to [XYZClass] and [DemandClass]. Order, Period, Customer,
//     Tier and Step are not names in this package. [Explanation] keeps its name: it is the same idea
//     as promo's explanations, the data behind a result.
//   - Counts are int64 ([Planner.SuggestBatch]'s invalid count, [ABCXYZMatrix]); ranks, window
//     lengths and horizons are int.
//   - [Stock.Position] and [Stock.Available] validate the record and return an error: on an
//     unvalidated record their sums could wrap. [Policy.Need] takes the position as an int64 (whole
//     units) and returns an error for a need beyond MaxQty.
//   - Safety stock is never negative: a service level below 50 % or a fill rate met by cycle stock
//     alone gives 0. The fill-rate rule uses σ over T including lead-time variability and, under
//     continuous review, Q from the policy; with a hand-set max, S - μ·L stands in for Q.
//   - Stock on quality hold (INV-26) is on hand but neither available nor in the position.
//   - A reservation is active strictly before its ExpiresAt; the zero ExpiresAt never expires. ATP
//     does not release reservations that expire later (an unpaid order may still be paid); receipts
//     due before the evaluation time count from it.
//   - The order quantity Q of (s, Q) and the cycle stock S - s of (s, S) and min/max come from, in
//     order: the item's OrderQty, the EOQ when the item has order and holding costs, μ·OrderCover.
//     (r, Q) always uses the EOQ and needs the costs. (s, Q) orders the smallest n·Q that lifts the
//     position above s. A hand-set max below the reorder point is an error.
//   - (R, S): S = μ·(R + L) + SS with SS over R + L; the status uses μ·L + SS as the reorder point.
//   - Projected stockout and order-by dates use available stock at mean demand and ignore stock on
//     order (the batch does not know its ETAs; [NewATP] does); order-by = stockout - mean lead time.
//     Days of cover is +Inf when demand is zero and stock is available.
//   - A zero LastSale means unknown: the slow-moving and dead checks are skipped.
//   - INV-08: "stable at ≥ 20 a day" means every day of the last 7 is ≥ 20; "rising" means a positive
//     least-squares slope over those 7 days; "1 month" is 30 days; ROI = profit / investment ≥ 0.
//     All are configurable in [RestockRule].
//   - ABC: by default ([CrossingUp]) the item that crosses a cut is in the upper class; with
//     [CrossingDown] it is in the lower one. Shares are compared in exact decimal arithmetic; ties in
//     value rank by ID, then input order; if all values are 0 every item is C.
//   - DaysOfInventory takes COGS first, like Turnover: one argument order for both.
//   - The forecast bridge: σ is the RMSE of the one-step fitted values after the initialisation
//     (from period 2 for Holt, 1 otherwise), with every forecast clamped at zero first.
//   - LastSaleIn dates a sale at the end of its period; with no sale it returns the start of the
//     history (so slow-moving and dead checks still see the history's length) and sold = false.
//   - Pack rounding down never exceeds the need and orders nothing below the smallest allowed order.
//     [PackRoundUpWithinMax] follows Odoo 18's orderpoint: nothing when no pack fits below the
//     maximum, the MOQ (vendor minimum) past the maximum when a pack fits but the MOQ does not; the
//     planner and the backtest give it the room S - position for (s, S), min/max and (R, S), and no
//     maximum for the fixed-quantity policies and for S = 0 (Odoo's max 0 rounds up).
//   - Odoo's orderpoint is min/max with the trigger [StrictlyBelow] (it fires on forecast < min) and
//     [PackRoundUpWithinMax]; ERPNext's reorder row is [PolicyTopUp] (a row with level and qty 0,
//     which ERPNext keeps and never fires, is no policy here: [NewTopUpPolicy] refuses a qty of 0).
//   - Backtest day order: receipts (backorders served first), demand, holding on the end-of-day on
//     hand, review; an order placed at the end of day t with lead L arrives at the start of t + L
//     (L ≥ 1); (R, S) reviews on days 0, R, 2R, ...; a cycle runs from one receipt day to the next
//     (the first from day 0); the fill rate counts demand served from stock on its day (backorders
//     filled later count as short); no demand gives fill rate 1; the total's peak on hand is the sum
//     of the SKUs' peaks. SearchClassLevels replays the items' own Demand (in-sample unless the
//     caller fits it on earlier data), rounds lead times up to whole days, and breaks ties by the
//     lower level.
//   - Stocktake: variance = counted - book, its rate against the book (0 with no book, and any
//     variance then flagged); shrinkage counts missing units only; its rate is against units sold.
//   - Lifecycle: see [LifecycleRule] (8 periods new, the last 4 periods against the 4 before, ±20 %).
//   - Event plan: orders × units per order rounded up (within 1e-9 of a whole number counts as it);
//     the stock is due the day before the event, the order a lead time before that; the after-sales
//     window lasts a week unless set.
//   - XYZ: CV with the sample standard deviation; a zero mean is Z. ADI = periods / periods with
//     demand; CV² over positive sizes.
//   - Forecast initialisation: SES ℓ₀ = y₀; Holt ℓ₁ = y₁, b₁ = y₁ - y₀; Croston and SBA z = first
//     demand, p = its 1-based position; TSB z = first demand, π = 1/(its 1-based position); moving
//     averages average what is available before the window fills. Intermittent methods forecast 0
//     before the first demand and forecast from one demand (R forecast's croston refuses fewer
//     than two). Default forecaster: SES(0.2) for smooth demand, SBA(0.1) otherwise.
//   - MAPE is a fraction, not a percentage, and refuses zero actuals; bias is forecast - actual.
//
// # Glossary
//
//	安全库存 safety stock            [SafetyStock]
//	再订货点 reorder point           [ReorderPoint]
//	预警线 / 警戒线 warning line      [Item].WarningLine, [StrictlyBelow]
//	补货 replenishment              [Planner], [RestockRule]
//	库存水位 inventory position      [Stock.Position]
//	可用库存 available stock         [Stock.Available]
//	可承诺量 available to promise    [ATP]
//	预售 / 团购 presale / group-buy   [Reservation]
//	起订量 / 箱规 MOQ / pack size      [Shaping]
//	经济订货批量 EOQ                  [EOQ]
//	断货 stockout, 滞销 slow-moving, 呆滞 dead, 积压 overstock   [StockStatus]
//	库存周转率 turnover               [Turnover]
//	动销率 share of SKUs selling      [ActiveRate]
//	售罄率 sell-through               [SellThrough]
//	存销比 stock-to-sales             [StockToSales]
package inventory
