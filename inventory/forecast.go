package inventory

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// ForecastMethod names a forecasting method.
type ForecastMethod uint8

// Forecasting methods. The zero value is not a method.
const (
	MethodSMA     ForecastMethod = iota + 1 // simple moving average
	MethodWMA                               // weighted moving average
	MethodSES                               // simple exponential smoothing
	MethodHolt                              // Holt's linear trend
	MethodCroston                           // Croston (1972), intermittent demand
	MethodSBA                               // Syntetos-Boylan approximation (2005)
	MethodTSB                               // Teunter-Syntetos-Babai (2011)
	MethodSBJ                               // Shale-Boylan-Johnston (2006), intermittent demand
)

// String returns the method's short name.
func (m ForecastMethod) String() string {
	switch m {
	case MethodSMA:
		return "SMA"
	case MethodWMA:
		return "WMA"
	case MethodSES:
		return "SES"
	case MethodHolt:
		return "Holt"
	case MethodCroston:
		return "Croston"
	case MethodSBA:
		return "SBA"
	case MethodTSB:
		return "TSB"
	case MethodSBJ:
		return "SBJ"
	}
	return fmt.Sprintf("ForecastMethod(%d)", uint8(m))
}

// Forecaster is a demand forecasting method (销量预测) with its parameters. Histories are demand per
// period, oldest first, non-negative and finite; forecasts are per period. Each constructor documents
// the method's formula and initialisation. [Forecaster.Forecast] gives the forecast after the whole
// history; [Forecaster.Fitted] gives every one-step-ahead in-sample forecast, for the accuracy measures
// ([MAE], [MASE], ...).
//
// The zero value has no method and returns errors. A Forecaster is immutable (its weights are copied)
// and safe for concurrent use.
type Forecaster struct {
	method      ForecastMethod
	n           int
	weights     []float64
	scale       float64 // 2⁻ᵏ with max(weights)·scale in [0.5, 1): exact, and Σ w·y cannot overflow
	alpha, beta float64
}

// NewSMA returns the simple moving average of the last n periods,
// F(t+1) = (y(t) + ... + y(t-n+1)) / n. Fitted values before n periods average the periods so far;
// the first is y(0). It returns an error for n < 1.
func NewSMA(n int) (Forecaster, error) {
	if n < 1 {
		return Forecaster{}, fieldErr("sma", "n", n, ErrNotPositive)
	}
	return Forecaster{method: MethodSMA, n: n}, nil
}

// NewWMA returns the weighted moving average F(t+1) = Σ wᵢ·y(t-k+1+i) / Σ wᵢ over the last k =
// len(weights) periods; weights[k-1] applies to the most recent period. Fitted values before k periods
// use the last t weights, renormalised; the first is y(0). The weights are copied. It returns an
// error for no weights or a weight that is not positive and finite.
func NewWMA(weights []float64) (Forecaster, error) {
	if len(weights) == 0 {
		return Forecaster{}, fieldErr("wma", "weights", nil, ErrEmptyHistory)
	}
	for i, w := range weights {
		if err := checkPos("wma", indexed("weights", i), w); err != nil {
			return Forecaster{}, err
		}
	}
	_, e := math.Frexp(slices.Max(weights))
	return Forecaster{method: MethodWMA, n: len(weights), weights: slices.Clone(weights), scale: math.Ldexp(1, -e)}, nil
}

// NewSES returns simple exponential smoothing (Brown 1959; Hyndman & Athanasopoulos, "Forecasting:
// Principles and Practice", 3rd ed., §8.1):
//
//	ℓ(t) = α·y(t) + (1-α)·ℓ(t-1),   F(t+h) = ℓ(t).
//
// Initialisation: ℓ(0) = y(0), the first observation. It returns an error unless 0 < α ≤ 1.
func NewSES(alpha float64) (Forecaster, error) {
	if err := checkSmoothing("ses", "alpha", alpha); err != nil {
		return Forecaster{}, err
	}
	return Forecaster{method: MethodSES, alpha: alpha}, nil
}

