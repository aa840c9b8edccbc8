package inventory

// NewSBJ returns the Shale-Boylan-Johnston correction of Croston's method (Shale, Boylan & Johnston
// 2006, "Forecasting for intermittent demand: the estimation of an unbiased average", Journal of the
// Operational Research Society 57(5); Teunter & Sani 2009, "On the bias of Croston's forecasting
// method", EJOR 194(1)), which removes the bias of z/p that [NewSBA]'s factor 1 - α/2 only
// approximates:
//
//	F = (1 - α/(2 - α))·z/p.
//
// For α = 0.1 the factor is 1 - 0.1/1.9 = 18/19 (SBA's: 0.95), so z = 4.2, p = 2.1 forecast
// 1.894736842 a period (ExampleNewSBJ). Initialisation as [NewCroston]. It returns an error unless 0 < α ≤ 1.
func NewSBJ(alpha float64) (Forecaster, error) {
	if err := checkSmoothing("sbj", "alpha", alpha); err != nil {
		return Forecaster{}, err
	}
	return Forecaster{method: MethodSBJ, alpha: alpha}, nil
}
