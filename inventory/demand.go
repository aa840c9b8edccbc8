package inventory

import (
	"fmt"
	"math"
	"time"

	"golang.org/x/exp/stats"
)

// Calendar units for demand periods, lead times and review periods. A day is 24 hours and a year is
// 365 days: the package counts elapsed time, not calendar dates, so daylight-saving changes do not
// shift a rate.
const (
	Day  = 24 * time.Hour
	Week = 7 * Day
	Year = 365 * Day
)

// Demand describes demand per period by its mean and standard deviation, the two moments every
// safety-stock formula uses, such as 12 units a day (日均销量 12) with σ 3. The period is explicit so
// that a weekly figure can never be used as a daily one by mistake; convert with [Demand.In] or
// [Demand.MeanOver]. A plain demand rate is a Demand with σ = 0. Demand in different periods is taken as independent, so over t periods
// the mean is t·μ and the standard deviation √t·σ (Silver, Pyke & Thomas, "Inventory and Production
// Management in Supply Chains", 4th ed., §6.7).
//
// The zero value is invalid ([Demand.IsValid] is false); build it with [NewDemand] or
// [DemandFromHistory]. Demand is a comparable value, safe for concurrent use.
type Demand struct {
	mean, sd float64
	per      time.Duration
}

// NewDemand returns demand with the given mean and standard deviation per period. It returns an
// error when mean or sd is negative, NaN, infinite or above [MaxQty], or when per is not positive.
func NewDemand(mean, sd float64, per time.Duration) (Demand, error) {
	const op = "demand"
	if err := checkQty(op, "mean", mean); err != nil {
		return Demand{}, err
	}
	if err := checkQty(op, "sd", sd); err != nil {
		return Demand{}, err
	}
	if per <= 0 {
		return Demand{}, fieldErr(op, "per", per, ErrNotPositive)
	}
	// max turns -0 (not negative, so accepted, and what JSON "-0" decodes to) into 0: a demand of
	// -0 printed as "-0/day" in explanations and "-0" in JSON.
	return Demand{mean: max(mean, 0), sd: max(sd, 0), per: per}, nil
}

// MustDemand is like [NewDemand] but panics on error. Use it for tests and package-level values.
func MustDemand(mean, sd float64, per time.Duration) Demand {
	d, err := NewDemand(mean, sd, per)
	if err != nil {
		panic(fmt.Sprintf("inventory.MustDemand(%g, %g, %s): %v", mean, sd, per, err))
	}
	return d
}

// DemandFromHistory returns the mean and the sample standard deviation (divisor n-1, computed with
// golang.org/x/exp/stats) of history, one value per period. One value gives a standard deviation of
// 0. The history is not modified. It returns an error for an empty history, a negative, NaN or
// infinite value or one above [MaxQty], or a non-positive period.
func DemandFromHistory(history []float64, per time.Duration) (Demand, error) {
	const op = "demand from history"
	if len(history) == 0 {
		return Demand{}, fieldErr(op, "history", nil, ErrEmptyHistory)
	}
	if err := checkSlice(op, "history", history, true); err != nil {
		return Demand{}, err
	}
	if per <= 0 {
		return Demand{}, fieldErr(op, "per", per, ErrNotPositive)
	}
	// Values are at most MaxQty, so the sums inside stay far below MaxFloat64.
	mean, sd := stats.MeanAndStdDev(history)
	return Demand{mean: mean, sd: sd, per: per}, nil
}

// IsValid reports whether d has a positive period.
func (d Demand) IsValid() bool { return d.per > 0 }

// Mean returns the mean demand per period.
func (d Demand) Mean() float64 { return d.mean }

// StdDev returns the standard deviation of demand per period.
func (d Demand) StdDev() float64 { return d.sd }

// Per returns the period.
func (d Demand) Per() time.Duration { return d.per }

// CV returns the coefficient of variation σ/μ, or +Inf when the mean is 0 and σ > 0, or 0 when both are 0.
func (d Demand) CV() float64 {
	if d.mean == 0 {
		if d.sd == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return d.sd / d.mean
}

// periods returns t expressed in periods of d.
func (d Demand) periods(t time.Duration) float64 {
	if d.per <= 0 {
		return 0
	}
	return float64(t) / float64(d.per)
}

// MeanOver returns the expected demand over t: μ·t/per. For demand within [MaxQty] it is finite.
func (d Demand) MeanOver(t time.Duration) float64 { return d.mean * d.periods(t) }

// StdDevOver returns the standard deviation of demand over t: σ·√(t/per), independent periods assumed.
func (d Demand) StdDevOver(t time.Duration) float64 {
	p := d.periods(t)
	if p <= 0 {
		return 0
	}
	return d.sd * math.Sqrt(p)
}

// In returns the same demand expressed per the period per: the mean scales by per/old and the
// standard deviation by √(per/old). It returns an error for an invalid demand, a non-positive period,
// or a converted mean or deviation above [MaxQty].
func (d Demand) In(per time.Duration) (Demand, error) {
	const op = "demand in"
	if !d.IsValid() {
		return Demand{}, fieldErr(op, "demand", nil, ErrNotPositive)
	}
	if per <= 0 {
		return Demand{}, fieldErr(op, "per", per, ErrNotPositive)
	}
	out := Demand{mean: d.MeanOver(per), sd: d.StdDevOver(per), per: per}
	if out.mean > MaxQty || out.sd > MaxQty {
		return Demand{}, detailErr(op, "mean", out.mean, ErrTooLarge, maxQtyDetail)
	}
	return out, nil
}

// LeadTime is the replenishment lead time (补货周期, 到货周期): the mean time from placing an order to
// having the goods on the shelf, and its standard deviation (zero for a reliable supplier).
// The zero value is a zero lead time with no variability.
type LeadTime struct {
	mean, sd time.Duration
}

// NewLeadTime returns a lead time with the given mean and standard deviation. It returns an error for
// a negative mean or standard deviation.
func NewLeadTime(mean, sd time.Duration) (LeadTime, error) {
	if mean < 0 {
		return LeadTime{}, fieldErr("lead time", "mean", mean, ErrNegative)
	}
	if sd < 0 {
		return LeadTime{}, fieldErr("lead time", "sd", sd, ErrNegative)
	}
	return LeadTime{mean: mean, sd: sd}, nil
}

// MustLeadTime is like [NewLeadTime] but panics on error.
func MustLeadTime(mean, sd time.Duration) LeadTime {
	l, err := NewLeadTime(mean, sd)
	if err != nil {
		panic(fmt.Sprintf("inventory.MustLeadTime(%s, %s): %v", mean, sd, err))
	}
	return l
}

// FixedLeadTime returns a lead time of mean with no variability; a negative mean is taken as zero.
func FixedLeadTime(mean time.Duration) LeadTime { return LeadTime{mean: max(mean, 0)} }

// Mean returns the mean lead time.
func (l LeadTime) Mean() time.Duration { return l.mean }

// StdDev returns the standard deviation of the lead time.
func (l LeadTime) StdDev() time.Duration { return l.sd }
