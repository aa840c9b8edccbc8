package pricing

import (
	"fmt"
	"math"
	"strconv"

	"github.com/shopspring/decimal"
)

// RoundingMode says how an amount is brought to a coarser precision: the
// currency's minor unit (分) or a cash increment (角, 元).
//
// The zero value is [HalfUp], the rounding customers and tax offices in China
// expect (四舍五入). Modes are defined for negative amounts too: [HalfUp],
// [Down] and [Up] are symmetric around zero, so a refund rounds like the sale
// it reverses; [Floor] and [Ceiling] are not.
type RoundingMode uint8

const (
	// HalfUp rounds to the nearest step; a tie goes away from zero (四舍五入):
	// 1.005 -> 1.01, -1.005 -> -1.01. The zero value.
	HalfUp RoundingMode = iota
	// HalfEven rounds to the nearest step; a tie goes to the even neighbour
	// (banker's rounding): 1.005 -> 1.00, 1.015 -> 1.02.
	HalfEven
	// Down truncates toward zero (抹零: drop the small change): 1.99 -> 1.00
	// at 1.00 increments, -1.99 -> -1.00.
	Down
	// Up rounds away from zero: 1.001 -> 1.01, -1.001 -> -1.01.
	Up
	// Floor rounds toward negative infinity: 1.009 -> 1.00, -1.001 -> -1.01.
	Floor
	// Ceiling rounds toward positive infinity: 1.001 -> 1.01, -1.009 -> -1.00.
	Ceiling
)

var roundingNames = [...]string{"half-up", "half-even", "down", "up", "floor", "ceiling"}

// roundingText are the text (JSON) names: snake_case, the library's one
// dialect for enumerations.
var roundingText = [...]string{"half_up", "half_even", "down", "up", "floor", "ceiling"}

// IsValid reports whether m is one of the defined modes.
func (m RoundingMode) IsValid() bool { return int(m) < len(roundingNames) }

// String returns the mode's name: "half-up", "half-even", "down", "up",
// "floor" or "ceiling" (its text form is snake_case: "half_up").
func (m RoundingMode) String() string {
	if !m.IsValid() {
		return fmt.Sprintf("RoundingMode(%d)", m)
	}
	return roundingNames[m]
}

// ParseRoundingMode parses a mode's text name ("half_up", "half_even",
// "down", "up", "floor", "ceiling") or its String form ("half-up"),
// exactly. Anything else is an error ([ErrInvalidRoundingMode]).
func ParseRoundingMode(s string) (RoundingMode, error) {
	for i := range roundingNames {
		if s == roundingText[i] || s == roundingNames[i] {
			return RoundingMode(i), nil
		}
	}
	return 0, fieldErr("parse rounding mode", "", clip(s), ErrInvalidRoundingMode, "want half_up, half_even, down, up, floor or ceiling")
}

// MarshalText encodes the mode's snake_case name ("half_up"), so a mode is
// a JSON string. An invalid mode is an error ([ErrInvalidRoundingMode]).
func (m RoundingMode) MarshalText() ([]byte, error) {
	if !m.IsValid() {
		return nil, fieldErr("encode rounding mode", "", strconv.Itoa(int(m)), ErrInvalidRoundingMode, "")
	}
	return []byte(roundingText[m]), nil
}

// UnmarshalText decodes a name accepted by [ParseRoundingMode].
func (m *RoundingMode) UnmarshalText(b []byte) error {
	v, err := ParseRoundingMode(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// roundPlaces rounds d to places decimal digits with the mode. The mode must
// be valid.
func roundPlaces(d decimal.Decimal, places int32, m RoundingMode) decimal.Decimal {
	if d.Exponent() >= -places {
		return d // already at or coarser than the precision: nothing to round
	}
	switch m {
	case HalfEven:
		return d.RoundBank(places)
	case Down:
		return d.RoundDown(places)
	case Up:
		return d.RoundUp(places)
	case Floor:
		return d.RoundFloor(places)
	case Ceiling:
		return d.RoundCeil(places)
	default:
		return d.Round(places)
	}
}

// roundIncrement rounds d to a whole multiple of inc (> 0) with the mode,
// exactly: q, r = d quo/rem inc, then q moves by one step depending on the
// remainder and the mode.
func roundIncrement(d, inc decimal.Decimal, m RoundingMode) decimal.Decimal {
	q, r := d.QuoRem(inc, 0)
	if r.IsZero() {
		return d
	}
	away := false // move q one step away from zero
	switch m {
	case Down:
	case Up:
		away = true
	case Floor:
		away = d.Sign() < 0
	case Ceiling:
		away = d.Sign() > 0
	default:
		c := r.Abs().Add(r.Abs()).Cmp(inc) // compare 2|r| with inc
		away = c > 0 || (c == 0 && (m == HalfUp || q.Mod(two).Abs().Equal(one)))
	}
	if away {
		q = q.Add(decimal.New(int64(d.Sign()), 0))
	}
	return q.Mul(inc)
}

var (
	one = decimal.New(1, 0)
	two = decimal.New(2, 0)
)

// RoundDiv returns num / den rounded to an integer with the mode, exactly,
// for computing in int64 minor units: RoundDiv(1065, 10, HalfUp) is 107
// (10.65 分 rounded half-up), RoundDiv(-5, 2, HalfEven) is -2. den must be
// positive ([ErrDivisionByZero] otherwise) and num must not be
// math.MinInt64 ([ErrTooLarge]); an invalid mode is [ErrInvalidRoundingMode].
func RoundDiv(num, den int64, mode RoundingMode) (int64, error) {
	const op = "round division"
	switch {
	case den <= 0:
		return 0, fieldErr(op, "den", strconv.FormatInt(den, 10), ErrDivisionByZero, "the divisor must be positive")
	case num == math.MinInt64:
		return 0, fieldErr(op, "num", strconv.FormatInt(num, 10), ErrTooLarge, "at least -2^63+1")
	case !mode.IsValid():
		return 0, fieldErr(op, "mode", strconv.Itoa(int(mode)), ErrInvalidRoundingMode, "")
	}
	return roundDivInt(num, den, mode), nil
}

// roundDivInt is RoundDiv on checked arguments: den > 0, num > MinInt64,
// mode valid. The quotient truncates toward zero, then moves one step away
// from zero when the remainder and the mode say so.
func roundDivInt(num, den int64, mode RoundingMode) int64 {
	q, r := num/den, num%den
	if r == 0 {
		return q
	}
	if r < 0 {
		r = -r
	}
	away := false
	switch mode {
	case Down:
	case Up:
		away = true
	case Floor:
		away = num < 0
	case Ceiling:
		away = num > 0
	default:
		// Compare 2r with den without overflow: r < den, so den - r > 0.
		switch c := r - (den - r); {
		case c > 0:
			away = true
		case c == 0:
			away = mode == HalfUp || q%2 != 0
		}
	}
	if away {
		if num < 0 {
			return q - 1
		}
		return q + 1
	}
	return q
}
