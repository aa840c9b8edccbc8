package inventory

import (
	"fmt"
	"math"
)

// checkPair validates actual and forecast series of equal, non-zero length with finite values.
func checkPair(op string, actual, forecast []float64) error {
	if len(actual) == 0 {
		return fieldErr(op, "actual", nil, ErrEmptyHistory)
	}
	if len(forecast) != len(actual) {
		return detailErr(op, "forecast", nil, ErrLength, fmt.Sprintf("%d values for %d actual values", len(forecast), len(actual)))
	}
	if err := checkSlice(op, "actual", actual, false); err != nil {
		return err
	}
	return checkSlice(op, "forecast", forecast, false)
}

// result returns x, or an error wrapping ErrTooLarge when the values, each finite, give a result
// beyond the float64 range (differences or squares of values near 1e308).
func result(op string, x float64) (float64, error) {
	if err := checkResult(op, "result", x); err != nil {
		return 0, err
	}
	return x, nil
}

// MAE returns the mean absolute error Σ|a(t) - f(t)| / n (Hyndman & Koehler 2006, "Another look at
// measures of forecast accuracy", IJF 22(4)). It returns an error for empty or unequal-length series,
// a NaN or infinite value, or a result beyond the float64 range (wrapping [ErrTooLarge]).
func MAE(actual, forecast []float64) (float64, error) {
	if err := checkPair("mae", actual, forecast); err != nil {
		return 0, err
	}
	var sum float64
	for i, a := range actual {
		sum += math.Abs(a - forecast[i])
	}
	return result("mae", sum/float64(len(actual)))
}

// RMSE returns the root mean squared error √(Σ(a(t) - f(t))² / n) (Hyndman & Koehler 2006). Errors as
// [MAE].
func RMSE(actual, forecast []float64) (float64, error) {
	if err := checkPair("rmse", actual, forecast); err != nil {
		return 0, err
	}
	var sum float64
	for i, a := range actual {
		e := a - forecast[i]
		sum += e * e
	}
	return result("rmse", math.Sqrt(sum/float64(len(actual))))
}

// Bias returns the mean error Σ(f(t) - a(t)) / n: positive when the forecast runs high (over-forecast,
// which builds stock), negative when it runs low. Errors as [MAE].
func Bias(actual, forecast []float64) (float64, error) {
	if err := checkPair("bias", actual, forecast); err != nil {
		return 0, err
	}
	var sum float64
	for i, a := range actual {
		sum += forecast[i] - a
	}
	return result("bias", sum/float64(len(actual)))
}

// MAPE returns the mean absolute percentage error Σ|a(t) - f(t)| / |a(t)| / n as a fraction (0.1 is
// 10 %) (Hyndman & Koehler 2006). It is undefined when an actual is zero, common for intermittent
// demand: it then returns an error wrapping [ErrZeroActual] naming the period; use [MASE] instead.
// Other errors as [MAE].
func MAPE(actual, forecast []float64) (float64, error) {
	if err := checkPair("mape", actual, forecast); err != nil {
		return 0, err
	}
	var sum float64
	for i, a := range actual {
		if a == 0 {
			return 0, fieldErr("mape", indexed("actual", i), a, ErrZeroActual)
		}
		sum += math.Abs((a - forecast[i]) / a)
	}
	return result("mape", sum/float64(len(actual)))
}

// MASE returns the mean absolute scaled error of Hyndman & Koehler (2006, eq. 6 with the non-seasonal
// naive scale):
//
//	MASE = MAE(actual, forecast) / ( Σ_{t=1}^{n-1} |y(t) - y(t-1)| / (n - 1) ),
//
// where y is the training (in-sample) history. Below 1 the forecast beats the naive one-step
// forecast on the training data. It works with zero actuals. It returns the errors of [MAE], an error
// for a training history shorter than 2 or with a NaN or infinite value, and one wrapping
// [ErrNotPositive] when the training history is constant (scale 0).
func MASE(actual, forecast, training []float64) (float64, error) {
	const op = "mase"
	mae, err := MAE(actual, forecast)
	if err != nil {
		return 0, err
	}
	if len(training) < 2 {
		return 0, detailErr(op, "training", nil, ErrShortHistory, fmt.Sprintf("%d values, at least 2", len(training)))
	}
	if err := checkSlice(op, "training", training, false); err != nil {
		return 0, err
	}
	var scale float64
	for t := 1; t < len(training); t++ {
		scale += math.Abs(training[t] - training[t-1])
	}
	scale /= float64(len(training) - 1)
	if !(scale > 0) || !isFinite(scale) {
		return 0, detailErr(op, "training", nil, ErrNotPositive, "constant: the naive scale is 0")
	}
	return result(op, mae/scale)
}
