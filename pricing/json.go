package pricing

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
)

// MarshalJSON encodes m as {"amount":"12.30","currency":"CNY"}; the amount
// is a string formatted as in [Money.String], so no JSON reader turns it
// into a float. The zero Money (no currency) is null; a field tagged
// `json:",omitzero"` leaves it out (Money has no IsZero method, so
// encoding/json compares with the zero Money itself).
func (m Money) MarshalJSON() ([]byte, error) {
	if !m.currency.IsValid() {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 48)
	b = append(b, `{"amount":"`...)
	b = append(b, m.amountString()...)
	b = append(b, `","currency":"`...)
	b = append(b, m.currency.Code()...)
	b = append(b, `"}`...)
	return b, nil
}

// UnmarshalJSON decodes {"amount":"12.30","currency":"CNY"}: both keys,
// once each, and no other. The amount may also be a JSON number (12.3);
// either way it must be a plain decimal within the limits. null decodes to
// the zero Money. Errors: a malformed document or amount
// ([ErrInvalidAmount]); an amount beyond the limits ([ErrTooLarge]); a
// missing or unknown currency ([ErrUnknownCurrency]).
func (m *Money) UnmarshalJSON(data []byte) error {
	const op = "decode money"
	data = bytes.TrimSpace(data)
	if string(data) == "null" {
		*m = Money{}
		return nil
	}
	bad := func(field, value, detail string) error {
		return fieldErr(op, field, value, ErrInvalidAmount, detail)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return bad("", "", "want an object {\"amount\":\"12.30\",\"currency\":\"CNY\"}")
	}
	var amount, code string
	var haveAmount, haveCode bool
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return bad("", "", "malformed JSON")
		}
		key, _ := t.(string)
		v, err := dec.Token()
		if err != nil {
			return bad(key, "", "malformed JSON")
		}
		var s string
		switch v := v.(type) {
		case string:
			s = v
		case json.Number:
			if key != "amount" {
				return bad(key, v.String(), "want a string")
			}
			s = v.String()
		default:
			return bad(key, "", "want a string")
		}
		switch {
		case key == "amount" && !haveAmount:
			amount, haveAmount = s, true
		case key == "currency" && !haveCode:
			code, haveCode = s, true
		case key == "amount" || key == "currency":
			return bad(key, "", "repeated key")
		default:
			return bad(strconv.Quote(key), "", "unknown key")
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return bad("", "", "malformed JSON")
	}
	if _, err := dec.Token(); err != io.EOF { // another value, or bytes that are none
		return bad("", "", "data after the object")
	}
	if !haveAmount {
		return bad("amount", "", "missing")
	}
	d, detail, reason := parseDecimal(amount)
	if reason != nil {
		return fieldErr(op, "amount", clip(amount), reason, detail)
	}
	c, ok := lookupCurrency(code)
	if !ok {
		return fieldErr(op, "currency", clip(code), ErrUnknownCurrency, "")
	}
	*m = fromDecimal(d, c)
	return nil
}

// MarshalText encodes a currency as its code, so it is a JSON string; the
// zero Currency is "". An invalid Currency is an error
// ([ErrUnknownCurrency]).
func (c Currency) MarshalText() ([]byte, error) {
	if c != 0 && !c.IsValid() {
		return nil, fieldErr("encode currency", "", strconv.Itoa(int(c)), ErrUnknownCurrency, "")
	}
	return []byte(c.Code()), nil
}

// UnmarshalText decodes a currency code, as [ParseCurrency]; "" is the zero
// Currency, so every Currency's text form decodes back. Unknown codes are
// an error ([ErrUnknownCurrency]).
func (c *Currency) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = 0
		return nil
	}
	v, err := ParseCurrency(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
