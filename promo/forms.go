package promo

import "time"

// The compiled kinds of the promotion forms added after the first eleven
// actions (unitcap.go, couponreturn.go, points.go), numbered after them.
const (
	kLimited ruleKind = kShipping + 1 + iota // LimitedUnits
	kIssue                                   // IssueCoupon
	kPoints                                  // PointsRedemption
	kPresale                                 // Presale
)

// formRule holds the compiled parameters of the newer forms, so that rule
// keeps one field for all of them.
type formRule struct {
	perLine, perCart int64        // LimitedUnits: caps, 0 for none
	dearest          bool         // LimitedUnits: DearestFirst
	partial          bool         // BuyXGetY: PartialGroups
	coupon           IssuedCoupon // IssueCoupon: what it issues
	points, value    int64        // PointsRedemption: points per value minor units, reduced
	share            int64        // PointsRedemption: most percent of the amount; 0 none
	deposit          int64        // Presale: per unit
	balanceFrom      time.Time    // Presale
	refundable       bool         // Presale
}

// formScratch is the newer forms' scratch in a pass, reused across
// evaluations.
type formScratch struct {
	lineCount []int64 // limitedUnits: per line (at its first unit), the units taken
	// deliveryFee: the fee before promotions and the amount it measured
	feeBefore, deliveryAmount int64
	depositPaid               int64 // presales: the deposits of the units credited
	// pointsPromo: per promotion the points spent; the lines and units
	// with room, their weights, rooms and steps
	points, weights, rooms, lineSteps, uWeights, uRooms, unitSteps []int64
	lines, units                                                   []int
}
