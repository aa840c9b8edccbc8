package inventory

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/opskit/opskit/internal/strictjson"
)

// MaxJSONBytes is the largest JSON document one UnmarshalJSON of this package accepts (4 MiB): the
// decoders scan a document a bounded number of times, so their work is linear in at most this size.
const MaxJSONBytes = 4 << 20

// enumSpec holds the text names of an enumeration, indexed by value; "" names a zero value that is
// not a member (it marshals as "" and "" decodes to it).
type enumSpec struct {
	typ   string
	names []string
}

func (e enumSpec) marshal(v uint8) ([]byte, error) {
	if int(v) < len(e.names) {
		return []byte(e.names[v]), nil
	}
	return nil, fieldErr("marshal "+e.typ, "", int(v), ErrInvalidEnum)
}

// unmarshalEnum sets *t to the value named b, and leaves it unchanged when
// b names none (an error wrapping ErrInvalidEnum), as every enum of the
// library does.
func unmarshalEnum[T ~uint8](e enumSpec, b []byte, t *T) error {
	v, err := e.unmarshal(b)
	if err != nil {
		return err
	}
	*t = T(v)
	return nil
}

func (e enumSpec) unmarshal(b []byte) (uint8, error) {
	s := string(b)
	for i, n := range e.names {
		if n == s {
			return uint8(i), nil
		}
	}
	known := make([]string, 0, len(e.names))
	for _, n := range e.names {
		if n != "" {
			known = append(known, n)
		}
	}
	return 0, detailErr("decode "+e.typ, "", s, ErrInvalidEnum, "one of "+strings.Join(known, ", "))
}

var (
	stockStatusText = enumSpec{"stock status", []string{"invalid", "stockout", "dead", "below_safety_stock", "reorder", "slow_moving", "overstock", "healthy"}}
	qtySourceText   = enumSpec{"qty source", []string{"none", "fixed", "eoq", "cover"}}
	policyKindText  = enumSpec{"policy kind", []string{"", "s_q", "s_s", "r_s", "min_max", "r_q", "top_up"}}
	triggerText     = enumSpec{"trigger", []string{"at_or_below", "strictly_below"}}
	safetyText      = enumSpec{"safety method", []string{"", "fixed", "days_of_cover", "cycle_service_level", "cycle_service_level_lead_time", "fill_rate"}}
	reservationText = enumSpec{"reservation kind", []string{"", "presale", "group_buy", "unpaid_order"}}
	forecastText    = enumSpec{"forecast method", []string{"", "sma", "wma", "ses", "holt", "croston", "sba", "tsb", "sbj"}}
	abcText         = enumSpec{"abc class", []string{"", "a", "b", "c"}}
	xyzText         = enumSpec{"xyz class", []string{"", "x", "y", "z"}}
	packRoundText   = enumSpec{"pack rounding", []string{"up", "down", "up_within_max"}}
	abcBoundaryText = enumSpec{"abc boundary", []string{"up", "down"}}
	demandClassText = enumSpec{"demand class", []string{"", "smooth", "erratic", "intermittent", "lumpy"}}
)