// NewHolt returns Holt's linear trend method (Holt 1957; Hyndman & Athanasopoulos §8.2):
//
//	ℓ(t) = α·y(t) + (1-α)·(ℓ(t-1) + b(t-1)),
//	b(t) = β·(ℓ(t) - ℓ(t-1)) + (1-β)·b(t-1),   F(t+h) = ℓ(t) + h·b(t).
//
// Initialisation: ℓ(1) = y(1) and b(1) = y(1) - y(0), so it needs two periods; the fitted values of
// periods 0 and 1 are y(0) and y(1). Forecasts are not
// floored at zero: a falling trend can forecast negative demand, which callers should floor. It
// returns an error unless 0 < α ≤ 1 and 0 < β ≤ 1.
func NewHolt(alpha, beta float64) (Forecaster, error) {
	if err := checkSmoothing("holt", "alpha", alpha); err != nil {
		return Forecaster{}, err
	}
	if err := checkSmoothing("holt", "beta", beta); err != nil {
		return Forecaster{}, err
	}
	return Forecaster{method: MethodHolt, alpha: alpha, beta: beta}, nil
}

// NewCroston returns Croston's method for intermittent demand (Croston 1972, "Forecasting and stock
// control for intermittent demands", Operational Research Quarterly 23(3)). Demand sizes z and
// intervals p between demands are smoothed separately, only in periods with demand:
//
//	z ← z + α·(y(t) - z),   p ← p + α·(q - p),   F = z / p,
//
// where q is the number of periods since the previous demand. Initialisation: z = the first positive
// demand y(f) and p = f + 1, its position counted from 1. Forecasts before the first demand (and for a
// history without demand) are 0. It returns an error unless 0 < α ≤ 1.
func NewCroston(alpha float64) (Forecaster, error) {
	if err := checkSmoothing("croston", "alpha", alpha); err != nil {
		return Forecaster{}, err
	}
	return Forecaster{method: MethodCroston, alpha: alpha}, nil
}

// NewSBA returns the Syntetos-Boylan approximation (Syntetos & Boylan 2005, "The accuracy of
// intermittent demand estimates", International Journal of Forecasting 21(2)): Croston's estimate
// with the bias correction F = (1 - α/2)·z/p. Initialisation as [NewCroston]. It returns an error
// unless 0 < α ≤ 1.
func NewSBA(alpha float64) (Forecaster, error) {
	if err := checkSmoothing("sba", "alpha", alpha); err != nil {
		return Forecaster{}, err
	}
	return Forecaster{method: MethodSBA, alpha: alpha}, nil
}

// NewTSB returns the Teunter-Syntetos-Babai method (Teunter, Syntetos & Babai 2011, "Intermittent
// demand: linking forecasting to inventory obsolescence", EJOR 214(3)), which smooths the probability
// of demand every period, so the forecast decays when demand stops:
//
//	π ← π + β·(1[y(t) > 0] - π) every period,   z ← z + α·(y(t) - z) when y(t) > 0,   F = π·z.
//
// Initialisation: z = the first positive demand y(f) and π = 1/(f + 1). Forecasts before the first
// demand (and for a history without demand) are 0. It returns an error unless 0 < α, β ≤ 1.
func NewTSB(alpha, beta float64) (Forecaster, error) {
	if err := checkSmoothing("tsb", "alpha", alpha); err != nil {
		return Forecaster{}, err
	}
	if err := checkSmoothing("tsb", "beta", beta); err != nil {
		return Forecaster{}, err
	}
	return Forecaster{method: MethodTSB, alpha: alpha, beta: beta}, nil
}

func checkSmoothing(op, field string, a float64) error {
	if !isFinite(a) {
		return fieldErr(op, field, a, ErrNotFinite)
	}
	if a <= 0 || a > 1 {
		return fieldErr(op, field, a, ErrSmoothing)
	}
	return nil
}

