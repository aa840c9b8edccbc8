package pricing

import (
	"fmt"
	"slices"
	"strconv"
)

// ParityKind classifies a [ParityDiff].
type ParityKind uint8

const (
	// PriceDiffers: the SKU is sold in both channels at different prices.
	PriceDiffers ParityKind = iota + 1
	// MissingOffline: the SKU is sold online only.
	MissingOffline
	// MissingOnline: the SKU is sold offline only.
	MissingOnline
)

var parityKindNames = [...]string{"", "price-differs", "missing-offline", "missing-online"}

// String returns "price-differs", "missing-offline" or "missing-online"
// (the text form is snake_case: "price_differs").
func (k ParityKind) String() string {
	if k >= PriceDiffers && k <= MissingOnline {
		return parityKindNames[k]
	}
	return fmt.Sprintf("ParityKind(%d)", k)
}

// MarshalText encodes "price_differs", "missing_offline" or
// "missing_online"; the zero value (unset) is "", an undefined kind an
// error ([ErrUnknownName]).
func (k ParityKind) MarshalText() ([]byte, error) {
	return marshalName("encode parity kind", int(k), parityKindNames[:])
}

// UnmarshalText decodes a name written by [ParityKind.MarshalText].
func (k *ParityKind) UnmarshalText(b []byte) error {
	i, err := unmarshalName("decode parity kind", b, parityKindNames[:])
	if err == nil {
		*k = ParityKind(i)
	}
	return err
}

// ParityDiff is one break of O2O price parity for a SKU. For PriceDiffers,
// Diff = Online - Offline; for a SKU missing in a channel, that channel's
// price and Diff are the zero Money.
type ParityDiff struct {
	SKU     string     `json:"sku"`
	Kind    ParityKind `json:"kind"`
	Online  Money      `json:"online,omitzero"`
	Offline Money      `json:"offline,omitzero"`
	Diff    Money      `json:"diff,omitzero"`
}

// String describes the difference: "A1: price-differs online CNY 9.90
// offline CNY 10.50 (diff CNY -0.60)".
func (d ParityDiff) String() string {
	switch d.Kind {
	case MissingOffline:
		return fmt.Sprintf("%s: %s online %s", d.SKU, d.Kind, d.Online)
	case MissingOnline:
		return fmt.Sprintf("%s: %s offline %s", d.SKU, d.Kind, d.Offline)
	}
	return fmt.Sprintf("%s: %s online %s offline %s (diff %s)", d.SKU, d.Kind, d.Online, d.Offline, d.Diff)
}

// CheckParity compares the per-SKU prices of two channels for O2O price
// parity (线上线下同价; seed-rules P-17: an online mall and physical stores
// at the same price across all categories) and returns every SKU whose
// prices differ, and every SKU sold in one channel only, sorted by SKU.
// Prices are compared by value (9.9 equals 9.90). An empty result means the
// channels are at parity. The maps are not modified.
//
// Errors: a price without currency ([ErrUnknownCurrency]); the two prices
// of a SKU in different currencies ([ErrCurrencyMismatch]); a difference
// beyond 10^[MaxMagnitude] ([ErrTooLarge]). The SKU named is the first in
// sorted order.
func CheckParity(online, offline map[string]Money) ([]ParityDiff, error) {
	const op = "check parity"
	skus := make([]string, 0, len(online)+len(offline))
	for s := range online {
		skus = append(skus, s)
	}
	for s := range offline {
		if _, ok := online[s]; !ok {
			skus = append(skus, s)
		}
	}
	slices.Sort(skus)
	var diffs []ParityDiff
	for _, s := range skus {
		on, inOn := online[s]
		off, inOff := offline[s]
		if inOn && !on.IsValid() {
			return nil, fieldErr(op, "online["+strconv.Quote(s)+"]", on.String(), ErrUnknownCurrency, "")
		}
		if inOff && !off.IsValid() {
			return nil, fieldErr(op, "offline["+strconv.Quote(s)+"]", off.String(), ErrUnknownCurrency, "")
		}
		switch {
		case !inOff:
			diffs = append(diffs, ParityDiff{SKU: s, Kind: MissingOffline, Online: on})
		case !inOn:
			diffs = append(diffs, ParityDiff{SKU: s, Kind: MissingOnline, Offline: off})
		default:
			if on.currency != off.currency {
				return nil, mismatch(op, "offline["+strconv.Quote(s)+"]", off.String(), on.currency, off.currency)
			}
			if cmpAmount(on, off) != 0 {
				diff, err := add(op, on, off.Neg(), on.currency)
				if err != nil {
					return nil, fieldErr(op, "offline["+strconv.Quote(s)+"]", off.String(), ErrTooLarge, "the difference: "+tooLargeDetail)
				}
				diffs = append(diffs, ParityDiff{SKU: s, Kind: PriceDiffers, Online: on, Offline: off, Diff: diff})
			}
		}
	}
	return diffs, nil
}