// MarshalText returns the snake_case name: "stockout", "below_safety_stock", ...
func (s StockStatus) MarshalText() ([]byte, error) { return stockStatusText.marshal(uint8(s)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (s *StockStatus) UnmarshalText(b []byte) error {
	return unmarshalEnum(stockStatusText, b, s)
}

// MarshalText returns "none", "fixed", "eoq" or "cover".
func (q QtySource) MarshalText() ([]byte, error) { return qtySourceText.marshal(uint8(q)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (q *QtySource) UnmarshalText(b []byte) error {
	return unmarshalEnum(qtySourceText, b, q)
}

// MarshalText returns "s_q", "s_s", "r_s", "min_max", "r_q" or "top_up" ("" for the zero value).
func (k PolicyKind) MarshalText() ([]byte, error) { return policyKindText.marshal(uint8(k)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (k *PolicyKind) UnmarshalText(b []byte) error {
	return unmarshalEnum(policyKindText, b, k)
}

// MarshalText returns "at_or_below" or "strictly_below".
func (t Trigger) MarshalText() ([]byte, error) { return triggerText.marshal(uint8(t)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (t *Trigger) UnmarshalText(b []byte) error {
	return unmarshalEnum(triggerText, b, t)
}

// MarshalText returns "fixed", "days_of_cover", "cycle_service_level", "cycle_service_level_lead_time"
// or "fill_rate" ("" for the zero value).
func (m SafetyMethod) MarshalText() ([]byte, error) { return safetyText.marshal(uint8(m)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (m *SafetyMethod) UnmarshalText(b []byte) error {
	return unmarshalEnum(safetyText, b, m)
}

// MarshalText returns "up", "down" or "up_within_max".
func (r PackRounding) MarshalText() ([]byte, error) { return packRoundText.marshal(uint8(r)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (r *PackRounding) UnmarshalText(b []byte) error {
	return unmarshalEnum(packRoundText, b, r)
}

// MarshalText returns "up" or "down".
func (b ABCBoundary) MarshalText() ([]byte, error) { return abcBoundaryText.marshal(uint8(b)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (b *ABCBoundary) UnmarshalText(t []byte) error {
	return unmarshalEnum(abcBoundaryText, t, b)
}

// MarshalText returns "presale", "group_buy" or "unpaid_order" ("" for the zero value).
func (k ReservationKind) MarshalText() ([]byte, error) { return reservationText.marshal(uint8(k)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (k *ReservationKind) UnmarshalText(b []byte) error {
	return unmarshalEnum(reservationText, b, k)
}

// MarshalText returns "sma", "wma", "ses", "holt", "croston", "sba", "tsb" or "sbj" ("" for the zero value).
func (m ForecastMethod) MarshalText() ([]byte, error) { return forecastText.marshal(uint8(m)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (m *ForecastMethod) UnmarshalText(b []byte) error {
	return unmarshalEnum(forecastText, b, m)
}

// MarshalText returns "a", "b" or "c": the snake_case name of the class ("" for the zero value).
func (c ABCClass) MarshalText() ([]byte, error) { return abcText.marshal(uint8(c)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (c *ABCClass) UnmarshalText(b []byte) error {
	return unmarshalEnum(abcText, b, c)
}

// MarshalText returns "x", "y" or "z" ("" for the zero value).
func (c XYZClass) MarshalText() ([]byte, error) { return xyzText.marshal(uint8(c)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (c *XYZClass) UnmarshalText(b []byte) error {
	return unmarshalEnum(xyzText, b, c)
}

// MarshalText returns "smooth", "erratic", "intermittent" or "lumpy" ("" for the zero value).
func (c DemandClass) MarshalText() ([]byte, error) { return demandClassText.marshal(uint8(c)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (c *DemandClass) UnmarshalText(b []byte) error {
	return unmarshalEnum(demandClassText, b, c)
}

// duration is a time.Duration whose text form is Go's duration format ("336h0m0s").
type duration time.Duration

func (d duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

func (d *duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return detailErr("decode duration", "", string(b), ErrInvalidJSON, `want a Go duration such as "72h0m0s"`)
	}
	*d = duration(v)
	return nil
}

// decodeStrict decodes one JSON value into v (a type without its own UnmarshalJSON), rejecting a
// document above MaxJSONBytes, unknown keys, duplicate keys at any depth and trailing data.
func decodeStrict(op string, data []byte, v any) error {
	if len(data) > MaxJSONBytes {
		return detailErr(op, "", nil, ErrTooLarge, "at most 4 MiB of JSON")
	}
	if err := strictjson.Decode(data, v); err != nil {
		return jsonErr(op, err)
	}
	return nil
}

// jsonErr turns an encoding/json error into a *FieldError; errors of this package pass through.
func jsonErr(op string, err error) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		return err
	}
	var se *strictjson.Error
	if errors.As(err, &se) {
		if se.Problem == strictjson.TooDeep {
			return detailErr(op, se.Path, nil, ErrTooLarge, se.Detail)
		}
		return detailErr(op, se.Path, nil, ErrInvalidJSON, se.Detail)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return detailErr(op, te.Field, nil, ErrInvalidJSON, "a JSON "+te.Value+" where "+te.Type.String()+" is wanted")
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		if n, err := strconv.Unquote(name); err == nil {
			name = n
		}
		return detailErr(op, name, nil, ErrInvalidJSON, "unknown key")
	}
	return detailErr(op, "", nil, ErrInvalidJSON, strings.TrimPrefix(msg, "json: "))
}

// finiteOrNull returns nil for an infinite x (JSON null) and &x otherwise.
func finiteOrNull(x float64) *float64 {
	if isFinite(x) {
		return &x
	}
	return nil
}

// --- value types with unexported fields ---

type demandJSON struct {
	Mean float64  `json:"mean"`
	SD   float64  `json:"sd"`
	Per  duration `json:"per"`
}

// MarshalJSON returns {"mean":10,"sd":3,"per":"24h0m0s"}, or null for the invalid zero value.
func (d Demand) MarshalJSON() ([]byte, error) {
	if d == (Demand{}) {
		return []byte("null"), nil
	}
	return json.Marshal(demandJSON{Mean: d.mean, SD: d.sd, Per: duration(d.per)})
}

// UnmarshalJSON decodes the form of MarshalJSON and validates it as [NewDemand] does; null leaves d
// unchanged.
func (d *Demand) UnmarshalJSON(b []byte) error {
	const op = "decode demand"
	if string(b) == "null" {
		return nil
	}
	var j demandJSON
	if err := decodeStrict(op, b, &j); err != nil {
		return err
	}
	v, err := NewDemand(j.Mean, j.SD, time.Duration(j.Per))
	if err != nil {
		return within(err, op, "")
	}
	*d = v
	return nil
}

type leadTimeJSON struct {
	Mean duration `json:"mean"`
	SD   duration `json:"sd"`
}

// MarshalJSON returns {"mean":"120h0m0s","sd":"0s"}.
func (l LeadTime) MarshalJSON() ([]byte, error) {
	return json.Marshal(leadTimeJSON{Mean: duration(l.mean), SD: duration(l.sd)})
}

// UnmarshalJSON decodes the form of MarshalJSON and validates it as [NewLeadTime] does.
func (l *LeadTime) UnmarshalJSON(b []byte) error {
	const op = "decode lead time"
	var j leadTimeJSON
	if err := decodeStrict(op, b, &j); err != nil {
		return err
	}
	v, err := NewLeadTime(time.Duration(j.Mean), time.Duration(j.SD))
	if err != nil {
		return within(err, op, "")
	}
	*l = v
	return nil
}

type shapingJSON struct {
	MOQ      int64        `json:"moq"`
	Pack     int64        `json:"pack"`
	Cap      int64        `json:"cap"`
	Rounding PackRounding `json:"rounding,omitempty"`
}

// MarshalJSON returns {"moq":20,"pack":12,"cap":0}; a cap of 0 means none. A rounding other than
// the default adds "rounding": "down" or "up_within_max".
func (s Shaping) MarshalJSON() ([]byte, error) {
	return json.Marshal(shapingJSON{MOQ: s.moq, Pack: s.Pack(), Cap: s.capQty, Rounding: s.rounding})
}

// UnmarshalJSON decodes the form of MarshalJSON and validates it as [NewShaping] does.
func (s *Shaping) UnmarshalJSON(b []byte) error {
	const op = "decode shaping"
	var j shapingJSON
	if err := decodeStrict(op, b, &j); err != nil {
		return err
	}
	v, err := NewShaping(j.MOQ, j.Pack, j.Cap, WithPackRounding(j.Rounding))
	if err != nil {
		return within(err, op, "")
	}
	*s = v
	return nil
}

type safetyStockJSON struct {
	Method SafetyMethod `json:"method"`
	Qty    float64      `json:"qty,omitempty"`
	Cover  *duration    `json:"cover,omitempty"`
	Level  float64      `json:"level,omitempty"`
}

// MarshalJSON returns the method and its one parameter: {"method":"cycle_service_level","level":0.95},
// {"method":"fixed","qty":30}, {"method":"days_of_cover","cover":"72h0m0s"}.
func (s SafetyStock) MarshalJSON() ([]byte, error) {
	j := safetyStockJSON{Method: s.method, Qty: s.qty, Level: s.level}
	if s.method == SafetyDaysOfCover {
		c := duration(s.cover)
		j.Cover = &c
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form of MarshalJSON through the rule's constructor; {"method":""} is the
// zero rule.
func (s *SafetyStock) UnmarshalJSON(b []byte) error {
	const op = "decode safety stock"
	var j safetyStockJSON
	if err := decodeStrict(op, b, &j); err != nil {
		return err
	}
	var v SafetyStock
	var err error
	var cover time.Duration
	if j.Cover != nil {
		cover = time.Duration(*j.Cover)
	}
	if (j.Qty != 0 && j.Method != SafetyFixed) || (j.Cover != nil && j.Method != SafetyDaysOfCover) || (j.Level != 0 && j.Method < SafetyCycleService) {
		return detailErr(op, "method", j.Method, ErrPolicy, "a parameter of another method is set")
	}
	switch j.Method {
	case 0:
	case SafetyFixed:
		v, err = FixedSafetyStock(j.Qty)
	case SafetyDaysOfCover:
		v, err = CoverSafetyStock(cover)
	case SafetyCycleService:
		v, err = CycleServiceSafetyStock(j.Level)
	case SafetyCycleServiceLeadTime:
		v, err = CycleServiceLeadTimeSafetyStock(j.Level)
	case SafetyFillRate:
		v, err = FillRateSafetyStock(j.Level)
	}
	if err != nil {
		e := within(err, op, "")
		if fe, ok := e.(*FieldError); ok && (fe.Field == "service_level" || fe.Field == "fill_rate") {
			fe.Field = "level" // the JSON key
		}
		return e
	}
	*s = v
	return nil
}

type policyJSON struct {
	Kind         PolicyKind `json:"kind"`
	ReorderLevel float64    `json:"reorder_level"`
	OrderUpTo    float64    `json:"order_up_to"`
	OrderQty     float64    `json:"order_qty"`
	Review       duration   `json:"review"`
}

// MarshalJSON returns {"kind":"s_s","reorder_level":40,"order_up_to":150,"order_qty":0,"review":"0s"},
// the numbers of [Policy.ReorderLevel], [Policy.OrderUpTo], [Policy.OrderQty] and [Policy.Review].
func (p Policy) MarshalJSON() ([]byte, error) {
	return json.Marshal(policyJSON{Kind: p.kind, ReorderLevel: p.s, OrderUpTo: p.big, OrderQty: p.q, Review: duration(p.review)})
}

// UnmarshalJSON decodes the form of MarshalJSON through the policy's constructor (an (r, Q) policy
// is checked as (s, Q): its Q was an EOQ); numbers the kind does not use must be 0.
func (p *Policy) UnmarshalJSON(b []byte) error {
	const op = "decode policy"
	var j policyJSON
	if err := decodeStrict(op, b, &j); err != nil {
		return err
	}
	var v Policy
	var err error
	unused := func(name string, x float64) {
		if err == nil && x != 0 {
			err = detailErr(op, name, x, ErrPolicy, "not used by this kind")
		}
	}
	switch j.Kind {
	case 0:
		unused("reorder_level", j.ReorderLevel)
		unused("order_up_to", j.OrderUpTo)
		unused("order_qty", j.OrderQty)
	case PolicySQ, PolicyRQ:
		unused("order_up_to", j.OrderUpTo)
		if err == nil {
			v, err = NewSQPolicy(j.ReorderLevel, j.OrderQty)
			v.kind = j.Kind
		}
	case PolicyTopUp:
		unused("order_up_to", j.OrderUpTo)
		if err == nil {
			v, err = NewTopUpPolicy(j.ReorderLevel, j.OrderQty)
		}
	case PolicySS:
		unused("order_qty", j.OrderQty)
		if err == nil {
			v, err = NewSSPolicy(j.ReorderLevel, j.OrderUpTo)
		}
	case PolicyMinMax:
		unused("order_qty", j.OrderQty)
		if err == nil {
			v, err = NewMinMaxPolicy(j.ReorderLevel, j.OrderUpTo)
		}
	case PolicyRS:
		unused("order_qty", j.OrderQty)
		if err == nil && j.ReorderLevel != j.OrderUpTo {
			err = detailErr(op, "reorder_level", j.ReorderLevel, ErrPolicy, "(R, S) has reorder_level = order_up_to")
		}
		if err == nil {
			v, err = NewRSPolicy(time.Duration(j.Review), j.OrderUpTo)
		}
	}
	if err == nil && j.Kind != PolicyRS && j.Review != 0 {
		err = detailErr(op, "review", time.Duration(j.Review), ErrPolicy, "only (R, S) has a review period")
	}
	if err != nil {
		return within(err, op, "")
	}
	*p = v
	return nil
}

type forecasterJSON struct {
	Method  ForecastMethod `json:"method"`
	N       int            `json:"n,omitempty"`
	Weights []float64      `json:"weights,omitempty"`
	Alpha   float64        `json:"alpha,omitempty"`
	Beta    float64        `json:"beta,omitempty"`
}

// MarshalJSON returns the method and its parameters: {"method":"ses","alpha":0.2},
// {"method":"sma","n":7}, {"method":"wma","weights":[1,2,3]}, {"method":"holt","alpha":0.5,"beta":0.1}.
func (f Forecaster) MarshalJSON() ([]byte, error) {
	j := forecasterJSON{Method: f.method, Weights: f.weights, Alpha: f.alpha, Beta: f.beta}
	if f.method == MethodSMA {
		j.N = f.n
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form of MarshalJSON through the method's constructor; {"method":""} is
// the zero Forecaster.
func (f *Forecaster) UnmarshalJSON(b []byte) error {
	const op = "decode forecaster"
	var j forecasterJSON
	if err := decodeStrict(op, b, &j); err != nil {
		return err
	}
	var v Forecaster
	var err error
	switch j.Method {
	case 0:
	case MethodSMA:
		v, err = NewSMA(j.N)
	case MethodWMA:
		v, err = NewWMA(j.Weights)
	case MethodSES:
		v, err = NewSES(j.Alpha)
	case MethodHolt:
		v, err = NewHolt(j.Alpha, j.Beta)
	case MethodCroston:
		v, err = NewCroston(j.Alpha)
	case MethodSBA:
		v, err = NewSBA(j.Alpha)
	case MethodTSB:
		v, err = NewTSB(j.Alpha, j.Beta)
	case MethodSBJ:
		v, err = NewSBJ(j.Alpha)
	}
	if err == nil {
		// Every parameter the method does not use must be absent.
		want := forecasterJSON{Method: v.method, Weights: v.weights, Alpha: v.alpha, Beta: v.beta}
		if v.method == MethodSMA {
			want.N = v.n
		}
		if j.N != want.N || (j.Weights == nil) != (want.Weights == nil) || j.Alpha != want.Alpha || j.Beta != want.Beta {
			err = detailErr(op, "method", j.Method, ErrPolicy, "a parameter of another method is set")
		}
	}
	if err != nil {
		return within(err, op, "")
	}
	*f = v
	return nil
}

type abcCutsJSON struct {
	A        decimal.Decimal `json:"a"`
	B        decimal.Decimal `json:"b"`
	C        decimal.Decimal `json:"c"`
	Boundary ABCBoundary     `json:"boundary,omitempty"`
}

// MarshalJSON returns the class shares as decimal strings: {"a":"0.8","b":"0.15","c":"0.05"}, or
// null for the invalid zero value. The rule [CrossingDown] adds "boundary": "down".
func (c ABCCuts) MarshalJSON() ([]byte, error) {
	if !c.a.IsPositive() {
		return []byte("null"), nil
	}
	return json.Marshal(abcCutsJSON{A: c.a, B: c.b.Sub(c.a), C: decimal.New(1, 0).Sub(c.b), Boundary: c.boundary})
}

// UnmarshalJSON decodes the form of MarshalJSON and validates it as [NewABCCuts] does; null leaves c
// unchanged.
func (c *ABCCuts) UnmarshalJSON(b []byte) error {
	const op = "decode abc cuts"
	if string(b) == "null" {
		return nil
	}
	var j abcCutsJSON
	if err := decodeStrict(op, b, &j); err != nil {
		return err
	}
	for _, f := range [...]struct {
		name string
		v    decimal.Decimal
	}{{"a", j.A}, {"b", j.B}, {"c", j.C}} {
		if err := checkValue(op, f.name, f.v); err != nil {
			return err
		}
	}
	v, err := NewABCCuts(j.A, j.B, j.C, WithABCBoundary(j.Boundary))
	if err != nil {
		return within(err, op, "")
	}
	*c = v
	return nil
}

// MarshalJSON returns {"points":[{"date":"2025-06-01T10:00:00Z","qty":30},...]}.
func (a ATP) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Points []ATPPoint `json:"points"`
	}{Points: a.points})
}

// --- input structs: strict decoding and validation ---

// UnmarshalJSON decodes a stock record, rejecting unknown and duplicate keys, and validates it.
func (s *Stock) UnmarshalJSON(b []byte) error {
	const op = "decode stock"
	type plain Stock
	var v plain
	if err := decodeStrict(op, b, &v); err != nil {
		return err
	}
	if err := Stock(v).Validate(); err != nil {
		return within(err, op, "")
	}
	*s = Stock(v)
	return nil
}

// UnmarshalJSON decodes a reservation, rejecting unknown and duplicate keys, a zero kind and a
// quantity outside [0, MaxQty].
func (r *Reservation) UnmarshalJSON(b []byte) error {
	const op = "decode reservation"
	type plain Reservation
	var v plain
	if err := decodeStrict(op, b, &v); err != nil {
		return err
	}
	if _, err := reservedAt(op, []Reservation{Reservation(v)}, time.Time{}); err != nil {
		return within(err, op, "")
	}
	*r = Reservation(v)
	return nil
}

// UnmarshalJSON decodes a receipt, rejecting unknown and duplicate keys and a quantity outside
// [0, MaxQty].
func (r *Receipt) UnmarshalJSON(b []byte) error {
	const op = "decode receipt"
	type plain Receipt
	var v plain
	if err := decodeStrict(op, b, &v); err != nil {
		return err
	}
	if v.Qty < 0 || v.Qty > MaxQty {
		return detailErr(op, "qty", v.Qty, ErrTooLarge, "between 0 and 1e15 units")
	}
	*r = Receipt(v)
	return nil
}

// itemJSON is the JSON form of Item with its parts kept raw, so that an error in a part gets the
// part's path ("demand.mean").
type itemJSON struct {
	ID             string          `json:"id"`
	Stock          json.RawMessage `json:"stock"`
	Demand         json.RawMessage `json:"demand"`
	Lead           json.RawMessage `json:"lead"`
	Shaping        json.RawMessage `json:"shaping"`
	LastSale       time.Time       `json:"last_sale,omitzero"`
	Class          ABCClass        `json:"class,omitempty"`
	Safety         json.RawMessage `json:"safety,omitempty"`
	MinSafetyStock float64         `json:"min_safety_stock"`
	WarningLine    float64         `json:"warning_line"`
	OrderQty       float64         `json:"order_qty"`
	MaxStock       float64         `json:"max_stock"`
	OrderCost      float64         `json:"order_cost"`
	HoldingCost    float64         `json:"holding_cost"`
}

// decodePart decodes raw (when present) into v, placing an error under the path field.
func decodePart(op, field string, raw json.RawMessage, v json.Unmarshaler) error {
	if raw == nil {
		return nil
	}
	if err := v.UnmarshalJSON(raw); err != nil {
		return within(err, op, field)
	}
	return nil
}

// UnmarshalJSON decodes an item, rejecting unknown and duplicate keys; its parts validate
// themselves (an error names the path, such as "stock.on_hand"), and its optional numbers are
// checked as [Planner.Suggest] checks them.
func (it *Item) UnmarshalJSON(b []byte) error {
	const op = "decode item"
	var j itemJSON
	if err := decodeStrict(op, b, &j); err != nil {
		return err
	}
	item := Item{ID: j.ID, LastSale: j.LastSale, Class: j.Class, MinSafetyStock: j.MinSafetyStock, WarningLine: j.WarningLine,
		OrderQty: j.OrderQty, MaxStock: j.MaxStock, OrderCost: j.OrderCost, HoldingCost: j.HoldingCost}
	for _, part := range [...]struct {
		field string
		raw   json.RawMessage
		v     json.Unmarshaler
	}{{"stock", j.Stock, &item.Stock}, {"demand", j.Demand, &item.Demand}, {"lead", j.Lead, &item.Lead}, {"shaping", j.Shaping, &item.Shaping}, {"safety", j.Safety, &item.Safety}} {
		if err := decodePart(op, part.field, part.raw, part.v); err != nil {
			return err
		}
	}
	if err := checkItemNumbers(&item); err != nil {
		return within(err, op, "")
	}
	*it = item
	return nil
}

type planConfigJSON struct {
	Policy          PolicyKind       `json:"policy"`
	SafetyStock     SafetyStock      `json:"safety_stock"`
	ClassSafety     ClassSafetyStock `json:"class_safety,omitzero"`
	Trigger         Trigger          `json:"trigger"`
	Review          duration         `json:"review"`
	OrderCover      duration         `json:"order_cover"`
	OverstockCover  duration         `json:"overstock_cover"`
	SlowMovingAfter duration         `json:"slow_moving_after"`
	DeadAfter       duration         `json:"dead_after"`
}

// MarshalJSON returns the configuration with snake_case keys and durations as Go duration strings.
func (c PlanConfig) MarshalJSON() ([]byte, error) {
	return json.Marshal(planConfigJSON{Policy: c.Policy, SafetyStock: c.SafetyStock, ClassSafety: c.ClassSafety, Trigger: c.Trigger,
		Review: duration(c.Review), OrderCover: duration(c.OrderCover), OverstockCover: duration(c.OverstockCover),
		SlowMovingAfter: duration(c.SlowMovingAfter), DeadAfter: duration(c.DeadAfter)})
}

// UnmarshalJSON decodes the form of MarshalJSON and validates it as [NewPlanner] does; an error names
// the key ("safety_stock.level", "policy").
func (c *PlanConfig) UnmarshalJSON(b []byte) error {
	const op = "decode plan config"
	var raw struct {
		Policy          json.RawMessage `json:"policy"`
		SafetyStock     json.RawMessage `json:"safety_stock"`
		ClassSafety     json.RawMessage `json:"class_safety"`
		Trigger         json.RawMessage `json:"trigger"`
		Review          json.RawMessage `json:"review"`
		OrderCover      json.RawMessage `json:"order_cover"`
		OverstockCover  json.RawMessage `json:"overstock_cover"`
		SlowMovingAfter json.RawMessage `json:"slow_moving_after"`
		DeadAfter       json.RawMessage `json:"dead_after"`
	}
	if err := decodeStrict(op, b, &raw); err != nil {
		return err
	}
	var j planConfigJSON
	for _, part := range [...]struct {
		field string
		raw   json.RawMessage
		v     any
	}{{"policy", raw.Policy, &j.Policy}, {"safety_stock", raw.SafetyStock, &j.SafetyStock}, {"class_safety", raw.ClassSafety, &j.ClassSafety}, {"trigger", raw.Trigger, &j.Trigger},
		{"review", raw.Review, &j.Review}, {"order_cover", raw.OrderCover, &j.OrderCover}, {"overstock_cover", raw.OverstockCover, &j.OverstockCover},
		{"slow_moving_after", raw.SlowMovingAfter, &j.SlowMovingAfter}, {"dead_after", raw.DeadAfter, &j.DeadAfter}} {
		if part.raw == nil {
			continue
		}
		if err := json.Unmarshal(part.raw, part.v); err != nil {
			return within(jsonErr(op, err), op, part.field)
		}
	}
	cfg := PlanConfig{Policy: j.Policy, SafetyStock: j.SafetyStock, ClassSafety: j.ClassSafety, Trigger: j.Trigger, Review: time.Duration(j.Review),
		OrderCover: time.Duration(j.OrderCover), OverstockCover: time.Duration(j.OverstockCover),
		SlowMovingAfter: time.Duration(j.SlowMovingAfter), DeadAfter: time.Duration(j.DeadAfter)}
	if _, err := NewPlanner(cfg); err != nil {
		return within(err, op, "")
	}
	*c = cfg
	return nil
}

type restockRuleJSON struct {
	MinDailySales float64  `json:"min_daily_sales"`
	Window        int      `json:"window"`
	MinSeasonLeft duration `json:"min_season_left"`
	MinSlope      float64  `json:"min_slope"`
	MinROI        float64  `json:"min_roi"`
}

// MarshalJSON returns the rule with snake_case keys and MinSeasonLeft as a Go duration string.
func (r RestockRule) MarshalJSON() ([]byte, error) {
	return json.Marshal(restockRuleJSON{MinDailySales: r.MinDailySales, Window: r.Window, MinSeasonLeft: duration(r.MinSeasonLeft), MinSlope: r.MinSlope, MinROI: r.MinROI})
}

// UnmarshalJSON decodes the form of MarshalJSON, rejecting unknown and duplicate keys; the rule is
// validated by [RestockRule.Evaluate].
func (r *RestockRule) UnmarshalJSON(b []byte) error {
	var j restockRuleJSON
	if err := decodeStrict("decode restock rule", b, &j); err != nil {
		return err
	}
	*r = RestockRule{MinDailySales: j.MinDailySales, Window: j.Window, MinSeasonLeft: time.Duration(j.MinSeasonLeft), MinSlope: j.MinSlope, MinROI: j.MinROI}
	return nil
}

// UnmarshalJSON decodes the input of a restock rule, rejecting unknown and duplicate keys.
func (in *RestockInput) UnmarshalJSON(b []byte) error {
	type plain RestockInput
	var v plain
	if err := decodeStrict("decode restock input", b, &v); err != nil {
		return err
	}
	*in = RestockInput(v)
	return nil
}

// UnmarshalJSON decodes a price break, rejecting unknown and duplicate keys.
func (p *PriceBreak) UnmarshalJSON(b []byte) error {
	type plain PriceBreak
	var v plain
	if err := decodeStrict("decode price break", b, &v); err != nil {
		return err
	}
	*p = PriceBreak(v)
	return nil
}

// UnmarshalJSON decodes an item to classify, rejecting unknown and duplicate keys and a value beyond
// [MaxValueDigits].
func (it *ABCItem) UnmarshalJSON(b []byte) error {
	const op = "decode abc item"
	type plain ABCItem
	var v plain
	if err := decodeStrict(op, b, &v); err != nil {
		return err
	}
	if err := checkValue(op, "value", v.Value); err != nil {
		return err
	}
	*it = ABCItem(v)
	return nil
}

// UnmarshalJSON decodes an item for [ABCXYZ], rejecting unknown and duplicate keys and a value
// beyond [MaxValueDigits].
func (it *ABCXYZItem) UnmarshalJSON(b []byte) error {
	const op = "decode abc xyz item"
	type plain ABCXYZItem
	var v plain
	if err := decodeStrict(op, b, &v); err != nil {
		return err
	}
	if err := checkValue(op, "value", v.Value); err != nil {
		return err
	}
	*it = ABCXYZItem(v)
	return nil
}

// UnmarshalJSON decodes XYZ cuts, rejecting unknown and duplicate keys.
func (c *XYZCuts) UnmarshalJSON(b []byte) error {
	type plain XYZCuts
	var v plain
	if err := decodeStrict("decode xyz cuts", b, &v); err != nil {
		return err
	}
	*c = XYZCuts(v)
	return nil
}

// UnmarshalJSON decodes an exposure, rejecting unknown and duplicate keys.
func (e *Exposure) UnmarshalJSON(b []byte) error {
	type plain Exposure
	var v plain
	if err := decodeStrict("decode exposure", b, &v); err != nil {
		return err
	}
	*e = Exposure(v)
	return nil
}

// --- results with infinities ---

// MarshalJSON writes the suggestion with snake_case keys; DaysOfCover +Inf is null ("never runs out
// at mean demand"), the zero StockoutAt and OrderBy are omitted, and so is the explanation of an
// invalid item.
func (s Suggestion) MarshalJSON() ([]byte, error) {
	type plain Suggestion
	return json.Marshal(struct {
		plain
		DaysOfCover *float64     `json:"days_of_cover"`
		Why         *Explanation `json:"why,omitempty"`
	}{plain: plain(s), DaysOfCover: finiteOrNull(s.DaysOfCover), Why: whyOf(s)})
}

func whyOf(s Suggestion) *Explanation {
	if s.Status == StatusInvalid {
		return nil
	}
	return &s.Why
}

// MarshalJSON writes the result with snake_case keys; CV +Inf (a zero mean) is null.
func (r ABCXYZResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ABCResult
		XYZ XYZClass `json:"xyz"`
		CV  *float64 `json:"cv"`
	}{ABCResult: r.ABCResult, XYZ: r.XYZ, CV: finiteOrNull(r.CV)})
}

// UnmarshalJSON decodes {"a": rule, "b": rule, "c": rule}, rejecting unknown and duplicate keys; each
// rule decodes through its constructor.
func (cs *ClassSafetyStock) UnmarshalJSON(b []byte) error {
	const op = "decode class safety"
	type plain ClassSafetyStock
	var j plain
	if err := decodeStrict(op, b, &j); err != nil {
		return err
	}
	*cs = ClassSafetyStock(j)
	return nil
}
