package inventory

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mustF unwraps a constructor's result in test tables; a constructor error is a bug in the test.
func mustF(f Forecaster, err error) Forecaster {
	if err != nil {
		panic(err)
	}
	return f
}

func TestForecastKnownAnswers(t *testing.T) {
	y := []float64{10, 12, 14, 16}
	tests := []struct {
		name       string
		f          Forecaster
		history    []float64
		h          int
		want       float64
		wantFitted []float64
	}{
		{"SMA(3)", mustF(NewSMA(3)), y, 1, 14, []float64{10, 10, 11, 12}},
		// Weights 1, 2, 3 on the last three: (12 + 28 + 48) / 6.
		{"WMA(1,2,3)", mustF(NewWMA([]float64{1, 2, 3})), y, 1, 88.0 / 6, []float64{10, 10, (10*2 + 12*3) / 5.0, (10 + 24 + 42) / 6.0}},
		// ℓ = 10 → 10.5 → 11.375 → 12.53125 with α = 0.25.
		{"SES(0.25)", mustF(NewSES(0.25)), y, 3, 12.53125, []float64{10, 10, 10.5, 11.375}},
		// A straight line is followed exactly by Holt's method from its initialisation.
		{"Holt on a line", mustF(NewHolt(0.5, 0.3)), y, 2, 20, []float64{10, 12, 14, 16}},
		// Hand computation: first demand 3 at t = 2 → z = 3, p = 3; at t = 4 demand 5 after 2 periods:
		// z = 3 + 0.1·(5 - 3) = 3.2, p = 3 + 0.1·(2 - 3) = 2.9; forecast 3.2/2.9.
		{"Croston", mustF(NewCroston(0.1)), []float64{0, 0, 3, 0, 5}, 1, 3.2 / 2.9, []float64{0, 0, 0, 1, 1}},
		{"SBA", mustF(NewSBA(0.1)), []float64{0, 0, 3, 0, 5}, 1, 0.95 * 3.2 / 2.9, []float64{0, 0, 0, 0.95, 0.95}},
		// TSB: z = 3, π = 1/3 at t = 2; t = 3: π = 1/3·0.8; t = 4: π = 0.8/3 + 0.2·(1 - 0.8/3), z = 3.2.
		{"TSB", mustF(NewTSB(0.1, 0.2)), []float64{0, 0, 3, 0, 5}, 1, (0.8/3 + 0.2*(1-0.8/3)) * 3.2, []float64{0, 0, 0, 1, 0.8}},
		{"Croston without demand", mustF(NewCroston(0.1)), []float64{0, 0, 0}, 1, 0, []float64{0, 0, 0}},
		{"TSB without demand", mustF(NewTSB(0.1, 0.1)), []float64{0, 0}, 1, 0, []float64{0, 0}},
	}
	for _, tt := range tests {
		got, err := tt.f.Forecast(tt.history, tt.h)
		require.NoError(t, err, tt.name)
		assert.InDelta(t, tt.want, got, 1e-12, "%s.Forecast", tt.name)
		fitted := make([]float64, len(tt.history))
		require.NoError(t, tt.f.Fitted(tt.history, fitted), tt.name)
		assert.InDeltaSlice(t, tt.wantFitted, fitted, 1e-12, "%s.Fitted", tt.name)
	}
}

// Holt's method with α = 1 and β = 1 is the naive trend: ℓ = y(t), b = y(t) - y(t-1).
func TestHoltTrend(t *testing.T) {
	f := mustF(NewHolt(1, 1))
	got, err := f.Forecast([]float64{5, 9, 8, 12}, 3)
	require.NoError(t, err)
	assert.Equal(t, 12.0+3*4, got)
}

// SBA equals Croston times (1 - α/2) at every step, and SES with α = 1 is the naive forecast.
func TestForecastRelations(t *testing.T) {
	y := []float64{0, 4, 0, 0, 7, 1, 0, 0, 0, 3}
	c, s := make([]float64, len(y)), make([]float64, len(y))
	require.NoError(t, mustF(NewCroston(0.2)).Fitted(y, c))
	require.NoError(t, mustF(NewSBA(0.2)).Fitted(y, s))
	for i := range y {
		assert.InDelta(t, 0.9*c[i], s[i], 1e-12)
	}
	naive := make([]float64, len(y))
	require.NoError(t, mustF(NewSES(1)).Fitted(y, naive))
	assert.Equal(t, append([]float64{0}, y[:len(y)-1]...), naive)
}

