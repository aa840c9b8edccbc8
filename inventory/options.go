package inventory

// Option configures a constructor of this package ([NewShaping], [NewABCCuts]). Options return
// nothing; the constructor applies them, validates the result and reports a bad value, or an option
// the constructor does not take, as a [*FieldError] whose Field names the option
// ("WithPackRounding").
type Option func(*config)

// config is what the options set; each constructor reads the settings it takes.
type config struct {
	rounding    PackRounding
	roundingSet bool
	boundary    ABCBoundary
	boundarySet bool
}

// WithPackRounding sets how [NewShaping]'s shaping rounds an order to a pack multiple (default
// [PackRoundUp]).
func WithPackRounding(r PackRounding) Option {
	return func(c *config) { c.rounding, c.roundingSet = r, true }
}

// WithABCBoundary sets which class [NewABCCuts]'s cuts give the item whose value crosses a cut
// (default [CrossingUp]: the upper class).
func WithABCBoundary(b ABCBoundary) Option {
	return func(c *config) { c.boundary, c.boundarySet = b, true }
}

// applyOptions applies opts for the constructor op, which takes the settings marked in takes
// ("rounding", "boundary"), and validates them.
func applyOptions(op string, rounding, boundary bool, opts []Option) (config, error) {
	var c config
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	switch {
	case c.roundingSet && !rounding:
		return c, detailErr(op, "WithPackRounding", c.rounding, ErrPolicy, "not an option of "+op)
	case c.boundarySet && !boundary:
		return c, detailErr(op, "WithABCBoundary", c.boundary, ErrPolicy, "not an option of "+op)
	case c.rounding > PackRoundUpWithinMax:
		return c, fieldErr(op, "WithPackRounding", uint8(c.rounding), ErrInvalidEnum)
	case c.boundary > CrossingDown:
		return c, fieldErr(op, "WithABCBoundary", uint8(c.boundary), ErrInvalidEnum)
	}
	return c, nil
}
