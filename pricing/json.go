package pricing

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// moneyJSON is the JSON form of Money. The amount is a string on output so
// no JSON reader turns it into a float.
type moneyJSON struct {
	Amount   json.RawMessage `json:"amount"`
	Currency string          `json:"currency"`
}

// MarshalJSON encodes m as {"amount":"12.30","currency":"CNY"}; the amount
// is formatted as in [Money.String]. The zero Money is
// {"amount":"0","currency":""}.
func (m Money) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"amount":"`)
	if m.currency.IsValid() {
		b.WriteString(m.amountString())
	} else {
		b.WriteString("0")
	}
	b.WriteString(`","currency":"`)
	b.WriteString(m.currency.Code())
	b.WriteString(`"}`)
	return b.Bytes(), nil
}

// UnmarshalJSON decodes {"amount":"12.30","currency":"CNY"}. The amount may
// also be a JSON number (12.3); either way it must be a plain decimal.
// Unknown fields, a missing field, and an unknown currency are errors; the
// zero Money's form decodes to the zero Money. JSON null leaves m unchanged.
func (m *Money) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	var raw moneyJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return fmt.Errorf("pricing: decode money: %w", err)
	}
	if raw.Amount == nil {
		return fmt.Errorf("pricing: decode money: amount: %w: missing", ErrInvalidAmount)
	}
	text := string(raw.Amount)
	if len(text) > 0 && text[0] == '"' {
		if err := json.Unmarshal(raw.Amount, &text); err != nil {
			return fmt.Errorf("pricing: decode money: amount: %w", err)
		}
	}
	d, err := parseDecimal("amount", text)
	if err != nil {
		return fmt.Errorf("pricing: decode money: %w", err)
	}
	if raw.Currency == "" && d.IsZero() {
		*m = Money{}
		return nil
	}
	c, err := ParseCurrency(raw.Currency)
	if err != nil {
		return fmt.Errorf("pricing: decode money: currency: %w", err)
	}
	*m = fromDecimal(d, c)
	return nil
}

// MarshalText encodes a currency as its code, so it is a JSON string.
func (c Currency) MarshalText() ([]byte, error) { return []byte(c.Code()), nil }

// UnmarshalText decodes a currency code; unknown codes are an error.
func (c *Currency) UnmarshalText(b []byte) error {
	v, err := ParseCurrency(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
