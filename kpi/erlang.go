package kpi

import "math"

// Queueing models for staffing: Erlang C (M/M/n, callers wait as long as
// it takes) and Erlang A (M/M/n+M, callers abandon after an exponential
// patience). Rates are per second; a is the offered load in Erlangs
// (arrival rate × mean handle time), n the number of agents.

// erlangB returns the Erlang B blocking probability for n agents and load
// a by the recursion B(0) = 1, B(k) = a·B(k-1) / (k + a·B(k-1)), which
// stays in [0, 1] at every step and so never overflows (the factorial
// form does beyond 170 agents).
func erlangB(n int64, a float64) float64 {
	b := 1.0
	for k := int64(1); k <= n; k++ {
		b = a * b / (float64(k) + a*b)
	}
	return b
}

// erlangCFromB is the Erlang C waiting probability from Erlang B:
// C = n·B / (n - a·(1 - B)); it needs n > a.
func erlangCFromB(n int64, a, b float64) float64 {
	return float64(n) * b / (float64(n) - a*(1-b))
}

// erlangCPerf is Erlang C's performance for n > a agents with mean handle
// time h and answer target t (seconds):
//
//	P(wait)    = C(n, a)
//	SL(t)      = 1 - C·exp(-(n - a)·t / h)
//	ASA        = C·h / (n - a)
//	occupancy  = a / n
func erlangCPerf(n int64, a, h, t, b float64) perf {
	c := erlangCFromB(n, a, b)
	return perf{
		wait:      c,
		sl:        clamp01(1 - c*math.Exp(-(float64(n)-a)*t/h)),
		asa:       c * h / (float64(n) - a),
		occupancy: a / float64(n),
	}
}

// perf is the performance of one staffing level.
type perf struct {
	wait, sl, asa, occupancy, abandon float64
}

// maxChainStates bounds the memory of one Erlang A evaluation: at most
// this many states of the chain (8 MiB of float64), which is MaxAgents
// and a queue ten times as long.
const maxChainStates = 1 << 20

// erlangAPerf is Erlang A's performance for n agents: arrival rate lam,
// service rate mu = 1/h and abandonment rate theta = 1/patience, all per
// second, answer target t. The stationary distribution π of the
// birth-death chain (birth lam, death min(k, n)·mu + max(k - n, 0)·theta)
// is summed until a term is below 1e-16 of the total; then
//
//	P(wait)   = Σ_{k≥n} π_k
//	Lq        = Σ_{k>n} (k - n)·π_k
//	abandon   = theta·Lq / lam          (share of callers who hang up)
//	ASA       = Lq / lam                (mean wait over all callers, Little)
//	occupancy = lam·(1 - abandon) / (n·mu)
//	SL(t)     = Σ_{k<n} π_k + Σ_{k≥n} π_k·G_{k-n}(t)
//
// where G_j(t) is the chance that a caller who finds j others waiting is
// answered within t: ahead of it the queue moves at rate n·mu + i·theta
// with i callers ahead, and the caller itself leaves at rate theta. G is
// computed by uniformisation for every j at once (all terms positive, so
// no cancellation). work counts the uniformisation steps × queue states,
// summed over the evaluations of one interval; false means the budget or
// the chain's state cap would be exceeded.
func erlangAPerf(n int64, lam, mu, theta, t float64, work *int64, budget int64) (perf, bool) {
	// Stationary distribution in logs (a^k/k! leaves float64 at large
	// loads): lp_k = lp_{k-1} + log(lam / death_k), with the running log of
	// the total; stop past n once a term is below 1e-16 of the total.
	lps := []float64{0}
	logTotal := 0.0
	tiny := math.Log(1e-16)
	for k := int64(1); ; k++ {
		if k > maxChainStates {
			return perf{}, false
		}
		death := float64(min(k, n))*mu + float64(max(k-n, 0))*theta
		lp := lps[len(lps)-1] + math.Log(lam/death)
		lps = append(lps, lp)
		hi, lo := max(logTotal, lp), min(logTotal, lp)
		logTotal = hi + math.Log1p(math.Exp(lo-hi))
		if k > n && lp < logTotal+tiny {
			break
		}
	}
	probs := lps
	var wait, lq, below float64
	for k, lp := range lps {
		p := math.Exp(lp - logTotal)
		probs[k] = p
		if int64(k) >= n {
			wait += p
			lq += float64(int64(k)-n) * p
		} else {
			below += p
		}
	}
	abandon := clamp01(theta * lq / lam)
	res := perf{
		wait:      clamp01(wait),
		abandon:   abandon,
		asa:       lq / lam,
		occupancy: clamp01(lam * (1 - abandon) / (float64(n) * mu)),
	}
	// G_j(t) for j = 0..J by uniformisation with rate L: after s steps of
	// the embedded chain, v_s[j] = P(answered within s steps | j ahead).
	jmax := len(probs) - 1 - int(n) // ≥ 1: the loop above stops only past n
	nmu := float64(n) * mu
	L := nmu + float64(jmax+1)*theta
	lt := L * t
	steps := int64(lt + 10*math.Sqrt(lt) + 50)
	if *work+steps*int64(jmax+1) > budget {
		return perf{}, false
	}
	*work += steps * int64(jmax+1)
	v := make([]float64, jmax+1)
	nv := make([]float64, jmax+1)
	g := make([]float64, jmax+1)
	logLt := math.Log(lt)
	for s := int64(1); s <= steps; s++ {
		for j := 0; j <= jmax; j++ {
			adv := nmu + float64(j)*theta // the queue ahead moves (or, at j = 0, the caller is answered)
			stay := 1 - (adv+theta)/L
			if j == 0 {
				nv[0] = adv/L + stay*v[0]
			} else {
				nv[j] = adv/L*v[j-1] + stay*v[j]
			}
		}
		v, nv = nv, v
		// Poisson(s; L·t) weight, in logs so that a large L·t cannot underflow.
		lg, _ := math.Lgamma(float64(s) + 1)
		w := math.Exp(-lt + float64(s)*logLt - lg) // 0 when t = 0 (log 0 = -Inf)
		for j := range g {
			g[j] += w * v[j]
		}
	}
	sl := below
	for j := 0; j <= jmax; j++ {
		sl += probs[int(n)+j] * g[j]
	}
	res.sl = clamp01(sl)
	return res, true
}

// clamp01 keeps a probability that rounding pushed past an end in [0, 1].
func clamp01(x float64) float64 { return max(0, min(x, 1)) }
