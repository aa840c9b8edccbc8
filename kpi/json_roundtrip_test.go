package kpi

import (
	"bytes"
	"encoding/json"
	"testing"
)

// roundTrip decodes data into a new T; if that works, decode(encode(x))
// must give x back: its encoding must be a fixed point.
func roundTrip[T any](t *testing.T, data []byte) {
	var x T
	if json.Unmarshal(data, &x) != nil {
		return
	}
	first, err := json.Marshal(x)
	if err != nil {
		return // values that decode but cannot encode (an invalid date typed as a struct) are refused on encode
	}
	var y T
	if err := json.Unmarshal(first, &y); err != nil {
		t.Fatalf("%T: decode of own encoding %s: %v", x, first, err)
	}
	second, err := json.Marshal(y)
	if err != nil || !bytes.Equal(first, second) {
		t.Fatalf("%T: round trip %s -> %s (%v)", x, first, second, err)
	}
}

// Every input type with a JSON form round-trips: decode(encode(x)) == x.
func FuzzInputJSON(f *testing.F) {
	for _, s := range []string{
		`{"location":"Asia/Shanghai","weekly":{"monday":["09:00-18:00"],"tuesday":["09:00-12:00","13:00-18:00"]},"holidays":["2026-02-17"],"make_up_days":[{"date":"2026-02-14","hours":["09:00-18:00"]}]}`,
		`{"location":"Asia/Shanghai","weekly":{"friday":["09:00-18:00"]},"calendar":{"notices":[{"year":2026,"number":"n","issued":"2025-11-04","festivals":[{"name":"a","first":"2026-01-01","last":"2026-01-03","make_up":["2026-01-04"]}]}]},"make_up_hours":["10:00-12:00"],"holidays":null,"make_up_days":null}`,
		`{"location":"UTC","sign_in":"08:00-09:00","sign_out":"10:00-11:00","exam":"09:30-11:00"}`,
		`{"fast_within":"1m0s","attribution_window":"24h0m0s"}`,
		`{"conversation":"c1","customer":"u1","agent":"amy","role":"agent","at":"2026-02-09T10:00:00Z"}`,
		`{"id":"o1","customer":"u1","at":"2026-02-09T10:00:00Z","amount":{"amount":"12.30","currency":"CNY"},"agent":""}`,
		`{"person":"a","team":"t","day":"2026-02-09","sign_in":"2026-02-09T08:30:00+08:00"}`,
		`{"person":"a","kind":"meeting","day":"2026-02-09","replied":true,"interacted":false,"size":60}`,
		`{"name":"5512","items":[{"activity":"meeting","period":"daily","target":3}]}`,
		`{"name":"top5","kind":"top_n","n":5,"min_score":100,"order":"time","amount":{"amount":"6.60","currency":"CNY"}}`,
		`{"id":"a","score":1e308,"at":"2026-02-09T10:00:00Z"}`,
		`{"person":"p","period":"2026-02","values":{"frt":30}}`,
		`{"currency":"CNY","method":"marginal","boundary":"lower","tiers":[{"from":"0","to":"50000","rate":"0.05"}]}`,
		`{"name":"cs","metrics":[{"id":"frt","direction":"lower","target":30,"weight":1,"curve":{"kind":"inverse","cap":1.2}}],"weights":"sum_to_one","missing":"exclude"}`,
		`{"id":"c1","agent":"amy","offered":"2026-02-09T10:00:00Z","answered":"2026-02-09T10:00:12Z","talk":"4m30s","hold":"0s","wrap_up":"1m0s"}`,
		`{"threshold":"20s","grace":"5s","staffed":"8h0m0s"}`,
		`{"revenue":{"amount":"200000","currency":"CNY"},"orders":5,"teams":[{"name":"cs","staff":3,"supervisors":1,"cost":{"amount":"8000","currency":"CNY"},"customer_service":true,"supervisor_at":0}]}`,
		`{"cost_share_min":"0.06","cost_share_max":"0.07","supervisor_at":4,"orders_per_cs_agent":0}`,
		`{"within":"0s","days":1,"by":"09:30","location":"Asia/Shanghai"}`,
		`{"order":"o1","warehouse":"hz","staff":"amy","paid":"2026-02-09T10:00:00Z","shipped":"2026-02-10T10:00:00+08:00"}`,
		`{"start":"2026-02-09T09:00:00Z","length":"30m0s","contacts":100,"aht":"3m0s"}`,
		`{"service_level":0.8,"answer_within":"20s","max_asa":"0s","max_occupancy":0.85,"max_abandon":0,"patience":"5m0s"}`,
		`"2026-02-30"`, `{"at":"9999-12-31T23:59:59Z","description":5}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		roundTrip[ScheduleSpec](t, data)
		roundTrip[Schedule](t, data)
		roundTrip[AttendanceRules](t, data)
		roundTrip[ServiceOptions](t, data)
		roundTrip[Message](t, data)
		roundTrip[PaidOrder](t, data)
		roundTrip[AttendanceRecord](t, data)
		roundTrip[ActivityRecord](t, data)
		roundTrip[QuotaScheme](t, data)
		roundTrip[RewardRule](t, data)
		roundTrip[Entry](t, data)
		roundTrip[Observation](t, data)
		roundTrip[CommissionPlan](t, data)
		roundTrip[Sales](t, data)
		roundTrip[Rating](t, data)
		roundTrip[Scheme](t, data)
		roundTrip[Contact](t, data)
		roundTrip[StaffPlan](t, data)
		roundTrip[StaffRules](t, data)
		roundTrip[Interval](t, data)
		roundTrip[StaffingTarget](t, data)
		roundTrip[Shift](t, data)
		roundTrip[Shipment](t, data)
		roundTrip[ShipRule](t, data)
		roundTrip[ServiceLevelOptions](t, data)
		roundTrip[Date](t, data)
		roundTrip[ClockRange](t, data)
		roundTrip[ClosedClockRange](t, data)
	})
}
