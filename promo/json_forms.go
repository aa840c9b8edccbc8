package promo

// The campaign JSON of the newer forms (forms.go): decoding by kind,
// encoding, and pointers to them as actions.

type limitedUnitsWire struct {
	Kind    string `json:"kind"`
	Rate    string `json:"rate,omitempty"`
	Amount  string `json:"amount,omitempty"`
	PerLine int64  `json:"per_line,omitempty"`
	PerCart int64  `json:"per_cart,omitempty"`
	Pick    string `json:"pick,omitempty"`
}

type issueCouponWire struct {
	Kind      string `json:"kind"`
	MinAmount string `json:"min_amount,omitempty"`
	MinQty    int64  `json:"min_qty,omitempty"`
	Base      string `json:"base,omitempty"`
	Template  string `json:"template,omitempty"`
	Name      string `json:"name,omitempty"`
	Qty       int64  `json:"qty,omitempty"`
	Value     string `json:"value,omitempty"`
}

type pointsRedemptionWire struct {
	Kind       string `json:"kind"`
	Points     int64  `json:"points,omitempty"`
	Value      string `json:"value,omitempty"`
	MaxPercent int64  `json:"max_percent,omitempty"`
	MaxAmount  string `json:"max_amount,omitempty"`
}

type presaleWire struct {
	Kind        string `json:"kind"`
	Deposit     string `json:"deposit,omitempty"`
	Credit      string `json:"credit,omitempty"`
	BalanceFrom string `json:"balance_from,omitempty"`
	Refundable  bool   `json:"refundable,omitempty"`
}

// formAction decodes an action of a newer kind; nil for an unknown kind.
func (o *jsonObject) formAction(kind string) Action {
	switch kind {
	case "limited-units":
		a := LimitedUnits{Rate: o.rate("rate"), Amount: o.amount("amount"), PerLine: o.int("per_line"), PerCart: o.int("per_cart")}
		if s, ok := o.strOK("pick"); ok && a.Pick.UnmarshalText([]byte(s)) != nil {
			o.d.add(o.at("pick"), o.sentinel, nil, "unknown pick %q: want cheapest_first or dearest_first", s)
		}
		return a
	case "issue-coupon":
		return IssueCoupon{MinAmount: o.amount("min_amount"), MinQty: o.int("min_qty"), Base: o.base(),
			Template: o.str("template"), Name: o.str("name"), Qty: o.int("qty"), Value: o.amount("value")}
	case "presale":
		return Presale{Deposit: o.amount("deposit"), Credit: o.amount("credit"), BalanceFrom: o.time("balance_from"), Refundable: o.flag("refundable")}
	case "points-redemption":
		return PointsRedemption{Points: o.int("points"), Value: o.amount("value"), MaxPercent: o.int("max_percent"), MaxAmount: o.amount("max_amount")}
	}
	return nil
}

// encodeForm writes an action of a newer kind; nil for any other.
func encodeForm(a Action) any {
	switch a := a.(type) {
	case LimitedUnits:
		w := limitedUnitsWire{Kind: a.Kind(), Rate: rateText(a.Rate), Amount: amountText(a.Amount), PerLine: a.PerLine, PerCart: a.PerCart}
		if a.Pick != CheapestFirst {
			w.Pick = unitPickNames[a.Pick] // validated
		}
		return w
	case IssueCoupon:
		return issueCouponWire{Kind: a.Kind(), MinAmount: amountText(a.MinAmount), MinQty: a.MinQty, Base: baseText(a.Base),
			Template: a.Template, Name: a.Name, Qty: a.Qty, Value: amountText(a.Value)}
	case Presale:
		return presaleWire{Kind: a.Kind(), Deposit: amountText(a.Deposit), Credit: amountText(a.Credit), BalanceFrom: timeText(a.BalanceFrom), Refundable: a.Refundable}
	case PointsRedemption:
		return pointsRedemptionWire{Kind: a.Kind(), Points: a.Points, Value: amountText(a.Value), MaxPercent: a.MaxPercent, MaxAmount: amountText(a.MaxAmount)}
	}
	return nil // not reached: the campaign was validated
}

// derefForm turns a pointer to an action of a newer kind into the action;
// a nil pointer is not ok. Any other action is returned as it is.
func derefForm(a Action) (Action, bool) {
	switch v := a.(type) {
	case *LimitedUnits:
		return deref(v)
	case *IssueCoupon:
		return deref(v)
	case *PointsRedemption:
		return deref(v)
	case *Presale:
		return deref(v)
	}
	return a, true
}
