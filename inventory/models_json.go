package inventory

// UnmarshalJSON decodes an (r, Q) problem, rejecting unknown and duplicate keys, and validates it
// as the normal methods do (h, p, K and λ positive, μ and σ within [0, MaxQty], K·λ finite).
func (m *RQProblem) UnmarshalJSON(b []byte) error {
	const op = "decode rq problem"
	type plain RQProblem
	var v plain
	if err := decodeStrict(op, b, &v); err != nil {
		return err
	}
	if err := RQProblem(v).check(op, false); err != nil {
		return err
	}
	*m = RQProblem(v)
	return nil
}

// UnmarshalJSON decodes an (s, S) problem, rejecting unknown and duplicate keys, and validates it
// as [SSProblem.Cost] does (costs positive, a demand distribution of at most MaxPMFLen probabilities
// summing to 1 with some chance of demand).
func (m *SSProblem) UnmarshalJSON(b []byte) error {
	const op = "decode ss problem"
	type plain SSProblem
	var v plain
	if err := decodeStrict(op, b, &v); err != nil {
		return err
	}
	if _, err := SSProblem(v).check(op); err != nil {
		return err
	}
	*m = SSProblem(v)
	return nil
}
