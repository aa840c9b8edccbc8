package inventory

import (
	"fmt"
	"math"
	"time"

	"github.com/opskit/opskit/internal/normal"
)

// SafetyMethod names a way of computing safety stock (安全库存).
type SafetyMethod uint8

// Safety-stock methods. The zero value is not a method.
const (
	// SafetyFixed is a fixed quantity set by hand, such as the 30-50 units the source documents keep
	// for hero items (seed rule INV-04).
	SafetyFixed SafetyMethod = iota + 1
	// SafetyDaysOfCover is mean demand over a fixed cover time: SS = μ·cover.
	SafetyDaysOfCover
	// SafetyCycleService meets a cycle service level (the probability of no stockout in a replenishment
	// cycle) under demand variability: SS = z·σ·√T, z = Φ⁻¹(CSL).
	SafetyCycleService
	// SafetyCycleServiceLeadTime meets a cycle service level under demand and lead-time variability:
	// SS = z·√(T·σ² + μ²·σ_L²).
	SafetyCycleServiceLeadTime
	// SafetyFillRate meets a fill rate (the share of demand met from stock) through the loss function:
	// SS = k·σ_T with L(k) = (1 - β)·Q / σ_T.
	SafetyFillRate
)

// String returns the method name.
func (m SafetyMethod) String() string {
	switch m {
	case SafetyFixed:
		return "fixed"
	case SafetyDaysOfCover:
		return "days of cover"
	case SafetyCycleService:
		return "cycle service level"
	case SafetyCycleServiceLeadTime:
		return "cycle service level with lead-time variability"
	case SafetyFillRate:
		return "fill rate"
	}
	return fmt.Sprintf("SafetyMethod(%d)", uint8(m))
}

// SafetyStock is a rule for safety stock (安全库存), the stock held against demand above its mean
// during the protection interval T. T is the lead time L under continuous review and the review period
// plus the lead time, R + L, under periodic review (Silver, Pyke & Thomas, "Inventory and Production
// Management in Supply Chains", 4th ed., §6.7 and §7.1). Build it with one of the constructors
// ([FixedSafetyStock], [CoverSafetyStock], [CycleServiceSafetyStock], [CycleServiceLeadTimeSafetyStock],
// [FillRateSafetyStock]) and evaluate it with [SafetyStock.For].
//
// Safety stock is never negative: a formula that gives a negative value (a service level below 50 %,
// or a fill rate that cycle stock alone achieves) gives 0.
//
// The zero value has no method and [SafetyStock.For] returns an error for it. SafetyStock is a
// comparable value, safe for concurrent use.
type SafetyStock struct {
	method SafetyMethod
	qty    float64       // SafetyFixed
	cover  time.Duration // SafetyDaysOfCover
	level  float64       // service level or fill rate
	z      float64       // Φ⁻¹(level) for the cycle-service methods
}

// FixedSafetyStock returns a rule that always gives qty units (the hero items' 30-50 units, INV-04).
// It returns an error when qty is negative, NaN, infinite or above [MaxQty].
func FixedSafetyStock(qty float64) (SafetyStock, error) {
	if err := checkQty("safety stock", "qty", qty); err != nil {
		return SafetyStock{}, err
	}
	return SafetyStock{method: SafetyFixed, qty: qty}, nil
}

// CoverSafetyStock returns a rule giving mean demand over cover: SS = μ·cover (for example 3 days of
// sales). It returns an error for a negative cover.
func CoverSafetyStock(cover time.Duration) (SafetyStock, error) {
	if cover < 0 {
		return SafetyStock{}, fieldErr("safety stock", "cover", cover, ErrNegative)
	}
	return SafetyStock{method: SafetyDaysOfCover, cover: cover}, nil
}

// CycleServiceSafetyStock returns the rule SS = z·σ·√T with z = Φ⁻¹(csl), for demand variability
// only (Silver, Pyke & Thomas §6.7.4; Snyder & Shen §4.3). It returns an error unless 0 < csl < 1.
func CycleServiceSafetyStock(csl float64) (SafetyStock, error) {
	if err := checkLevel("safety stock", "service_level", csl); err != nil {
		return SafetyStock{}, err
	}
	return SafetyStock{method: SafetyCycleService, level: csl, z: normal.Quantile(csl)}, nil
}

// CycleServiceLeadTimeSafetyStock returns the rule SS = z·√(T·σ² + μ²·σ_L²) with z = Φ⁻¹(csl), where
// T and σ_L are in demand periods: demand and lead time both vary, independently (Silver, Pyke &
// Thomas §6.10.1, eq. 6.30). With a fixed lead time it equals [CycleServiceSafetyStock]. It returns an
// error unless 0 < csl < 1.
func CycleServiceLeadTimeSafetyStock(csl float64) (SafetyStock, error) {
	if err := checkLevel("safety stock", "service_level", csl); err != nil {
		return SafetyStock{}, err
	}
	return SafetyStock{method: SafetyCycleServiceLeadTime, level: csl, z: normal.Quantile(csl)}, nil
}

