package inventory

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
)

// Golden JSON of the models' result and input types (ONE-LIBRARY §4).
func TestModelsGoldenJSON(t *testing.T) {
	eb, _ := EOQWithBackorders(1300, 8, 0.225, 5)
	golden(t, "eoq_backorders", eb)
	l, _ := PoissonLosses(18, 15)
	golden(t, "losses", l)
	sv, _ := ServiceFromSafetyFactor(1.3, 100, 500)
	golden(t, "service_levels", sv)
	m := example51()
	golden(t, "rq_problem", m)
	rq, _ := m.EOQB()
	golden(t, "rq_solution", rq)
	ss := SSProblem{HoldingCost: 1, StockoutCost: 4, OrderCost: 5, DemandPMF: []float64{0.25, 0.5, 0.25}}
	golden(t, "ss_problem", ss)
	opt, _ := ss.Optimal()
	golden(t, "ss_solution", opt)
	ww, _ := WagnerWhitin([]float64{90, 120, 80, 70}, 500, 2)
	golden(t, "lot_plan", ww)
	p2, _ := PowerOfTwoInterval(1000, 10, 0.5, 1.0/52)
	golden(t, "power_of_two", p2)
}

func TestModelsJSONDecode(t *testing.T) {
	var m RQProblem
	if err := json.Unmarshal([]byte(`{"holding_cost":1,"stockout_cost":2,"order_cost":3,"demand_rate":4,"lead_mean":5,"lead_sd":6}`), &m); err != nil {
		t.Fatal(err)
	}
	if m != (RQProblem{1, 2, 3, 4, 5, 6}) {
		t.Errorf("decoded %+v", m)
	}
	wantErr(t, "unknown", json.Unmarshal([]byte(`{"holding_cost":1,"x":1}`), &m), ErrInvalidJSON)
	wantErr(t, "invalid", json.Unmarshal([]byte(`{"holding_cost":0,"stockout_cost":2,"order_cost":3,"demand_rate":4}`), &m), ErrNotPositive)
	var s SSProblem
	if err := json.Unmarshal([]byte(`{"holding_cost":1,"stockout_cost":2,"order_cost":3,"demand_pmf":[0.5,0.5]}`), &s); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s, SSProblem{1, 2, 3, []float64{0.5, 0.5}}) {
		t.Errorf("decoded %+v", s)
	}
	wantErr(t, "dup", json.Unmarshal([]byte(`{"holding_cost":1,"holding_cost":1}`), &s), ErrInvalidJSON)
	wantErr(t, "pmf", json.Unmarshal([]byte(`{"holding_cost":1,"stockout_cost":2,"order_cost":3,"demand_pmf":[0.5]}`), &s), ErrPolicy)
}

// FuzzModelsJSONRoundTrip: decode(encode(x)) == x for valid problems.
func FuzzModelsJSONRoundTrip(f *testing.F) {
	f.Add(0.225, 7.5, 8.0, 1300.0, 108.3, 43.3, []byte{1, 2, 1})
	f.Fuzz(func(t *testing.T, h, p, k, lam, mu, sd float64, raw []byte) {
		m := RQProblem{h, p, k, lam, mu, sd}
		if m.check("x", false) == nil {
			b, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			var back RQProblem
			if err := json.Unmarshal(b, &back); err != nil || back != m {
				t.Fatalf("%s: %+v, %v", b, back, err)
			}
		}
		if len(raw) == 0 || len(raw) > 64 {
			return
		}
		var sum float64
		for _, c := range raw {
			sum += float64(c)
		}
		pmf := make([]float64, len(raw))
		for i, c := range raw {
			pmf[i] = float64(c) / sum
		}
		s := SSProblem{math.Abs(h), math.Abs(p), math.Abs(k), pmf}
		if _, err := s.check("x"); err != nil {
			return
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back SSProblem
		if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, s) {
			t.Fatalf("%s: %+v, %v", b, back, err)
		}
	})
}
