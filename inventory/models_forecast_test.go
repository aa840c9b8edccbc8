package inventory

import (
	"encoding/json"
	"testing"
)

// SBJ on [0, 4, 0, 0, 6] with α = 0.1 (hand arithmetic): Croston's z = 4 + 0.1·(6 - 4) = 4.2 and
// p = 2 + 0.1·(3 - 2) = 2.1 give z/p = 2; SBA multiplies by 0.95, SBJ by 1 - 0.1/1.9 = 18/19.
func TestSBJ(t *testing.T) {
	y := []float64{0, 4, 0, 0, 6}
	sbj, err := NewSBJ(0.1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := sbj.Forecast(y, 1)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "SBJ", got, 2*18.0/19, 1e-15)
	sba, _ := NewSBA(0.1)
	v, _ := sba.Forecast(y, 1)
	near(t, "SBA", v, 1.9, 1e-15)
	out := make([]float64, len(y))
	if err := sbj.Fitted(y, out); err != nil {
		t.Fatal(err)
	}
	// Before the first demand 0; then z/p = 4/2 = 2 times 18/19 until period 4's demand updates it.
	for i, want := range []float64{0, 0, 36.0 / 19, 36.0 / 19, 36.0 / 19} {
		near(t, "fitted", out[i], want, 1e-15)
	}
	// α = 1: the factor is 1 - 1/1 = 0, SBA's is 1/2.
	one, _ := NewSBJ(1)
	v, _ = one.Forecast(y, 1)
	if v != 0 {
		t.Errorf("SBJ(1) = %v", v)
	}
	if sbj.String() != "SBJ(α=0.1)" || sbj.Method() != MethodSBJ || MethodSBJ.String() != "SBJ" {
		t.Errorf("names %q %v", sbj.String(), sbj.Method())
	}
	b, err := json.Marshal(sbj)
	if err != nil || string(b) != `{"method":"sbj","alpha":0.1}` {
		t.Fatalf("json %s %v", b, err)
	}
	var back Forecaster
	if err := json.Unmarshal(b, &back); err != nil || back.String() != sbj.String() {
		t.Errorf("round trip %v %v", back, err)
	}
	wantErr(t, "alpha", errOnly(NewSBJ(1.5)), ErrSmoothing)
}