func TestForecastErrors(t *testing.T) {
	ctors := []struct {
		name string
		err  error
		want error
	}{
		{"SMA 0", func() error { _, err := NewSMA(0); return err }(), ErrNotPositive},
		{"WMA none", func() error { _, err := NewWMA(nil); return err }(), ErrEmptyHistory},
		{"WMA zero weight", func() error { _, err := NewWMA([]float64{1, 0}); return err }(), ErrNotPositive},
		{"SES 0", func() error { _, err := NewSES(0); return err }(), ErrSmoothing},
		{"SES 1.5", func() error { _, err := NewSES(1.5); return err }(), ErrSmoothing},
		{"SES NaN", func() error { _, err := NewSES(math.NaN()); return err }(), ErrNotFinite},
		{"Holt beta", func() error { _, err := NewHolt(0.5, 0); return err }(), ErrSmoothing},
		{"Holt alpha", func() error { _, err := NewHolt(2, 0.5); return err }(), ErrSmoothing},
		{"Croston", func() error { _, err := NewCroston(-1); return err }(), ErrSmoothing},
		{"SBA", func() error { _, err := NewSBA(0); return err }(), ErrSmoothing},
		{"TSB alpha", func() error { _, err := NewTSB(0, 0.5); return err }(), ErrSmoothing},
		{"TSB beta", func() error { _, err := NewTSB(0.5, 2); return err }(), ErrSmoothing},
	}
	for _, tt := range ctors {
		assert.ErrorIs(t, tt.err, tt.want, tt.name)
	}
	ses := mustF(NewSES(0.3))
	uses := []struct {
		name    string
		f       Forecaster
		history []float64
		h       int
		want    error
	}{
		{"empty", ses, nil, 1, ErrEmptyHistory},
		{"negative", ses, []float64{1, -1}, 1, ErrNegative},
		{"NaN", ses, []float64{math.NaN()}, 1, ErrNotFinite},
		{"horizon 0", ses, []float64{1}, 0, ErrNotPositive},
		{"SMA short", mustF(NewSMA(3)), []float64{1, 2}, 1, ErrShortHistory},
		{"Holt short", mustF(NewHolt(0.5, 0.5)), []float64{1}, 1, ErrShortHistory},
		{"zero forecaster", Forecaster{}, []float64{1}, 1, ErrPolicy},
	}
	for _, tt := range uses {
		_, err := tt.f.Forecast(tt.history, tt.h)
		assert.ErrorIs(t, err, tt.want, tt.name)
	}
	assert.ErrorIs(t, ses.Fitted([]float64{1, 2}, make([]float64, 1)), ErrLength)
	assert.ErrorIs(t, ses.Fitted(nil, nil), ErrEmptyHistory)
}

func TestForecasterStrings(t *testing.T) {
	assert.Equal(t, "SMA(n=3)", mustF(NewSMA(3)).String())
	assert.Equal(t, "WMA(1, 2.5)", mustF(NewWMA([]float64{1, 2.5})).String())
	assert.Equal(t, "SES(α=0.2)", mustF(NewSES(0.2)).String())
	assert.Equal(t, "Holt(α=0.5, β=0.1)", mustF(NewHolt(0.5, 0.1)).String())
	assert.Equal(t, "TSB(α=0.1, β=0.05)", mustF(NewTSB(0.1, 0.05)).String())
	assert.Equal(t, "no method", Forecaster{}.String())
	assert.Equal(t, MethodCroston, mustF(NewCroston(0.1)).Method())
	for m := MethodSMA; m <= MethodTSB; m++ {
		assert.NotContains(t, m.String(), "ForecastMethod(")
	}
	assert.Equal(t, "ForecastMethod(0)", ForecastMethod(0).String())

	w := []float64{1, 2}
	f := mustF(NewWMA(w))
	w[0] = 100
	got, err := f.Forecast([]float64{3, 6}, 1)
	require.NoError(t, err)
	assert.Equal(t, 5.0, got, "the weights were copied")
}

