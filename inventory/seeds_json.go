package inventory

var lifecycleText = enumSpec{"lifecycle stage", []string{"", "new", "growth", "mature", "decline"}}

// MarshalText returns "new", "growth", "mature" or "decline" ("" for the zero value).
func (s LifecycleStage) MarshalText() ([]byte, error) { return lifecycleText.marshal(uint8(s)) }

// UnmarshalText parses a name written by MarshalText; an unknown name wraps [ErrInvalidEnum].
func (s *LifecycleStage) UnmarshalText(b []byte) error {
	return unmarshalEnum(lifecycleText, b, s)
}

// UnmarshalJSON decodes a count line, rejecting unknown and duplicate keys; [Reconcile] checks the
// values.
func (l *CountLine) UnmarshalJSON(b []byte) error {
	type plain CountLine
	var j plain
	if err := decodeStrict("decode count line", b, &j); err != nil {
		return err
	}
	*l = CountLine(j)
	return nil
}

// UnmarshalJSON decodes a lifecycle rule, rejecting unknown and duplicate keys; [LifecycleRule.Classify]
// checks the values.
func (r *LifecycleRule) UnmarshalJSON(b []byte) error {
	type plain LifecycleRule
	var j plain
	if err := decodeStrict("decode lifecycle rule", b, &j); err != nil {
		return err
	}
	*r = LifecycleRule(j)
	return nil
}

// UnmarshalJSON decodes an event rule, rejecting unknown and duplicate keys; [EventRule.PlanEvent]
// checks the values.
func (r *EventRule) UnmarshalJSON(b []byte) error {
	type plain EventRule
	var j plain
	if err := decodeStrict("decode event rule", b, &j); err != nil {
		return err
	}
	*r = EventRule(j)
	return nil
}

// UnmarshalJSON decodes an event input ("start" as "2006-01-02", required), rejecting unknown and
// duplicate keys; [EventRule.PlanEvent] checks the other values.
func (in *EventInput) UnmarshalJSON(b []byte) error {
	const op = "decode event input"
	type plain EventInput
	var j plain
	if err := decodeStrict(op, b, &j); err != nil {
		return err
	}
	if !j.Start.IsValid() {
		return detailErr(op, "start", nil, ErrInvalidJSON, "a date \"2006-01-02\" is required")
	}
	*in = EventInput(j)
	return nil
}
