package inventory

import (
	"fmt"
	"math"
	"time"
)

// DemandFromForecast turns a forecaster and a demand history (one value per period per, oldest first)
// into the [Demand] a [Planner] needs: the mean is the forecast for the next period and the standard
// deviation is the root mean squared one-step-ahead error of the fitted values,
//
//	μ = max(0, F(n+1)),   σ = √( Σ_{t≥k} (y(t) - max(0, F(t)))² / (n - k) ),
//
// the usual way to size safety stock from a forecast (Silver, Pyke & Thomas, §4.7: the forecast
// error, not the spread of demand itself, is what safety stock protects against; Hyndman &
// Athanasopoulos §5.8 for the one-step residuals). Forecasts are clamped at zero before use, both the
// mean and each fitted value, so that a falling Holt trend that forecasts -4 gives a mean of 0, which
// [NewDemand] accepts, and the errors are those of the forecast a planner would actually have used.
//
// The first k fitted values are fixed by the method's initialisation (they equal the data), so they
// are left out of σ: k = 2 for Holt's method and 1 for every other method. The history therefore needs
// at least k + 1 values (and at least what the method needs: n for SMA and WMA). It returns the
// errors of [Forecaster.Forecast], one wrapping [ErrShortHistory] for a history too short to give an
// error, and one wrapping [ErrTooLarge] when the mean is above [MaxQty] (a steep Holt trend). It
// allocates one slice of len(history) float64.
func DemandFromForecast(f Forecaster, history []float64, per time.Duration) (Demand, error) {
	const op = "demand from forecast"
	if per <= 0 {
		return Demand{}, fieldErr(op, "per", per, ErrNotPositive)
	}
	if err := f.check(op, history); err != nil {
		return Demand{}, err
	}
	k := 1
	if f.method == MethodHolt {
		k = 2
	}
	if len(history) <= k {
		return Demand{}, detailErr(op, "history", nil, ErrShortHistory,
			fmt.Sprintf("%d values, at least %d to measure a forecast error", len(history), k+1))
	}
	fitted := make([]float64, len(history))
	level, trend := f.run(history, fitted)
	mean := max(level+trend, 0) // values ≤ MaxQty: finite
	var ms float64              // running mean of squared errors: no overflow
	for t := k; t < len(history); t++ {
		e := history[t] - max(fitted[t], 0)
		ms += (e*e - ms) / float64(t-k+1)
	}
	sd := math.Sqrt(ms)
	if mean > MaxQty {
		return Demand{}, detailErr(op, "history", mean, ErrTooLarge, "the forecast is above 1e15 units")
	}
	if !(sd <= MaxQty) {
		return Demand{}, detailErr(op, "history", sd, ErrTooLarge, "the forecast error is above 1e15 units")
	}
	return Demand{mean: mean, sd: sd, per: per}, nil
}
