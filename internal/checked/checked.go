// Package checked is integer arithmetic that reports overflow instead of
// wrapping. Every sum and product of integers that library code computes from
// its input goes through it, so a quantity near the int64 limits yields an
// error, never a wrapped number.
//
// Each function returns the exact result and true, or zero and false when the
// exact result does not fit in an int64.
package checked

import "math"

// Add returns a+b, or false if the sum overflows int64.
func Add(a, b int64) (int64, bool) {
	s := a + b
	// Overflow happened exactly when a and b have the same sign and the sum's
	// sign differs from it.
	if (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0) {
		return 0, false
	}
	return s, true
}

// Sub returns a-b, or false if the difference overflows int64.
func Sub(a, b int64) (int64, bool) {
	d := a - b
	if (a >= 0) != (b >= 0) && (d >= 0) != (a >= 0) {
		return 0, false
	}
	return d, true
}

// Mul returns a*b, or false if the product overflows int64.
func Mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	if (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	p := a * b
	if p/b != a {
		return 0, false
	}
	return p, true
}

// Sum returns the sum of xs, or false as soon as a partial sum overflows.
// The empty sum is 0.
func Sum(xs ...int64) (int64, bool) {
	var s int64
	for _, x := range xs {
		var ok bool
		if s, ok = Add(s, x); !ok {
			return 0, false
		}
	}
	return s, true
}

// MulAdd returns a*b+c, or false if the product or the sum overflows.
func MulAdd(a, b, c int64) (int64, bool) {
	p, ok := Mul(a, b)
	if !ok {
		return 0, false
	}
	return Add(p, c)
}
