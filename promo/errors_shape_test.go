package promo_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// TestErrorsShape: a representative bad input of each exported function
// that returns an error gives a *FieldError (errors.As) with an Op, whose
// message starts with "promo: OP", and that wraps the sentinel
// (errors.Is) (issue 14, ONE-LIBRARY section 1).
func TestErrorsShape(t *testing.T) {
	e, err := promo.NewEngine(pricing.CNY, one("p", promo.PercentOff{Rate: rate("9折")}))
	if err != nil {
		t.Fatal(err)
	}
	c := cart(line("a", 1, "10.00"))
	res, err := e.Evaluate(c)
	if err != nil {
		t.Fatal(err)
	}
	f := promo.MustCodeFormat("SD", 6)
	seed := []byte("0123456789abcdef")
	var cp promo.Campaign
	var st promo.Status
	var rs promo.Reason
	var gp promo.GiftPolicy
	var sc promo.Scope
	var bs promo.Basis
	var up promo.UnitPick
	dc := cart(line("a", 1, "10.00"))
	dc.Delivery = &promo.Delivery{DistanceMeters: -1}
	var tb promo.ThresholdBase
	for _, tt := range []struct {
		name     string
		err      error
		op       string
		sentinel error
	}{
		{"NewEngine", second(promo.NewEngine(pricing.CNY, one("p", promo.BuyXGetY{BuyQty: 1 << 61, GetQty: 1, Free: true}))), "new engine", promo.ErrTooLarge},
		{"NewEngine option", second(promo.NewEngine(pricing.CNY, nil, promo.WithWorkBudget(0))), "new engine", promo.ErrInvalidOption},
		{"DecodeCampaign option", second(promo.DecodeCampaign([]byte(`{}`), promo.WithMaxProblems(0))), "decode campaign", promo.ErrInvalidOption},
		{"Engine.Evaluate", second(e.Evaluate(cart(line("a", 1, "10.00"), line("b", math.MaxInt64, "0.00")))), "evaluate", promo.ErrTooLarge},
		{"Engine.Refund", second(e.Refund(c, res, map[string]int64{"a": 2}, promo.RefundPolicy{})), "refund", promo.ErrInvalidReturn},
		{"Cart.Validate", cart(line("a", 0, "1.00")).Validate(), "validate cart", promo.ErrInvalidCart},
		{"DecodeCampaign", second(promo.DecodeCampaign([]byte(`{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"nth-item","n":1}}]}`))), "decode campaign", promo.ErrInvalidAction},
		{"Campaign.UnmarshalJSON", cp.UnmarshalJSON([]byte(`{"currency":"XYZ"}`)), "decode campaign", pricing.ErrUnknownCurrency},
		{"EncodeCampaign", second(promo.EncodeCampaign(promo.Campaign{})), "encode campaign", promo.ErrInvalidPromotion},
		{"Campaign.MarshalJSON", second(promo.Campaign{}.MarshalJSON()), "encode campaign", promo.ErrInvalidPromotion},
		{"Campaign.Validate", promo.Campaign{Currency: pricing.CNY, Promotions: []promo.Promotion{{ID: "a"}}}.Validate(), "validate campaign", promo.ErrInvalidPromotion},
		{"NewCodeFormat", second(promo.NewCodeFormat("SD", 99)), "new code format", promo.ErrInvalidCodeFormat},
		{"CodeFormat.Check", second(f.Check("SD2345")), "check code", promo.ErrCodeLength},
		{"CodeFormat.Generate", second(f.Generate(seed, 0, -1)), "generate codes", promo.ErrCodeBatch},
		{"CodeFormat.Code", second(f.Code(seed[:3], 0)), "generate codes", promo.ErrCodeSeed},
		{"CodeFormat.Index", second(f.Index(seed, "SD222222A")), "code index", promo.ErrInvalidCode},
		{"Status.MarshalText", second(promo.Status(0).MarshalText()), "marshal status", promo.ErrUnknownName},
		{"Status.UnmarshalText", st.UnmarshalText([]byte("applied!")), "unmarshal status", promo.ErrUnknownName},
		{"Reason.MarshalText", second(promo.Reason(99).MarshalText()), "marshal reason", promo.ErrUnknownName},
		{"Reason.UnmarshalText", rs.UnmarshalText([]byte("?")), "unmarshal reason", promo.ErrUnknownName},
		{"GiftPolicy.MarshalText", second(promo.GiftPolicy(9).MarshalText()), "marshal gift policy", promo.ErrUnknownName},
		{"GiftPolicy.UnmarshalText", gp.UnmarshalText([]byte("keep")), "unmarshal gift policy", promo.ErrUnknownName},
		{"Scope.MarshalText", second(promo.Scope(7).MarshalText()), "marshal scope", promo.ErrUnknownName},
		{"Scope.UnmarshalText", sc.UnmarshalText([]byte("line")), "unmarshal scope", promo.ErrUnknownName},
		{"Basis.MarshalText", second(promo.Basis(7).MarshalText()), "marshal basis", promo.ErrUnknownName},
		{"Basis.UnmarshalText", bs.UnmarshalText([]byte("weight")), "unmarshal basis", promo.ErrUnknownName},
		{"Engine.Deposits", second(e.Deposits(dc)), "deposits", promo.ErrInvalidCart},
		{"UnitPick.MarshalText", second(promo.UnitPick(7).MarshalText()), "marshal unit pick", promo.ErrUnknownName},
		{"UnitPick.UnmarshalText", up.UnmarshalText([]byte("random")), "unmarshal unit pick", promo.ErrUnknownName},
		{"ThresholdBase.MarshalText", second(promo.ThresholdBase(3).MarshalText()), "marshal threshold base", promo.ErrUnknownName},
		{"ThresholdBase.UnmarshalText", tb.UnmarshalText([]byte("initial")), "unmarshal threshold base", promo.ErrUnknownName},
	} {
		var fe *promo.FieldError
		if !errors.As(tt.err, &fe) {
			t.Errorf("%s: %v (%T) is not a *FieldError", tt.name, tt.err, tt.err)
			continue
		}
		if fe.Op != tt.op {
			t.Errorf("%s: Op %q, want %q", tt.name, fe.Op, tt.op)
		}
		if !errors.Is(tt.err, tt.sentinel) {
			t.Errorf("%s: %v does not wrap %v", tt.name, tt.err, tt.sentinel)
		}
		if msg := tt.err.Error(); !strings.HasPrefix(msg, "promo: "+tt.op) {
			t.Errorf("%s: message %q does not start with %q", tt.name, msg, "promo: "+tt.op)
		}
	}
	// A CampaignError also matches ErrInvalidCampaign; a CodeError the
	// code's reason.
	if _, err := promo.DecodeCampaign([]byte(`[]`)); !errors.Is(err, promo.ErrInvalidCampaign) {
		t.Errorf("DecodeCampaign: %v does not match ErrInvalidCampaign", err)
	}
	var ce *promo.CodeError
	if _, err := f.Check("SD2345"); !errors.As(err, &ce) || ce.Reason != promo.ErrCodeLength {
		t.Errorf("Check: %v has no *CodeError with the reason", err)
	}
	// Through encoding/json, the error of an enum is the same.
	if err := json.Unmarshal([]byte(`"nope"`), &st); !errors.Is(err, promo.ErrUnknownName) {
		t.Errorf("json.Unmarshal(Status): %v", err)
	}
	// Every sentinel reads "promo: ...".
	for _, s := range []error{promo.ErrInvalidPromotion, promo.ErrInvalidAction, promo.ErrInvalidCart, promo.ErrDuplicateID,
		promo.ErrTooLarge, promo.ErrUnknownName, promo.ErrUnknownCampaign, promo.ErrInvalidCampaign, promo.ErrInvalidReturn,
		promo.ErrInvalidCode, promo.ErrCodeEmpty, promo.ErrCodeLength, promo.ErrCodePrefix, promo.ErrCodeCharacter,
		promo.ErrCodeCheck, promo.ErrCodeNotIssued, promo.ErrInvalidCodeFormat, promo.ErrCodeSeed, promo.ErrCodeBatch} {
		if !strings.HasPrefix(s.Error(), "promo: ") {
			t.Errorf("sentinel %q lacks the package prefix", s)
		}
	}
}