// Method returns the forecasting method.
func (f Forecaster) Method() ForecastMethod { return f.method }

// String returns the method and its parameters, such as "SES(α=0.2)".
func (f Forecaster) String() string {
	switch f.method {
	case MethodSMA:
		return fmt.Sprintf("SMA(n=%d)", f.n)
	case MethodWMA:
		parts := make([]string, len(f.weights))
		for i, w := range f.weights {
			parts[i] = strconv.FormatFloat(w, 'g', -1, 64)
		}
		return "WMA(" + strings.Join(parts, ", ") + ")"
	case MethodSES, MethodCroston, MethodSBA, MethodSBJ:
		return fmt.Sprintf("%s(α=%g)", f.method, f.alpha)
	case MethodHolt, MethodTSB:
		return fmt.Sprintf("%s(α=%g, β=%g)", f.method, f.alpha, f.beta)
	}
	return "no method"
}

// minHistory returns the number of periods the method needs.
func (f Forecaster) minHistory() int {
	switch f.method {
	case MethodSMA, MethodWMA:
		return f.n
	case MethodHolt:
		return 2
	}
	return 1
}

func (f Forecaster) check(op string, history []float64) error {
	if f.method < MethodSMA || f.method > MethodSBJ {
		return detailErr(op, "forecaster", nil, ErrPolicy, "the zero Forecaster; use a constructor")
	}
	if len(history) == 0 {
		return fieldErr(op, "history", nil, ErrEmptyHistory)
	}
	if len(history) < f.minHistory() {
		return detailErr(op, "history", nil, ErrShortHistory, fmt.Sprintf("%d values, at least %d", len(history), f.minHistory()))
	}
	return checkSlice(op, "history", history, true)
}

// Forecast returns the forecast of demand h periods after the end of history (h = 1 is the next
// period). All methods but Holt's give the same value for every h. It returns an error for h < 1, a
// zero Forecaster, an empty history, a history shorter than the method needs (n for SMA and WMA, 2 for
// Holt), a negative, NaN or infinite value or one above [MaxQty], and one wrapping [ErrTooLarge] if the
// forecast is beyond the float64 range (which the limits on histories rule out; kept as a guard).
func (f Forecaster) Forecast(history []float64, h int) (float64, error) {
	const op = "forecast"
	if h < 1 {
		return 0, fieldErr(op, "horizon", h, ErrNotPositive)
	}
	if err := f.check(op, history); err != nil {
		return 0, err
	}
	level, trend := f.run(history, nil)
	v := level + float64(h)*trend
	if err := checkResult(op, "forecast", v); err != nil {
		return 0, err
	}
	return v, nil
}

// Fitted writes into out[t] the one-step-ahead forecast of history[t] made from history[:t], for every
// t; out[0] is the method's initial value (see each constructor). It allocates nothing. It returns the
// errors of [Forecaster.Forecast] and one wrapping [ErrLength] when out is shorter than history.
func (f Forecaster) Fitted(history, out []float64) error {
	const op = "fitted"
	if len(out) < len(history) {
		return detailErr(op, "out", nil, ErrLength, fmt.Sprintf("%d values for %d in history", len(out), len(history)))
	}
	if err := f.check(op, history); err != nil {
		return err
	}
	f.run(history, out)
	for i, v := range out[:len(history)] {
		if err := checkResult(op, indexed("out", i), v); err != nil {
			return err
		}
	}
	return nil
}

