package fielderr

import (
	"errors"
	"testing"
)

func TestMessage(t *testing.T) {
	own, other := errors.New("promo: invalid cart"), errors.New("pricing: invalid amount")
	for _, c := range []struct {
		field, value string
		err          error
		detail       string
		want         string
	}{
		{"lines[1].qty", "-2", own, "at least 1", "promo: evaluate: lines[1].qty -2: invalid cart: at least 1"},
		{"lines[1].qty", "", own, "", "promo: evaluate: lines[1].qty: invalid cart"},
		{"", `"x"`, own, "", `promo: evaluate: "x": invalid cart`},
		{"", "", nil, "no detail of the error", "promo: evaluate: no detail of the error"},
		{"", "", nil, "", "promo: evaluate"},
		{"unit_price", "1.001", other, "", "promo: evaluate: unit_price 1.001: pricing: invalid amount"},
		{"a", "b", errors.New("promo:invalid"), "", "promo: evaluate: a b: promo:invalid"},
	} {
		if got := Message("promo", "evaluate", c.field, c.value, c.err, c.detail); got != c.want {
			t.Errorf("Message(%q, %q, %v, %q) = %q, want %q", c.field, c.value, c.err, c.detail, got, c.want)
		}
	}
}