// second returns the error of a (value, error) pair.
func second[T any](_ T, err error) error { return err }

// TestFieldErrorMessage: the shared format, part by part, as the root test
// of the library checks it for every package.
func TestFieldErrorMessageFormat(t *testing.T) {
	neg := errors.New("promo: negative")
	other := errors.New("pricing: invalid amount")
	for _, tt := range []struct {
		give promo.FieldError
		want string
	}{
		{promo.FieldError{Op: "op", Field: "lines[3].qty", Value: "-2", Err: neg, Detail: "at least 1"}, "promo: op: lines[3].qty -2: negative: at least 1"},
		{promo.FieldError{Op: "op", Field: "lines[3].qty", Value: "-2", Err: neg}, "promo: op: lines[3].qty -2: negative"},
		{promo.FieldError{Op: "op", Field: "lines[3].qty", Err: neg}, "promo: op: lines[3].qty: negative"},
		{promo.FieldError{Op: "op", Value: `"x"`, Err: neg}, `promo: op: "x": negative`},
		{promo.FieldError{Op: "op", Err: neg, Detail: "why"}, "promo: op: negative: why"},
		{promo.FieldError{Op: "op", Field: "price", Value: "1.001", Err: other}, "promo: op: price 1.001: pricing: invalid amount"},
	} {
		if got := tt.give.Error(); got != tt.want {
			t.Errorf("%+v.Error() = %q, want %q", tt.give, got, tt.want)
		}
		if !errors.Is(&tt.give, tt.give.Err) {
			t.Errorf("%+v does not unwrap to its Err", tt.give)
		}
	}
}