// FillRateSafetyStock returns the fill-rate rule (Silver, Pyke & Thomas §7.3.2, the P₂ criterion):
// choose k so that the expected shortage per replenishment cycle is (1 - β) times the demand per cycle,
//
//	σ_T·L(k) = (1 - β)·Q,   SS = k·σ_T,
//
// where L is [NormalLoss], σ_T the standard deviation of demand over the protection interval
// (including lead-time variability when there is any) and Q the demand per cycle: the order quantity
// under continuous review, μ·R under periodic review. It returns an error unless 0 < fill < 1.
func FillRateSafetyStock(fill float64) (SafetyStock, error) {
	if err := checkLevel("safety stock", "fill_rate", fill); err != nil {
		return SafetyStock{}, err
	}
	return SafetyStock{method: SafetyFillRate, level: fill}, nil
}

// Method returns the rule's method.
func (s SafetyStock) Method() SafetyMethod { return s.method }

// Level returns the cycle service level or fill rate of the rule, or 0 for the other methods.
func (s SafetyStock) Level() float64 { return s.level }

// Z returns the safety factor Φ⁻¹(CSL) of a cycle-service rule, or 0 for the other methods.
func (s SafetyStock) Z() float64 { return s.z }

// String describes the rule, such as "cycle service level 95%".
func (s SafetyStock) String() string {
	switch s.method {
	case SafetyFixed:
		return fmt.Sprintf("fixed %g units", s.qty)
	case SafetyDaysOfCover:
		return fmt.Sprintf("%g days of cover", s.cover.Hours()/24)
	case SafetyCycleService, SafetyCycleServiceLeadTime, SafetyFillRate:
		return fmt.Sprintf("%s %g%%", s.method, s.level*100)
	}
	return "no safety stock rule"
}

// Exposure is what a safety-stock rule protects against: demand per period, the lead time, the review
// period (0 for continuous review) and, for the fill-rate rule under continuous review, the order
// quantity Q.
type Exposure struct {
	Demand   Demand        `json:"demand"`
	Lead     LeadTime      `json:"lead"`
	Review   time.Duration `json:"review"`    // 0 means continuous review; the protection interval is then the lead time
	OrderQty float64       `json:"order_qty"` // used by the fill-rate rule under continuous review; at most MaxQty
}

// protection returns the protection interval T: Lead + Review.
func (e Exposure) protection() time.Duration { return e.Lead.mean + e.Review }

// For returns the safety stock for the exposure e. It returns an error for a rule without a method,
// an invalid demand, a negative review period, a protection interval beyond the range of
// [time.Duration], or, for the fill-rate rule under continuous review, an order quantity that is not
// positive or is above [MaxQty].
func (s SafetyStock) For(e Exposure) (float64, error) {
	const op = "safety stock"
	if !e.Demand.IsValid() {
		return 0, fieldErr(op, "demand.per", e.Demand.per, ErrNotPositive)
	}
	if e.Review < 0 {
		return 0, fieldErr(op, "review", e.Review, ErrNegative)
	}
	if e.Lead.mean < 0 || e.Lead.sd < 0 {
		return 0, fieldErr(op, "lead.mean", e.Lead.mean, ErrNegative)
	}
	if e.Lead.mean > math.MaxInt64-e.Review {
		return 0, detailErr(op, "review", e.Review, ErrTooLarge, "lead + review beyond 292 years")
	}
	if s.method == SafetyFillRate && e.Review == 0 {
		if err := checkPos(op, "order_qty", e.OrderQty); err != nil {
			return 0, err
		}
		if e.OrderQty > MaxQty {
			return 0, detailErr(op, "order_qty", e.OrderQty, ErrTooLarge, maxQtyDetail)
		}
	}
	if s.method < SafetyFixed || s.method > SafetyFillRate {
		return 0, fieldErr(op, "method", uint8(s.method), ErrPolicy)
	}
	d := e.Demand
	ss := s.compute(d.mean, d.sd, d.periods(e.protection()), d.periods(e.Lead.sd), d.periods(e.Review),
		e.OrderQty, d.periods(s.cover))
	if err := checkResult(op, "safety_stock", ss); err != nil {
		return 0, err
	}
	return ss, nil
}

// compute evaluates the rule with everything in demand periods: mean μ and deviation σ per period,
// protection interval t, lead-time deviation sdL, review period r, order quantity q and the cover of
// a days-of-cover rule. Inputs are valid; the result is not negative and not NaN.
func (s SafetyStock) compute(mu, sd, t, sdL, r, q, cover float64) float64 {
	var ss float64
	switch s.method {
	case SafetyFixed:
		ss = s.qty
	case SafetyDaysOfCover:
		ss = mu * cover
	case SafetyCycleService:
		ss = s.z * sd * math.Sqrt(t)
	case SafetyCycleServiceLeadTime:
		ss = s.z * math.Sqrt(t*sd*sd+mu*mu*sdL*sdL)
	case SafetyFillRate:
		sigma := math.Sqrt(t*sd*sd + mu*mu*sdL*sdL)
		cycle := q
		if r > 0 {
			cycle = mu * r
		}
		if sigma == 0 || cycle == 0 {
			return 0
		}
		ss = sigma * lossInverseFast((1-s.level)*cycle/sigma)
	}
	if !(ss > 0) { // negative, zero or NaN
		return 0
	}
	return ss
}
