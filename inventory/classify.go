package inventory

import (
	"fmt"

	"golang.org/x/exp/stats"
)

// Syntetos-Boylan cut-offs between demand classes (Syntetos, Boylan & Croston 2005, "On the
// categorization of demand patterns", JORS 56(5)).
const (
	ADICutoff = 1.32 // average inter-demand interval
	CV2Cutoff = 0.49 // squared coefficient of variation of demand sizes
)

// DemandClass is a demand pattern in the Syntetos-Boylan scheme.
type DemandClass uint8

// Demand classes. The zero value is not a class.
const (
	// Smooth: ADI < 1.32 and CV² < 0.49; demand nearly every period, sizes steady.
	Smooth DemandClass = iota + 1
	// Erratic: ADI < 1.32 and CV² ≥ 0.49; demand nearly every period, sizes vary a lot.
	Erratic
	// Intermittent: ADI ≥ 1.32 and CV² < 0.49; many periods without demand, steady sizes.
	Intermittent
	// Lumpy: ADI ≥ 1.32 and CV² ≥ 0.49; many periods without demand, sizes vary a lot.
	Lumpy
)

// String returns the class name in lower case.
func (c DemandClass) String() string {
	switch c {
	case Smooth:
		return "smooth"
	case Erratic:
		return "erratic"
	case Intermittent:
		return "intermittent"
	case Lumpy:
		return "lumpy"
	}
	return fmt.Sprintf("DemandClass(%d)", uint8(c))
}

// DemandPattern is the result of [ClassifyDemand].
type DemandPattern struct {
	Class DemandClass `json:"class"`
	ADI   float64     `json:"adi"` // periods / periods with demand
	CV2   float64     `json:"cv2"` // (s/x̄)² of the positive demand sizes
}

// ClassifyDemand classifies a demand history, one value per period, by
//
//	ADI = number of periods / number of periods with demand,
//	CV² = (s / x̄)² of the positive demand sizes (sample standard deviation; 0 with one demand),
//
// against the Syntetos-Boylan cut-offs [ADICutoff] and [CV2Cutoff]; a value on a cut-off belongs to
// the class above it. (R's inventorize cuts at ADI > 4/3 and CV² > 0.5 with its own ADI, so a CV² of
// 0.495 is erratic here and smooth there.) It returns an error for an empty history, a negative, NaN or infinite value, or
// a history with no positive demand (wrapping [ErrNoDemand]).
func ClassifyDemand(history []float64) (DemandPattern, error) {
	const op = "classify demand"
	if len(history) == 0 {
		return DemandPattern{}, fieldErr(op, "history", nil, ErrEmptyHistory)
	}
	if err := checkSlice(op, "history", history, true); err != nil {
		return DemandPattern{}, err
	}
	sizes := make([]float64, 0, len(history))
	for _, v := range history {
		if v > 0 {
			sizes = append(sizes, v)
		}
	}
	if len(sizes) == 0 {
		return DemandPattern{}, detailErr(op, "history", nil, ErrNoDemand, fmt.Sprintf("%d periods of zero", len(history)))
	}
	adi := float64(len(history)) / float64(len(sizes))
	mean, sd := stats.MeanAndStdDev(sizes)
	cv2 := 0.0
	if isFinite(mean) && isFinite(sd) && mean > 0 {
		cv2 = (sd / mean) * (sd / mean)
	}
	p := DemandPattern{ADI: adi, CV2: cv2}
	switch {
	case adi < ADICutoff && cv2 < CV2Cutoff:
		p.Class = Smooth
	case adi < ADICutoff:
		p.Class = Erratic
	case cv2 < CV2Cutoff:
		p.Class = Intermittent
	default:
		p.Class = Lumpy
	}
	return p, nil
}

// DefaultForecaster returns the forecaster this package suggests for a demand class: simple
// exponential smoothing with α = 0.2 for smooth demand, and the Syntetos-Boylan approximation with
// α = 0.1 for erratic, intermittent and lumpy demand, where Syntetos, Boylan & Croston (2005) found
// it more accurate than Croston's method; α = 0.1 is within the 0.1-0.2 range Croston (1972)
// recommends. An unknown class gets SES.
func DefaultForecaster(c DemandClass) Forecaster {
	switch c {
	case Erratic, Intermittent, Lumpy:
		return Forecaster{method: MethodSBA, alpha: 0.1}
	}
	return Forecaster{method: MethodSES, alpha: 0.2}
}
