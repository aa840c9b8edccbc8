package kpi

import "fmt"

// The text forms of the enumerations, used by String, MarshalText and
// UnmarshalText. Index 0 is the zero value's name ("" when the zero value is
// invalid).
var (
	tierMethodNames    = []string{"", "marginal", "whole_amount"}
	boundaryNames      = []string{"lower", "upper"}
	directionNames     = []string{"", "higher", "lower"}
	curveKindNames     = []string{"", "linear", "inverse", "threshold", "bands"}
	weightPolicyNames  = []string{"sum_to_one", "normalize"}
	missingPolicyNames = []string{"error", "zero", "exclude"}
	aggregationNames   = []string{"", "sum", "mean", "weighted_mean"}
	rankMethodNames    = []string{"", "competition", "dense"}
	rewardKindNames    = []string{"", "top_n", "everyone"}
	roleNames          = []string{"", "customer", "agent", "system"}
	periodNames        = []string{"", "daily", "weekly", "monthly"}
	rewardOrderNames   = []string{"score", "time"}
	dsrDimensionNames  = []string{"", "description", "service", "shipping"}
)

func enumString(names []string, v uint8) string {
	if int(v) < len(names) && names[v] != "" {
		return names[v]
	}
	return fmt.Sprintf("%d", v)
}

func enumMarshal(kind string, names []string, v uint8) ([]byte, error) {
	if int(v) < len(names) && names[v] != "" {
		return []byte(names[v]), nil
	}
	return nil, fieldErr("marshal", kind, int(v), ErrInvalidEnum)
}

func enumParse(kind string, names []string, b []byte) (uint8, error) {
	s := string(b)
	for i, n := range names {
		if n != "" && n == s {
			return uint8(i), nil
		}
	}
	return 0, fieldErr("decode", kind, s, ErrInvalidEnum, fmt.Sprintf("want one of %q", nonEmpty(names)))
}