// run applies the method to a valid history, writing one-step forecasts into out when it is not nil,
// and returns the final level and trend (the trend is 0 except for Holt's method).
func (f Forecaster) run(y, out []float64) (level, trend float64) {
	switch f.method {
	case MethodSMA, MethodWMA:
		return f.movingAverage(y, out), 0
	case MethodSES:
		return ses(y, f.alpha, out), 0
	case MethodHolt:
		return holt(y, f.alpha, f.beta, out)
	case MethodCroston:
		return croston(y, f.alpha, 1, out), 0
	case MethodSBA:
		return croston(y, f.alpha, 1-f.alpha/2, out), 0
	case MethodTSB:
		return tsb(y, f.alpha, f.beta, out), 0
	case MethodSBJ:
		return croston(y, f.alpha, 1-f.alpha/(2-f.alpha), out), 0
	}
	return 0, 0
}

// movingAverage handles SMA (uniform weights) and WMA.
func (f Forecaster) movingAverage(y, out []float64) float64 {
	avg := func(t int) float64 { // the average ending just before t, t ≥ 1
		k := min(t, f.n)
		var sum, wsum float64
		for i := 0; i < k; i++ {
			w := 1.0
			if f.weights != nil {
				w = f.weights[f.n-k+i] * f.scale // a power of two: the ratio below is unchanged
			}
			sum += w * y[t-k+i]
			wsum += w
		}
		return sum / wsum
	}
	if out != nil {
		out[0] = y[0]
		if f.weights == nil { // SMA: running sum
			var sum float64
			for t := 1; t < len(y); t++ {
				sum += y[t-1]
				if t > f.n {
					sum -= y[t-1-f.n]
				}
				out[t] = sum / float64(min(t, f.n))
			}
		} else {
			for t := 1; t < len(y); t++ {
				out[t] = avg(t)
			}
		}
	}
	return avg(len(y))
}

func ses(y []float64, alpha float64, out []float64) float64 {
	l := y[0]
	if out == nil {
		for _, v := range y[1:] {
			l += alpha * (v - l)
		}
		return l
	}
	out[0] = l
	for t := 1; t < len(y); t++ {
		out[t] = l
		l += alpha * (y[t] - l)
	}
	return l
}

func holt(y []float64, alpha, beta float64, out []float64) (float64, float64) {
	l, b := y[1], y[1]-y[0]
	if out != nil {
		out[0], out[1] = y[0], y[1]
	}
	for t := 2; t < len(y); t++ {
		if out != nil {
			out[t] = l + b
		}
		prev := l
		l = alpha*y[t] + (1-alpha)*(l+b)
		b = beta*(l-prev) + (1-beta)*b
	}
	return l, b
}

// croston runs Croston's method and returns factor·z/p; SBA passes factor 1 - α/2.
func croston(y []float64, alpha, factor float64, out []float64) float64 {
	first := slices.IndexFunc(y, func(v float64) bool { return v > 0 })
	if first < 0 {
		if out != nil {
			clear(out[:len(y)])
		}
		return 0
	}
	z, p := y[first], float64(first+1)
	since := 0.0 // periods since the last demand
	if out != nil {
		clear(out[:first+1])
	}
	// The smoothing step is scaled by 0 or α rather than branched on, which keeps the loop steady on
	// sparse, irregular demand.
	for t := first + 1; t < len(y); t++ {
		if out != nil {
			out[t] = factor * z / p
		}
		v := y[t]
		since++
		hit := 0.0
		if v > 0 {
			hit = alpha
		}
		z += hit * (v - z)
		p += hit * (since - p)
		if v > 0 {
			since = 0
		}
	}
	return factor * z / p
}

func tsb(y []float64, alpha, beta float64, out []float64) float64 {
	first := slices.IndexFunc(y, func(v float64) bool { return v > 0 })
	if first < 0 {
		if out != nil {
			clear(out[:len(y)])
		}
		return 0
	}
	z, prob := y[first], 1/float64(first+1)
	if out != nil {
		clear(out[:first+1])
	}
	for t := first + 1; t < len(y); t++ {
		if out != nil {
			out[t] = prob * z
		}
		if v := y[t]; v > 0 {
			prob += beta * (1 - prob)
			z += alpha * (v - z)
		} else {
			prob -= beta * prob
		}
	}
	return prob * z
}
