package kpi

import (
	"fmt"
	"time"
)

// DSR is a set of detailed seller ratings (店铺动态评分): description match
// (宝贝与描述相符), service attitude (卖家的服务态度) and shipping speed
// (物流服务的质量 / 发货速度), each on the 1-5 scale. The three dimensions
// are general Taobao/Tmall practice; the seeds name only shipping
// (seed-rules K-17, K-22).
type DSR struct {
	Description float64 `json:"description"`
	Service     float64 `json:"service"`
	Shipping    float64 `json:"shipping"`
}

// Rating is one buyer's DSR rating. Each dimension is 1-5, or 0 when the
// buyer did not rate it.
type Rating struct {
	At          time.Time `json:"at"`
	Description int       `json:"description"`
	Service     int       `json:"service"`
	Shipping    int       `json:"shipping"`
}

// DSRReport is a rolling DSR: the ratings counted per dimension inside the
// window, their averages (0 with no ratings), and the percentage above
// (positive) or below (negative) the industry average for each dimension,
// (average - industry) ÷ industry × 100 (高于/低于同行业 x%); 0 when no
// industry average or no rating was given for that dimension.
type DSRReport struct {
	From       time.Time `json:"from"`
	To         time.Time `json:"to"`
	Count      [3]int64  `json:"count"` // description, service, shipping
	Average    DSR       `json:"average"`
	VsIndustry DSR       `json:"vs_industry"`
}

// RollingDSR averages the ratings given in the window (asOf - window,
// asOf]: a rating exactly window before asOf has left the window, one at
// asOf is inside. Taobao's DSR uses 180 days. industry holds the industry
// averages; a zero dimension means not given.
//
// Errors (*[FieldError]): a window of zero or less ([ErrInvalidNumber]);
// an industry average outside 1-5 other than 0, or a rating outside 0-5
// ([ErrInvalidRating]).
func RollingDSR(ratings []Rating, asOf time.Time, window time.Duration, industry DSR) (DSRReport, error) {
	const op = "dsr"
	if window <= 0 {
		return DSRReport{}, fieldErr(op, "window", window, ErrInvalidNumber, "must be positive")
	}
	ind := [3]float64{industry.Description, industry.Service, industry.Shipping}
	names := [3]string{"description", "service", "shipping"}
	for i, v := range ind {
		if !finite(v) || (v != 0 && (v < 1 || v > 5)) {
			return DSRReport{}, fieldErr(op, "industry."+names[i], v, ErrInvalidRating, "want 1-5, or 0 for none")
		}
	}
	from := asOf.Add(-window)
	rep := DSRReport{From: from, To: asOf}
	var sum [3]int
	for i, r := range ratings {
		vals := [3]int{r.Description, r.Service, r.Shipping}
		for d, v := range vals {
			if v < 0 || v > 5 {
				return DSRReport{}, fieldErr(op, fmt.Sprintf("ratings[%d].%s", i, names[d]), v, ErrInvalidRating, "want 1-5, or 0 for not rated")
			}
		}
		if !r.At.After(from) || r.At.After(asOf) {
			continue
		}
		for d, v := range vals {
			if v > 0 {
				rep.Count[d]++
				sum[d] += v
			}
		}
	}
	var avg, vs [3]float64
	for d := range avg {
		if rep.Count[d] == 0 {
			continue
		}
		avg[d] = float64(sum[d]) / float64(rep.Count[d])
		if ind[d] > 0 {
			vs[d] = (avg[d] - ind[d]) / ind[d] * 100
		}
	}
	rep.Average = DSR{avg[0], avg[1], avg[2]}
	rep.VsIndustry = DSR{vs[0], vs[1], vs[2]}
	return rep, nil
}

// DSRDimension is one of the three DSR dimensions. The zero value is
// invalid; the text form is "description", "service" or "shipping".
type DSRDimension uint8

const (
	// DSRDescription is description match (宝贝与描述相符).
	DSRDescription DSRDimension = iota + 1
	// DSRService is service attitude (卖家的服务态度).
	DSRService
	// DSRShipping is shipping speed (物流服务的质量 / 发货速度).
	DSRShipping
)

// DSRDrops lists the dimensions whose average fell from previous to
// current (seed-rules K-17: "if a score drops, analyse the cause"), in the
// order description, service, shipping. Dimensions without ratings in
// either report are skipped.
func DSRDrops(previous, current DSRReport) []DSRDimension {
	var out []DSRDimension
	prev := [3]float64{previous.Average.Description, previous.Average.Service, previous.Average.Shipping}
	cur := [3]float64{current.Average.Description, current.Average.Service, current.Average.Shipping}
	for d := range prev {
		if previous.Count[d] > 0 && current.Count[d] > 0 && cur[d] < prev[d] {
			out = append(out, DSRDimension(d+1))
		}
	}
	return out
}