func nonEmpty(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// String returns "marginal" or "whole_amount".
func (m TierMethod) String() string { return enumString(tierMethodNames, uint8(m)) }

// MarshalText implements [encoding.TextMarshaler].
func (m TierMethod) MarshalText() ([]byte, error) {
	return enumMarshal("tier method", tierMethodNames, uint8(m))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *TierMethod) UnmarshalText(b []byte) error {
	v, err := enumParse("tier method", tierMethodNames, b)
	if err != nil {
		return err
	}
	*m = TierMethod(v)
	return nil
}

// String returns "lower" or "upper".
func (o BoundaryOwner) String() string { return enumString(boundaryNames, uint8(o)) }

// MarshalText implements [encoding.TextMarshaler].
func (o BoundaryOwner) MarshalText() ([]byte, error) {
	return enumMarshal("boundary", boundaryNames, uint8(o))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (o *BoundaryOwner) UnmarshalText(b []byte) error {
	v, err := enumParse("boundary", boundaryNames, b)
	if err != nil {
		return err
	}
	*o = BoundaryOwner(v)
	return nil
}

// String returns "higher" or "lower".
func (d Direction) String() string { return enumString(directionNames, uint8(d)) }

// MarshalText implements [encoding.TextMarshaler].
func (d Direction) MarshalText() ([]byte, error) {
	return enumMarshal("direction", directionNames, uint8(d))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *Direction) UnmarshalText(b []byte) error {
	v, err := enumParse("direction", directionNames, b)
	if err != nil {
		return err
	}
	*d = Direction(v)
	return nil
}

// String returns "linear", "inverse", "threshold" or "bands".
func (k CurveKind) String() string { return enumString(curveKindNames, uint8(k)) }

// MarshalText implements [encoding.TextMarshaler].
func (k CurveKind) MarshalText() ([]byte, error) {
	return enumMarshal("curve kind", curveKindNames, uint8(k))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *CurveKind) UnmarshalText(b []byte) error {
	v, err := enumParse("curve kind", curveKindNames, b)
	if err != nil {
		return err
	}
	*k = CurveKind(v)
	return nil
}

// String returns "sum_to_one" or "normalize".
func (p WeightPolicy) String() string { return enumString(weightPolicyNames, uint8(p)) }

// MarshalText implements [encoding.TextMarshaler].
func (p WeightPolicy) MarshalText() ([]byte, error) {
	return enumMarshal("weight policy", weightPolicyNames, uint8(p))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (p *WeightPolicy) UnmarshalText(b []byte) error {
	v, err := enumParse("weight policy", weightPolicyNames, b)
	if err != nil {
		return err
	}
	*p = WeightPolicy(v)
	return nil
}

// String returns "error", "zero" or "exclude".
func (p MissingPolicy) String() string { return enumString(missingPolicyNames, uint8(p)) }

// MarshalText implements [encoding.TextMarshaler].
func (p MissingPolicy) MarshalText() ([]byte, error) {
	return enumMarshal("missing policy", missingPolicyNames, uint8(p))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (p *MissingPolicy) UnmarshalText(b []byte) error {
	v, err := enumParse("missing policy", missingPolicyNames, b)
	if err != nil {
		return err
	}
	*p = MissingPolicy(v)
	return nil
}

// String returns "sum", "mean" or "weighted_mean".
func (a Aggregation) String() string { return enumString(aggregationNames, uint8(a)) }

// String returns "competition" or "dense".
func (m RankMethod) String() string { return enumString(rankMethodNames, uint8(m)) }

// String returns "top_n" or "everyone".
func (k RewardKind) String() string { return enumString(rewardKindNames, uint8(k)) }

// String returns "score" or "time".
func (o RewardOrder) String() string { return enumString(rewardOrderNames, uint8(o)) }

// String returns "customer", "agent" or "system".
func (r Role) String() string { return enumString(roleNames, uint8(r)) }

// String returns "daily", "weekly" or "monthly".
func (p QuotaPeriod) String() string { return enumString(periodNames, uint8(p)) }

// String returns "description", "service" or "shipping".
func (d DSRDimension) String() string { return enumString(dsrDimensionNames, uint8(d)) }

// MarshalText implements [encoding.TextMarshaler].
func (d DSRDimension) MarshalText() ([]byte, error) {
	return enumMarshal("dsr dimension", dsrDimensionNames, uint8(d))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (d *DSRDimension) UnmarshalText(b []byte) error {
	v, err := enumParse("dsr dimension", dsrDimensionNames, b)
	if err != nil {
		return err
	}
	*d = DSRDimension(v)
	return nil
}

// MarshalText implements [encoding.TextMarshaler].
func (a Aggregation) MarshalText() ([]byte, error) {
	return enumMarshal("aggregation", aggregationNames, uint8(a))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (a *Aggregation) UnmarshalText(b []byte) error {
	v, err := enumParse("aggregation", aggregationNames, b)
	if err != nil {
		return err
	}
	*a = Aggregation(v)
	return nil
}

// MarshalText implements [encoding.TextMarshaler].
func (m RankMethod) MarshalText() ([]byte, error) {
	return enumMarshal("rank method", rankMethodNames, uint8(m))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (m *RankMethod) UnmarshalText(b []byte) error {
	v, err := enumParse("rank method", rankMethodNames, b)
	if err != nil {
		return err
	}
	*m = RankMethod(v)
	return nil
}

// MarshalText implements [encoding.TextMarshaler].
func (k RewardKind) MarshalText() ([]byte, error) {
	return enumMarshal("reward kind", rewardKindNames, uint8(k))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (k *RewardKind) UnmarshalText(b []byte) error {
	v, err := enumParse("reward kind", rewardKindNames, b)
	if err != nil {
		return err
	}
	*k = RewardKind(v)
	return nil
}

// MarshalText implements [encoding.TextMarshaler].
func (o RewardOrder) MarshalText() ([]byte, error) {
	return enumMarshal("reward order", rewardOrderNames, uint8(o))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (o *RewardOrder) UnmarshalText(b []byte) error {
	v, err := enumParse("reward order", rewardOrderNames, b)
	if err != nil {
		return err
	}
	*o = RewardOrder(v)
	return nil
}

// MarshalText implements [encoding.TextMarshaler].
func (r Role) MarshalText() ([]byte, error) { return enumMarshal("role", roleNames, uint8(r)) }

// UnmarshalText implements [encoding.TextUnmarshaler].
func (r *Role) UnmarshalText(b []byte) error {
	v, err := enumParse("role", roleNames, b)
	if err != nil {
		return err
	}
	*r = Role(v)
	return nil
}

// MarshalText implements [encoding.TextMarshaler].
func (p QuotaPeriod) MarshalText() ([]byte, error) {
	return enumMarshal("quota period", periodNames, uint8(p))
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (p *QuotaPeriod) UnmarshalText(b []byte) error {
	v, err := enumParse("quota period", periodNames, b)
	if err != nil {
		return err
	}
	*p = QuotaPeriod(v)
	return nil
}