func TestClassifyDemand(t *testing.T) {
	tests := []struct {
		give    []float64
		want    DemandClass
		wantADI float64
		wantCV2 float64
	}{
		{[]float64{10, 11, 9, 10, 10}, Smooth, 1, 0.005},
		{[]float64{1, 20, 2, 30, 1}, Erratic, 1, (722.8 / 4) / (10.8 * 10.8)}, // mean 10.8, Σ(x - x̄)² = 722.8
		{[]float64{0, 5, 0, 5, 0, 6}, Intermittent, 2, 1.0 / 3 / (16.0 / 3 * 16.0 / 3)},
		{[]float64{0, 1, 0, 0, 40, 0}, Lumpy, 3, (2 * 19.5 * 19.5) / (20.5 * 20.5)}, // sizes 1 and 40
		{[]float64{0, 0, 7}, Intermittent, 3, 0},
	}
	for _, tt := range tests {
		got, err := ClassifyDemand(tt.give)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.Class, "ClassifyDemand(%v)", tt.give)
		assert.InDelta(t, tt.wantADI, got.ADI, 1e-12)
		assert.InDelta(t, tt.wantCV2, got.CV2, 1e-12, "CV² of %v", tt.give)
	}
	_, err := ClassifyDemand(nil)
	assert.ErrorIs(t, err, ErrEmptyHistory)
	_, err = ClassifyDemand([]float64{0, 0})
	assert.ErrorIs(t, err, ErrNoDemand)
	_, err = ClassifyDemand([]float64{1, -1})
	assert.ErrorIs(t, err, ErrNegative)

	assert.Equal(t, MethodSES, DefaultForecaster(Smooth).Method())
	for _, c := range []DemandClass{Erratic, Intermittent, Lumpy} {
		assert.Equal(t, MethodSBA, DefaultForecaster(c).Method(), c.String())
	}
	assert.Equal(t, "DemandClass(0)", DemandClass(0).String())
	assert.Equal(t, "lumpy", Lumpy.String())
}

func TestAccuracy(t *testing.T) {
	a := []float64{10, 20, 30, 40}
	f := []float64{12, 18, 33, 40}
	mae, err := MAE(a, f)
	require.NoError(t, err)
	assert.InDelta(t, 7.0/4, mae, 1e-15)
	rmse, err := RMSE(a, f)
	require.NoError(t, err)
	assert.InDelta(t, math.Sqrt(17.0/4), rmse, 1e-15)
	bias, err := Bias(a, f)
	require.NoError(t, err)
	assert.InDelta(t, 3.0/4, bias, 1e-15)
	mape, err := MAPE(a, f)
	require.NoError(t, err)
	assert.InDelta(t, (0.2+0.1+0.1)/4, mape, 1e-15)
	// Training 1, 3, 2, 6: naive MAE (2 + 1 + 4)/3 = 7/3, so MASE = 1.75 / (7/3) = 0.75.
	mase, err := MASE(a, f, []float64{1, 3, 2, 6})
	require.NoError(t, err)
	assert.InDelta(t, 0.75, mase, 1e-15)
	// MASE works with zero actuals, MAPE refuses them.
	_, err = MASE([]float64{0, 1}, []float64{1, 1}, []float64{0, 2})
	assert.NoError(t, err)
	_, err = MAPE([]float64{5, 0}, []float64{1, 1})
	assert.ErrorIs(t, err, ErrZeroActual)
	assert.EqualError(t, err, "inventory: mape: actual[1] 0: zero actual value")
}

func TestAccuracyErrors(t *testing.T) {
	for name, fn := range map[string]func([]float64, []float64) (float64, error){"MAE": MAE, "RMSE": RMSE, "Bias": Bias, "MAPE": MAPE} {
		_, err := fn(nil, nil)
		assert.ErrorIs(t, err, ErrEmptyHistory, name)
		_, err = fn([]float64{1}, []float64{1, 2})
		assert.ErrorIs(t, err, ErrLength, name)
		_, err = fn([]float64{math.NaN()}, []float64{1})
		assert.ErrorIs(t, err, ErrNotFinite, name)
		_, err = fn([]float64{1}, []float64{math.Inf(1)})
		assert.ErrorIs(t, err, ErrNotFinite, name)
	}
	_, err := MASE([]float64{1}, []float64{1}, []float64{1})
	assert.ErrorIs(t, err, ErrShortHistory)
	_, err = MASE([]float64{1}, []float64{1}, []float64{2, 2, 2})
	assert.ErrorIs(t, err, ErrNotPositive)
	_, err = MASE([]float64{1}, []float64{1}, []float64{2, math.NaN()})
	assert.ErrorIs(t, err, ErrNotFinite)
	_, err = MASE(nil, nil, []float64{1, 2})
	assert.ErrorIs(t, err, ErrEmptyHistory)
}
