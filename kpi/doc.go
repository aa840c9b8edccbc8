// Package kpi is staff performance for stores (绩效考核): commissions
// (提成), metrics and scorecards, ranking and rewards, business hours,
// customer-service metrics (客服绩效), effective attendance (有效出勤),
// activity quotas (the 5512 model) and DSR ratings.
//
// It imports only package pricing from opskit, for money. Nothing here reads
// a clock, a file or the environment; time is always an input, and a
// [time.Location] is always passed in. Every value type is immutable and
// safe for concurrent use; slices and maps passed in are only read, and
// values kept (a [Schedule], a compiled scheme) are copies. Output order is
// deterministic: every sort has an explicit tie-break. Nothing panics except
// the Must* helpers.
//
// # Commissions (提成)
//
// A [CommissionPlan] is a tier table (提成阶梯) in one currency. Each [CommissionTier]
// covers sales from From to To; the last tier, and only the last, is
// Unbounded (no upper limit; a zero To on the last tier is the older
// shorthand for it). Tiers must start at 0 and be contiguous: a From above
// the previous To is a gap, below it an overlap; both are [ErrInvalidTiers].
// Rates lie in [0, 1]. A last tier with a finite upper bound is refused
// ([ErrInvalidTiers]) rather than paid two ways (a whole-amount plan would
// have no rate above it, a marginal one would stop): OCA's commission
// module pays 0 where no section matches, and that is written as a final
// unbounded tier at rate 0, which both methods then read alike (whole-amount
// pays 0 above the bound, marginal keeps what was earned up to it).
//
// [Marginal] (超额累进, graduated) pays each band's rate on the part of sales
// inside it; [WholeAmount] (全额累进, retroactive) pays the reached band's
// rate on all of sales:
//
//	marginal     = Σ_i rate_i × max(0, min(sales, to_i) - from_i)
//	whole-amount = rate_k × sales, k = the band that owns sales
//
// With 5% to 50,000, 7% to 100,000 and 10% above (issue 7), sales of
// 175,000 earn 13,500.00 marginal and 17,500.00 whole-amount; sales of
// exactly 100,000 earn 6,000.00 and 7,000.00, because the boundary belongs
// to the lower band: [LowerBandOwns], the zero value, makes bands (from, to]
// (the first band also holds 0); [UpperBandOwns] makes them [from, to).
// Marginal commission is continuous and non-decreasing in sales whichever
// band owns a boundary; the owner only changes which band is reported.
//
// Commission is paid on net sales: gross minus refunds (退款), floored at
// zero (refunds beyond sales never make commission negative; claw-backs are
// the caller's business). Accelerators multiply the commission earned beyond
// a level of quota attainment (完成率 = net sales ÷ quota). With levels L_k =
// attainment_k × quota and multipliers m_k (m_0 = 1):
//
//	commission = Σ_k m_k × (base(min(x, L_{k+1})) - base(min(x, L_k)))
//
// so with quota 100,000 and ×1.5 from 100%, sales of 110,000 at a flat 10%
// earn 10,000 + 1.5 × 1,000. The cap applies after accelerators. The result
// is rounded once, at the end, to the currency's minor unit with the plan's
// [pricing.RoundingMode] (zero value: half-up, 四舍五入); the unrounded
// amounts are in the [CommissionResult] for audit.
//
// # Metrics, curves and scorecards (考核指标, 评分, 考核表)
//
// A [Metric] has an ID, a [Direction] (higher or lower is better), a target
// (目标值), a weight (权重) and a [Curve] that maps a value to a score in
// [0, cap], where 1 means the target is met and the cap (0 means 1; at
// least 1) allows over-achievement such as 120%:
//
//	Linear     score = clamp((v - zero) / (target - zero), 0, cap)  达成率
//	Inverse    score = clamp(target / v, 0, cap); v ≤ 0 scores the cap (lower is better)
//	Threshold  score = 1 if v reaches the target (≥, or ≤ for lower is better), else 0
//	Bands      the score of the band reached; a value equal to a band's At belongs to it
//
// Linear for lower-is-better needs an explicit zero point above the target
// (the value scoring 0); Inverse needs a positive target and only fits
// lower-is-better; a linear target must lie beyond the zero point in the
// metric's direction. These are the "negative targets where meaningless":
// any other target is allowed (a growth target may be negative).
//
// A [Scheme] (考核方案) holds the metrics, a [WeightPolicy] and a
// [MissingPolicy]. Weights must sum to 1 within 1e-9 ([WeightsSumToOne], the
// zero value) or are divided by their sum ([WeightsNormalize], the caller's
// explicit choice). Missing values fail ([MissingFails], the zero value),
// score 0 ([MissingScoresZero]: the score, not the value, since a value of 0
// would be the best possible response time), or are left out with the other
// weights renormalised to sum to 1 ([MissingExcluded]). A [Scorecard] lists
// every metric's value, score, effective weight and points (weight × score);
// its total is the sum of the points. [RollUp] combines scorecards into a
// team line by [Sum], [Mean] or [WeightedMean], per metric and in total.
// Schemes are JSON ([ParseScheme]): enumerations are strings, unknown fields
// and trailing data are rejected, the decoded scheme is validated, and
// marshalling gives the same scheme back.
//
// # Ranking and rewards (排名, 激励)
//
// [Rank] orders entries by score, higher first, comparing scores rounded to
// 9 decimal places (so 0.1+0.2 ties 0.3, transitively). [Competition] ranks
// ties 1, 2, 2, 4; [Dense] ranks them 1, 2, 2, 3. Inside a tie the order is
// earlier [Entry].At first, then smaller ID, then input order.
//
// [Rewards] applies [RewardRule] values: [TopN] pays the first N entries
// that meet the condition (score ≥ MinScore), [Everyone] pays all of them.
// Entries are considered [ByScore] (ranking order) or [ByTime] (earliest
// submission first). A budget pays whole rewards in that order until the
// next would exceed it; rewards are never split, and the ones left out are
// listed as unpaid. Seed-rules PR-22 / K-04: 2.88 yuan for everyone who
// took the quiz, 6.6 yuan for the first 5 full scores by submission time; 7
// full scores pay 5 × 6.6 = 33.00, and an early score below full is never
// paid.
//
// # Business hours (营业时间)
//
// A [Schedule] has working ranges per weekday ([WeeklyHours], written
// Monday first by name in Go and JSON, so no Sunday-is-0 index can shift
// them), an optional official holiday [Calendar], the business's own
// holidays (节假日: no work) and make-up working days (调休上班: a date
// worked with given hours) and a location. Ranges are half-open,
// [start, end), on the wall clock; touching ranges merge, overlapping ones
// are an error, and a schedule with no working time at all is
// [ErrNoWorkingTime]. A holiday replaces the weekday's hours for its date; a
// make-up day replaces them with its own hours; a date cannot be both.
//
// A [Calendar] holds the government's yearly notices ([HolidayNotice]: the
// year, the notice's number and issue date, and each festival's days off
// and make-up working days). [ChinaCalendar] is the State Council's for
// 2024-2026 ([ChinaNotices] cites each notice; the tests check every date
// and weekday against it). In a schedule, a calendar holiday is closed
// whatever its weekday, weekend days of a festival included; a calendar
// make-up day works [ScheduleSpec].MakeUpHours, or the hours of the first
// of Monday-Friday that has any (the notices do not say which weekday a
// make-up day stands for). The business's own dates win over the
// calendar's. Years without a notice are ordinary: the calendar never
// guesses ([Calendar.Covers]). To add a year the day its notice is
// published, pass ChinaNotices() and the new [HolidayNotice] to
// [NewCalendar], which checks that every make-up day is a Saturday or a
// Sunday and that no date appears twice. In JSON a schedule names the
// built-in calendar as "calendar": "china" or lists the notices.
//
// [Schedule.Between] is the length of [a, b) ∩ working time. Each day's
// ranges are mapped to real instants with the location's rules, so a range
// that spans a DST change holds the real elapsed time (01:00-04:00 holds 2
// hours on the New York spring-forward night and 4 on the fall-back night).
// A wall time that does not exist maps to the instant of the change; one
// that occurs twice maps to its first occurrence. Between is additive
// (d(a,b) + d(b,c) = d(a,c)), never above b - a, and antisymmetric, so a
// message at 06:00 answered at 08:45 before a 09:00 opening took no
// business time (as Keeping reports; Orlo falls back to the 2 h 45 of
// clock time when both ends lie outside working hours). Its
// cost does not grow with the number of days: whole weeks are summed in
// closed form; holidays, make-up days and the corrections of the days next
// to a UTC-offset change (computed once by [NewSchedule] for 1970-2100, a
// fraction of a millisecond) through prefix sums: O(1) for the exceptions
// when they lie within about 45 years (a dense table, as the calendar's
// do), O(log H) beyond, plus O(log C) for C offset changes. Parts of a span
// before 1970 or after 2100 walk their offset changes (two a year where
// DST is observed).
//
// [Schedule.Due] is its inverse, an SLA's due time: the first instant t at
// or after start with Between(start, t) = d. A target that runs out at
// closing is due at closing; 24 working hours from 16:55 on a Friday, under
// Monday-Friday 09:00-17:00, are due on Wednesday at 16:55 (Intercom's
// example). It brackets t by doubling from start + d, then searches the
// seconds and the nanoseconds: about 50 evaluations of Between for a due
// time days ahead, at most about 160.
//
// # Customer-service metrics (客服绩效)
//
// [ServiceMetrics] reads conversation messages and orders.
//
//   - The response clock starts at a customer message when no turn is open in
//     its conversation (the first customer message, or the first after an
//     agent reply); further customer messages do not restart it. It stops at
//     the next agent message in the same conversation, and the time belongs
//     to that agent. System messages (auto-replies 自动回复) neither start nor
//     stop it. Agent messages with no open turn stop nothing. A turn never
//     answered is counted as unanswered and left out of the times.
//     Compared with Chatwoot's reports (which agree on a plain first
//     response, a reply time whose wait a second customer message does not
//     restart, and business-hours times): Chatwoot starts the clock at a bot
//     handoff, and again when a conversation is reopened; here the clock
//     starts at the customer's message (start the turn at the handoff to get
//     Chatwoot's figure), and a conversation an agent opens has no first
//     response, where Chatwoot records one.
//   - First response time (首次响应时间): the response to a conversation's
//     first turn. Average response time (平均响应时间): the mean over every
//     answered turn. The N-second response rate (响应率, 3 minutes by
//     default, as on Taobao) comes two ways: over first responses (FastShare =
//     first responses ≤ N ÷ first responses) and over every response round
//     (FastResponseShare = rounds ≤ N ÷ answered rounds), the way Taobao
//     counts it; ListRounds lists every round ([ResponseRound]).
//   - Reception (接待人数): distinct customers in conversations where the agent
//     sent a message. An inquiry (询单) is an answered customer turn, dated at
//     its first customer message and credited to the answering agent;
//     inquirers (询单人数) are the distinct customers with one.
//   - An order is credited to the agent of the customer's latest inquiry at
//     or before it within the attribution window (24 hours by default, end
//     included); an order naming an agent needs an inquiry with that agent.
//     Orders with no such inquiry are silent orders (静默下单) and count for
//     no one. 询单转化率 = buyers ÷ inquirers; 客单价 (AOV) = sales ÷ buyers.
//   - Percentiles follow the library's one definition, Hyndman-Fan type 7
//     (numpy's default, Excel's PERCENTILE.INC) computed exactly to the
//     nanosecond: for sorted x_0 ≤ ... ≤ x_{n-1}, h = (n-1)·p and
//     P_p = x_⌊h⌋ + (h-⌊h⌋)·(x_⌊h⌋+1 - x_⌊h⌋), with p50 at p = 1/2 and p90
//     at p = 9/10. Two responses of 60 s and 240 s have p50 150 s and p90
//     222 s.
//   - With a [Schedule] every response time is measured in business hours.
//   - Average reply length (K-15, [ReplyLengths]): characters of an agent's
//     written replies ÷ replies, counting Unicode code points without white
//     space (a Chinese character is one, not three bytes); auto-replies and
//     replies without text (pictures) are left out.
//
// # Service levels
//
// [ServiceLevels] reads contacts (calls or chats alike, [Contact]), each
// answered or abandoned, and gives the service level in the variants that
// contact centres use (ICMI's "Service Level Calculations" lists them with
// a worked example: 1,000 answered, 860 within 20 s, 60 abandoned, 20
// within 20 s, 10 within 5 s): answered within T over offered (abandons
// count as misses, 81.1%), over answered (86%), over offered less the
// abandons shorter than a grace period (5 s: 81.9%), and with abandons
// within T counted as met (83.0%); the abandonment rate, the average
// speed of answer, the average handle time AHT = talk + hold + wrap-up
// and occupancy = handle time ÷ staffed time. Waits
// are wall-clock, or business hours with a [Schedule].
//
// # Staffing
//
// [Staffing] gives the fewest agents per forecast [Interval] for a
// [StaffingTarget]: X% answered within Y, a cap on the average speed of
// answer, an occupancy cap, and with a patience Erlang A (callers hang up)
// with a cap on abandonment. Erlang C computes the waiting probability from
// Erlang B by its recursion, which never overflows:
//
//	B_0 = 1, B_k = a·B_{k-1} / (k + a·B_{k-1});  C = n·B_n / (n - a·(1 - B_n))
//	SL(t) = 1 - C·exp(-(n - a)·t / AHT);  ASA = C·AHT / (n - a);  occupancy = a / n
//
// with load a = contacts × AHT ÷ interval length (Erlangs). The classic
// case, 100 calls in 30 minutes with AHT 180 s at 80/20, needs 14 agents
// (SL 88.8%, occupancy 71.4%). Erlang A sums the stationary distribution of
// the birth-death chain and computes the service level by uniformisation;
// both models are tested against pyworkforce's documented numbers.
// [StaffingPerformance] reports any given number of agents. Shrinkage
// (breaks, training) is the caller's: divide by 1 - shrinkage.
//
// [Coverage] compares shifts with the requirement, interval by interval:
// the scheduled number is the fewest agents on duty at any instant of the
// interval, so a lunch break shows as a gap (seed-rules K-18, K-19).
// [CheckStaffPlan] checks a plan against [StaffRules]; [SeedStaffRules] are
// the seeds' (staff cost 6-7% of revenue, K-26 and WE-6; a supervisor
// from 4 people, K-24).
//
// # Fulfilment
//
// [Fulfilment] checks paid orders against a ship-by rule ([ShipRule]):
// hours after payment on the wall clock or in business hours, or by a
// clock time a number of calendar days after the payment date. Orders are
// on time (shipped by the deadline, the deadline included), shipped late,
// overdue (unshipped at the check and the deadline reached) or pending,
// counted in total, per warehouse and per staff member, with the late
// orders listed. The seeds' stranded-order check (seed-rules INV-17: every
// order paid the day before has shipped) is the rule "1 day, by 00:00".
//
// # Attendance and activity quotas (考勤, 活动量)
//
// Effective attendance (每日有效出勤, K-02) needs all three of sign-in (签到),
// sign-out (签退) and the daily exam (每日考试) — the seed's "+" is AND, not
// a sum. Each must happen on the record's date, on the location's wall
// clock, inside its closed [ClosedClockRange] [start, end] (K-03 gives 08:00-09:00,
// 09:30-11:00 and 10:00-11:00 without saying; [Rules5512] includes both
// ends). Rates per team and day divide by the records given for that day,
// so pass one record per rostered person.
//
// [EvaluateQuotas] counts activities against a [QuotaScheme]. [Scheme5512]
// is the worked scheme (K-01, F-22): daily 3 meetings, 5 calls to existing
// clients, 5 valid WeChat messages to new clients (valid = replied and
// interacted); weekly 1 group of at least 60 members and 2 small client
// meetings (小交会; weekly is this package's reading, the seed gives no
// period). Periods are daily, weekly or monthly: weeks run Monday to
// Sunday, months are calendar months; periods cut by the range are marked
// partial and keep their whole target. An [ActivityRecord] may carry a
// count (five calls as one record; no count is one activity). A day is complete when every daily
// item is met; streaks are runs of complete days (the longest, and the one
// ending on the last day).
//
// # Ratings (DSR)
//
// [RollingDSR] averages 1-5 ratings of description, service and shipping in
// the window (asOf - window, asOf] (Taobao uses 180 days) and compares each
// with the industry average: (average - industry) ÷ industry × 100 percent.
//
// # Dates and clock times
//
// [Date], [ClockTime] and [ClockRange] are the library's one civil date,
// clock time and half-open daily clock range (shared with package promo):
// text and JSON forms "2006-01-02", "15:04" (or "15:04:05") and
// "09:00-18:00". [Date.At] gives the instant of a clock time on a date in
// a location, following [time.Date] across DST changes (a skipped wall time
// is read with the offset before the change, a repeated one is its first
// occurrence). The attendance windows are closed ranges,
// [ClosedClockRange], since a sign-in on the minute of the window's end
// counts.
//
// # Limits
//
// Every input is bounded, every count is an int64, and no result is NaN or
// ±Inf with a nil error:
//
//   - Dates run from 0001-01-01 to 9999-12-31. Date.AddDays returns the
//     zero (invalid) Date when its input is invalid or its result leaves
//     that range; it never wraps ([ErrInvalidDate] where a date is input).
//   - [MaxCap] = 1,000,000: the largest scoring cap of a [Curve]
//     ([ErrTooLarge]); with weights normalised to sum to 1 every total stays
//     far inside float64. [RollUp] reports [ErrTooLarge] if hand-built
//     scorecards overflow.
//   - A [Calendar] holds at most [MaxCalendarNotices] = 500 notices of at
//     most [MaxNoticeFestivals] = 16 festivals, each at most
//     [MaxFestivalDays] = 31 days off and 31 make-up days ([ErrTooLarge]),
//     so [NewCalendar] expands at most 496,000 days.
//   - Activity counts are summed with overflow checks ([ErrTooLarge]).
//   - [MaxQuotaDays] = 3,660 days per [EvaluateQuotas] range and
//     [MaxQuotaCells] = 10,000,000 people × items × days ([ErrTooLarge]).
//   - [Schedule.Between] clamps instants to years 1-9999 and saturates at
//     the largest time.Duration; its work does not grow with the days of
//     a span (see Business hours), so 20,000 turns spanning 50 years cost
//     [ServiceMetrics] 19 ms in Asia/Shanghai and 25 ms in America/New_York
//     (9.0 s and 5.0 s when it walked every day).
//   - Response-time means are computed from quotients and remainders by n,
//     so they cannot overflow; percentiles are exact (type 7 in 128-bit
//     integers).
//   - Float inputs (targets, weights, values, scores, ratings) must be
//     finite ([ErrInvalidNumber]); a Linear curve computes with halves so
//     finite extremes cannot overflow to NaN.
//   - [MaxAgents] = 100,000 agents per staffing interval, and
//     [MaxStaffingWork] = 50,000,000 steps per Erlang A interval
//     ([ErrTooLarge]); the Erlang C search is O(agents) per interval.
//   - [MaxShipDays] = 366 days in a calendar ship-by rule ([ErrTooLarge]).
//   - Sums of handle times, shift headcounts and customer-service staff go
//     through checked arithmetic ([ErrTooLarge] beyond int64).
//   - JSON documents are decoded strictly: unknown and repeated keys and
//     trailing data are [ErrInvalidJSON].
//
// # Errors
//
// Bad input is an error, never a panic: a *[FieldError] naming the
// operation, the field path and the value, wrapping one of the Err*
// sentinels ("kpi: scorecard: metrics[2].weight -0.1: negative weight"):
// "kpi: OP: FIELD VALUE: REASON: DETAIL" with the empty parts left out,
// the same shape in every package of the library. Field paths are the JSON
// keys (snake_case) or the argument's name.
// Match with [errors.Is] and [errors.As]. Money errors wrap pricing's
// sentinels ([pricing.ErrCurrencyMismatch], [pricing.ErrUnknownCurrency]).
// Validation happens when a value is built or decoded ([NewSchedule],
// [ParseScheme]) or at the start of each call ([CommissionPlan.Compute],
// [Scheme.ScoreAll]), so evaluation runs on valid data.
package kpi
