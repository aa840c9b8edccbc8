package promo

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/opskit/opskit/internal/civil"
	"github.com/opskit/opskit/pricing"
)

// Campaign is a document of promotions with shared defaults (活动配置): the
// form teams keep in config files and databases and edit in their own admin
// tools. [DecodeCampaign] reads and validates one; [EncodeCampaign] writes
// one in the canonical form described below; NewEngine(c.Currency,
// c.Promotions, ...) builds the engine that evaluates carts against it.
//
// # JSON form
//
// A campaign is an object with "name" (optional), "currency" (an ISO 4217
// code, required), "time_zone" (an IANA name such as "Asia/Shanghai",
// optional: the default for schedules) and "promotions", a list. Every
// object's keys are the snake_case names of the Go fields ("per_customer",
// "exclude_categories", "min_amount", "time_zone" for
// TimeZone), without exception; the choices are in the values:
//
//   - An action is an object whose "kind" is its [Action.Kind]
//     ("percent-off", "amount-off", "fixed-price", "threshold", "nth-item",
//     "buy-x-get-y", "bundle-price", "combo", "member-price", "gift",
//     "free-shipping"); its other keys are that action's fields.
//   - Amounts are strings without a currency ("12.30"): every amount of a
//     campaign is in the campaign's currency.
//   - Rates are strings in 折 notation ("8.5折", see [pricing.ParseZhe]).
//   - Times are RFC 3339 strings with an offset ("2026-11-11T00:00:00+08:00").
//   - A schedule has "time_zone" (defaulting to the campaign's), "weekdays"
//     as "monday" ... "sunday" (the library's one spelling, as in package
//     kpi's weekly hours), and "hours" as "14:00-17:00" ("HH:MM" or
//     "HH:MM:SS", up to "24:00").
//   - A threshold tier is {"min_amount": "200.00", "off": "20.00"} or
//     {"min_amount": "200.00", "rate": "9折"}; with "basis": "quantity" it
//     is {"min_qty": 2, "rate": "8折"}. The per-every form is "every":
//     {"amount": "300.00", "off": "30.00"} (or "qty" for quantities).
//   - Scopes are "unit" (the default) and "order"; a threshold's "basis"
//     is "amount" (the default) or "quantity".
//   - The "base" of a threshold, gift or free-shipping action
//     ([ThresholdBase]) is "after_items" (the default, left out),
//     "list_price" or "running_total".
//   - null is the same as leaving a key out.
//
// Unknown keys, repeated keys, unknown kinds and values of the wrong JSON
// type are rejected, as is everything [NewEngine] rejects.
//
// # Canonical form
//
// [EncodeCampaign] writes UTF-8 without escaping non-ASCII or HTML
// characters, indented by two spaces, keys in the order of the Go struct
// fields ("kind" first in an action), zero values left out (but "id",
// "currency", "promotions" and "kind" always written, and a tier's
// "min_amount" or "min_qty" and a step's "amount" or "qty"), amounts with the currency's minor digits
// ("300.00"), rates in the shortest 折 form ("8.5折", not "85折"), times as
// [time.RFC3339Nano] in the offset they carry, a schedule's "time_zone" only
// when it differs from the campaign's, and a final newline. Decoding a
// canonical document and encoding it again reproduces it byte for byte.
//
// # Time zones
//
// Zone names are resolved when decoding by a resolver the caller may pass
// with [WithTimeZones]; the default is [time.LoadLocation], which reads the
// system's time-zone database (or the copy a program embeds by importing
// time/tzdata). A service that wants decoding free of file reads passes its
// own resolver over zones it has loaded. "Local" and "" are rejected: they
// are not portable. A zone is encoded by its [time.Location.String] name, so
// use locations from time.LoadLocation, not time.FixedZone.
//
// # Example: a 双11 campaign
//
//	{
//	  "name": "双11",
//	  "currency": "CNY",
//	  "time_zone": "Asia/Shanghai",
//	  "promotions": [
//	    {
//	      "id": "d11-every-300",
//	      "name": "每满300减30",
//	      "group": "d11-store",
//	      "start": "2026-11-11T00:00:00+08:00",
//	      "end": "2026-11-12T00:00:00+08:00",
//	      "action": {"kind": "threshold", "every": {"amount": "300.00", "off": "30.00"}}
//	    },
//	    {
//	      "id": "store-coupon-20",
//	      "name": "店铺券 满199减20",
//	      "coupon": "STORE20",
//	      "limits": {"per_customer": 1},
//	      "action": {"kind": "threshold", "tiers": [{"min_amount": "199.00", "off": "20.00"}]}
//	    },
//	    ...
//	  ]
//	}
//
// The whole document, with a platform coupon, 第二件半价 on a category,
// 满299包邮 and a gift at 500, is testdata/double11.json.
type Campaign struct {
	Name     string
	Currency pricing.Currency // of every amount in the campaign; required
	// TimeZone is the default time zone of schedules; nil when every
	// schedule names its own.
	TimeZone   *time.Location
	Promotions []Promotion
}

// ErrInvalidCampaign: a campaign document has problems; every
// *[CampaignError] matches it.
var ErrInvalidCampaign = errors.New("promo: invalid campaign")

// CampaignError lists every problem found in a campaign, so a caller can
// show them all at once: the campaign's own first, then promotion by
// promotion, each promotion's decoding problems before its validation
// problems. Each problem is a *[FieldError] (Op "decode campaign", or
// "validate campaign" from [Campaign.Validate]) whose Field is the JSON
// path ("promotions[3].action.tiers[1].min_amount", "" for the document
// as a whole). errors.Is matches [ErrInvalidCampaign] and the sentinels of
// the problems; errors.As finds the first *FieldError.
//
// Decoding reports every malformed value, up to the decoder's problem
// limit ([WithMaxProblems]); past it the last problem says that decoding
// stopped ([ErrTooLarge]). Validation adds problems the decoder cannot see
// (a zero step, N below 2, an amount not rounded to the minor unit)
// through the engine's own checks.
type CampaignError struct {
	Problems []*FieldError
}

// Error lists every problem after the operation: "promo: decode
// campaign: 2 problems: promotions[0].action.n 1: invalid action: must be
// at least 2; ...".
func (e *CampaignError) Error() string {
	var b strings.Builder
	op := "campaign"
	if len(e.Problems) > 0 && e.Problems[0].Op != "" {
		op = e.Problems[0].Op
	}
	b.WriteString("promo: " + op + ": ")
	if len(e.Problems) > 1 {
		fmt.Fprintf(&b, "%d problems: ", len(e.Problems))
	}
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(strings.TrimPrefix(p.Error(), "promo: "+p.Op+": "))
	}
	return b.String()
}

// Is reports whether target is [ErrInvalidCampaign].
func (e *CampaignError) Is(target error) bool { return target == ErrInvalidCampaign }

// Unwrap returns the problems, so errors.Is and errors.As look inside them.
func (e *CampaignError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// Limits of [DecodeCampaign], the defaults of its options.
const (
	// DefaultMaxCampaignBytes is the largest document DecodeCampaign
	// reads by default (4 MiB: 10,000 promotions of about 400 bytes); see
	// [WithMaxCampaignBytes].
	DefaultMaxCampaignBytes = 4 << 20
	// DefaultMaxProblems is the most problems DecodeCampaign reports by
	// default before it stops; see [WithMaxProblems].
	DefaultMaxProblems = 100
)

// DecodeCampaign decodes and validates a campaign document (see [Campaign]
// for the form). Every problem found, up to the problem limit, is reported
// in one *[CampaignError]; on error the returned Campaign is the zero
// value. The work is bounded by the document's size, itself bounded by
// [WithMaxCampaignBytes].
func DecodeCampaign(data []byte, opts ...Option) (Campaign, error) {
	cfg := newConfig(opts)
	if err := cfg.validateDecode(); err != nil {
		err.Op = opDecodeCampaign
		return Campaign{}, &CampaignError{Problems: []*FieldError{err}}
	}
	d := decoder{zone: cfg.zone, max: cfg.maxProblems, floor: cfg.floor, op: opDecodeCampaign}
	if len(data) > cfg.maxBytes {
		d.add("", ErrTooLarge, nil, "%d bytes, at most %d", len(data), cfg.maxBytes)
		return Campaign{}, &CampaignError{Problems: d.problems}
	}
	if !json.Valid(data) {
		var raw json.RawMessage
		err := json.Unmarshal(data, &raw)
		if err == nil { // cannot happen: Valid and Unmarshal use the same scanner
			err = errors.New("invalid JSON")
		}
		d.add("", ErrInvalidCampaign, nil, "malformed JSON: %v", err)
		return Campaign{}, &CampaignError{Problems: d.problems}
	}
	p := jsonParser{b: data}
	root := p.value()
	c, clean := d.campaign(&root)
	if c.Currency.IsValid() && !d.full() {
		d.validate(c, clean)
	}
	if len(d.problems) > 0 {
		// By promotion, campaign-level problems first; within a promotion
		// decoding problems come before validation problems.
		slices.SortStableFunc(d.problems, func(a, b *FieldError) int {
			return cmp.Compare(promotionIndex(a.Field), promotionIndex(b.Field))
		})
		return Campaign{}, &CampaignError{Problems: d.problems}
	}
	return c, nil
}

// promotionIndex is i for a path under promotions[i], -1 otherwise (and
// for the note that decoding stopped, which sorts last).
func promotionIndex(path string) int {
	if path == stoppedField {
		return math.MaxInt
	}
	rest, ok := strings.CutPrefix(path, "promotions[")
	if !ok {
		return -1
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return -1
	}
	i, err := strconv.Atoi(rest[:end])
	if err != nil {
		return -1
	}
	return i
}

// UnmarshalJSON is [DecodeCampaign] with the default time-zone resolver.
func (c *Campaign) UnmarshalJSON(data []byte) error {
	v, err := DecodeCampaign(data)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// MarshalJSON is [EncodeCampaign].
func (c Campaign) MarshalJSON() ([]byte, error) { return EncodeCampaign(c) }

// Validate reports every problem [DecodeCampaign] would find in the
// campaign's encoded form, as a *[CampaignError], or nil.
func (c Campaign) Validate() error { return c.validateAs(opValidate) }

func (c Campaign) validateAs(op string) error {
	d := decoder{max: math.MaxInt, op: op}
	d.validate(c, nil)
	if len(d.problems) > 0 {
		return &CampaignError{Problems: d.problems}
	}
	return nil
}

// EncodeCampaign validates the campaign and writes it in the canonical form
// (see [Campaign]). An invalid campaign is a *[CampaignError], so what
// EncodeCampaign writes always decodes.
func EncodeCampaign(c Campaign) ([]byte, error) {
	if err := c.validateAs(opEncodeCampaign); err != nil {
		return nil, err
	}
	w := campaignWire{Name: c.Name, Currency: c.Currency.Code(), Promotions: make([]promotionWire, len(c.Promotions))}
	if c.TimeZone != nil {
		w.TimeZone = c.TimeZone.String()
	}
	for i, p := range c.Promotions {
		w.Promotions[i] = encodePromotion(p, w.TimeZone)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(w); err != nil {
		return nil, &FieldError{Op: opEncodeCampaign, Err: ErrInvalidCampaign, Detail: err.Error()} // not reached: validated
	}
	return b.Bytes(), nil
}

// ---- validation ----

// validate adds the problems of c that decoding cannot see: the engine's
// checks promotion by promotion, a few the JSON form needs (a tier with
// both an amount and a rate off, whose JSON would be ambiguous), and
// duplicate IDs. clean[i] false skips all but the ID check for promotion
// i, whose decoding already failed (its zero values would only add noise);
// nil means every promotion is checked.
func (d *decoder) validate(c Campaign, clean []bool) {
	if !c.Currency.IsValid() {
		d.add("currency", ErrInvalidPromotion, nil, "a known currency is required")
		return
	}
	checkZone(d, "time_zone", c.TimeZone)
	first := make(map[string]int, len(c.Promotions))
	if len(c.Promotions) > MaxPromotions {
		d.add("promotions", ErrTooLarge, nil, "%d promotions, at most %d", len(c.Promotions), MaxPromotions)
		return
	}
	for i, p := range c.Promotions {
		if d.full() {
			return
		}
		path := "promotions[" + strconv.Itoa(i) + "]"
		if clean == nil || clean[i] {
			mark := len(d.problems)
			a, ok := derefAction(p.Action)
			if !ok {
				d.add(path+".action", ErrInvalidPromotion, nil, "an action is required")
			} else {
				p.Action = a
				d.checkForm(path, p)
				d.checkEngine(path, c.Currency, p, mark)
			}
		}
		if p.ID != "" {
			if j, dup := first[p.ID]; dup {
				d.add(path+".id", ErrDuplicateID, nil, "%q is also the ID of promotions[%d]", p.ID, j)
			} else {
				first[p.ID] = i
			}
		}
	}
}

// derefAction turns a pointer to an action into the action; a nil action or
// nil pointer is not ok.
func derefAction(a Action) (Action, bool) {
	switch v := a.(type) {
	case nil:
		return nil, false
	case *PercentOff:
		return deref(v)
	case *AmountOff:
		return deref(v)
	case *FixedPrice:
		return deref(v)
	case *Threshold:
		return deref(v)
	case *NthItem:
		return deref(v)
	case *BuyXGetY:
		return deref(v)
	case *BundlePrice:
		return deref(v)
	case *Combo:
		return deref(v)
	case *MemberPrice:
		return deref(v)
	case *Gift:
		return deref(v)
	case *FreeShipping:
		return deref(v)
	}
	return derefForm(a)
}

func deref[T Action](p *T) (Action, bool) {
	if p == nil {
		return nil, false
	}
	return *p, true
}

func checkZone(d *decoder, path string, loc *time.Location) {
	if loc == nil {
		return
	}
	if name := loc.String(); name == "" || name == "Local" {
		d.add(path, ErrInvalidPromotion, nil, "the zone %q has no portable name; use an IANA zone such as Asia/Shanghai", name)
	}
}

// checkForm checks what the JSON form needs beyond the engine, and the
// order of threshold tiers with the amounts in the message.
func (d *decoder) checkForm(path string, p Promotion) {
	for _, t := range []struct {
		name string
		t    time.Time
	}{{"start", p.Start}, {"end", p.End}} {
		if t.t.IsZero() {
			continue
		}
		if _, off := t.t.Zone(); off%60 != 0 {
			d.add(path+"."+t.name, ErrInvalidPromotion, nil, "the offset %ds is not whole minutes, which RFC 3339 cannot write", off)
		} else if _, err := t.t.MarshalText(); err != nil {
			d.add(path+"."+t.name, ErrInvalidPromotion, err, "not representable in RFC 3339")
		}
	}
	if s := p.Schedule; s != nil {
		checkZone(d, path+".schedule.time_zone", s.TimeZone)
	}
	ap := path + ".action"
	both := func(p, a, b string) {
		d.add(p, ErrInvalidAction, nil, "set %s or %s, not both", a, b)
	}
	switch a := p.Action.(type) {
	case Threshold:
		for i, t := range a.Tiers {
			tp := fmt.Sprintf("%s.tiers[%d]", ap, i)
			if t.Off.IsValid() && !t.Rate.IsZero() {
				both(tp, "off", "rate")
			}
			if i == 0 {
				continue
			}
			prev := a.Tiers[i-1]
			switch {
			case a.Basis == ByQuantity && t.MinQty <= prev.MinQty && !t.MinAmount.IsValid() && !prev.MinAmount.IsValid():
				d.add(tp+".min_qty", ErrInvalidAction, nil, "must be greater than tiers[%d].min_qty (%d)", i-1, prev.MinQty)
			case a.Basis == ByAmount && t.MinAmount.IsValid() && prev.MinAmount.IsValid():
				if c, err := t.MinAmount.Cmp(prev.MinAmount); err == nil && c <= 0 {
					d.add(tp+".min_amount", ErrInvalidAction, nil, "must be greater than tiers[%d].min_amount (%s)", i-1, prev.MinAmount.StringAmount())
				}
			}
		}
	case NthItem:
		if a.Free && !a.Rate.IsZero() {
			both(ap, "free", "rate")
		}
	case BuyXGetY:
		if a.Free && !a.Rate.IsZero() {
			both(ap, "free", "rate")
		}
	case MemberPrice:
		for i, t := range a.Tiers {
			if t.Price.IsValid() && !t.Rate.IsZero() {
				both(fmt.Sprintf("%s.tiers[%d]", ap, i), "price", "rate")
			}
		}
	}
}

// checkEngine runs the engine's validation on one promotion and adds each
// of its problems under the JSON path, unless a problem at that path is
// already reported since mark.
func (d *decoder) checkEngine(path string, c pricing.Currency, p Promotion, mark int) {
	_, err := NewEngine(c, []Promotion{p}, WithFloor(d.floor))
	if err == nil {
		return
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, err := range errs {
		d.addEngineProblem(path, mark, err)
	}
}

func (d *decoder) addEngineProblem(path string, mark int, err error) {
	var fe *FieldError
	if !errors.As(err, &fe) {
		d.add(path, ErrInvalidPromotion, nil, "%v", err)
		return
	}
	at := path
	if rest, ok := strings.CutPrefix(fe.Field, "promotions[0]"); ok {
		at += rest
	}
	for _, q := range d.problems[mark:] {
		if q.Field == at {
			return
		}
	}
	if d.full() {
		return
	}
	// The engine names the fields by their JSON keys; only the operation
	// and the promotion's index change.
	q := *fe
	q.Op, q.Field = d.op, at
	d.problems = append(d.problems, &q)
	d.stopIfFull()
}

// ---- decoding ----

// decoder walks a parsed document, collecting problems.
type decoder struct {
	cur      pricing.Currency // the campaign's, or a stand-in while it is invalid
	zone     func(string) (*time.Location, error)
	zones    map[string]*time.Location // resolved names; nil for a name that did not resolve
	floor    pricing.FloorPolicy       // WithFloor: campaign names are checked against it
	op       string
	max      int // the most problems before decoding stops
	problems []*FieldError
}

// stoppedField marks the last problem, that says decoding stopped.
const stoppedField = "..."

// add records a problem, unless the limit is reached. A cause (a pricing
// parse error) takes the sentinel's place in Err, so errors.Is finds it
// (issue 14: a pricing error is wrapped as it is).
func (d *decoder) add(path string, sentinel, cause error, why string, args ...any) {
	if d.full() {
		return
	}
	if len(args) > 0 {
		why = fmt.Sprintf(why, args...)
	}
	if cause != nil {
		sentinel = cause
	}
	d.problems = append(d.problems, &FieldError{Op: d.op, Field: path, Err: sentinel, Detail: why})
	d.stopIfFull()
}

// addGot records a problem about the value v: a string, number, boolean or
// null is the problem's Value; an object or a list is named in the detail.
func (d *decoder) addGot(path string, sentinel, cause error, v *jsonValue, why string, args ...any) {
	if v.kind == '{' || v.kind == '[' {
		d.add(path, sentinel, cause, why+", got "+v.describe(), args...)
		return
	}
	d.addValue(path, sentinel, cause, v.describe(), why, args...)
}

// addValue records a problem with the offending value as text.
func (d *decoder) addValue(path string, sentinel, cause error, value, why string, args ...any) {
	if d.full() {
		return
	}
	d.add(path, sentinel, cause, why, args...)
	d.problems[len(d.problems)-1].Value = value // the problem just added: add appends one unless full
}

// stopIfFull adds the note that decoding stopped when the limit is reached.
func (d *decoder) stopIfFull() {
	if len(d.problems) == d.max {
		d.problems = append(d.problems, &FieldError{Op: d.op, Field: stoppedField, Err: ErrTooLarge,
			Detail: fmt.Sprintf("stopped after %d problems", d.max)})
	}
}

// full reports whether the problem limit is reached: decoding stops.
func (d *decoder) full() bool { return len(d.problems) >= d.max }

func (d *decoder) campaign(v *jsonValue) (Campaign, []bool) {
	var c Campaign
	o := d.object("", ErrInvalidPromotion, v)
	if o == nil {
		return c, nil
	}
	c.Name = o.str("name")
	// Amounts are parsed in a stand-in currency while the campaign's is
	// missing, so their problems are reported too.
	d.cur = pricing.CNY
	if code, ok := o.strOK("currency"); ok {
		cur, err := pricing.ParseCurrency(code)
		if err != nil {
			d.add("currency", ErrInvalidPromotion, err, "unknown currency %q", code)
		} else {
			c.Currency, d.cur = cur, cur
		}
	} else if o.has("currency") {
		// wrong type, reported
	} else {
		d.add("currency", ErrInvalidPromotion, nil, "a currency is required")
	}
	c.TimeZone = o.zone("time_zone")
	var clean []bool
	if list := o.list("promotions"); list != nil {
		c.Promotions = make([]Promotion, len(list.elems))
		clean = make([]bool, len(list.elems))
		if len(list.elems) > MaxPromotions {
			d.add("promotions", ErrTooLarge, nil, "%d promotions, at most %d", len(list.elems), MaxPromotions)
			return c, nil
		}
		for i := range list.elems {
			if d.full() {
				break
			}
			mark := len(d.problems)
			c.Promotions[i] = d.promotion("promotions["+strconv.Itoa(i)+"]", &list.elems[i], c.TimeZone)
			clean[i] = len(d.problems) == mark
		}
	}
	o.done()
	return c, clean
}

func (d *decoder) promotion(path string, v *jsonValue, zone *time.Location) Promotion {
	var p Promotion
	o := d.object(path, ErrInvalidPromotion, v)
	if o == nil {
		return p
	}
	p.ID = o.str("id")
	if !o.has("id") {
		d.add(path+".id", ErrInvalidPromotion, nil, "an ID is required")
	}
	p.Name = o.str("name")
	p.Priority = int(o.intIn("priority", -1<<31, 1<<31-1))
	p.Group = o.str("group")
	p.Exclusive = o.flag("exclusive")
	p.Stackable = o.flag("stackable")
	p.Start = o.time("start")
	p.End = o.time("end")
	if s := o.object("schedule"); s != nil {
		p.Schedule = &Schedule{TimeZone: zone}
		if s.has("time_zone") {
			p.Schedule.TimeZone = s.zone("time_zone")
		}
		if list := s.list("weekdays"); list != nil {
			for i := range list.elems {
				p.Schedule.Weekdays = append(p.Schedule.Weekdays, s.weekday(i, &list.elems[i]))
			}
		}
		if list := s.list("hours"); list != nil {
			for i := range list.elems {
				p.Schedule.Hours = append(p.Schedule.Hours, s.hours(i, &list.elems[i]))
			}
		}
		s.done()
	}
	p.Channels = o.strs("channels")
	if c := o.object("conditions"); c != nil {
		p.Conditions = Conditions{Tiers: c.strs("tiers"), FirstOrder: c.flag("first_order"), Tags: c.strs("tags")}
		c.done()
	}
	if t := o.object("target"); t != nil {
		p.Target = t.selector()
	}
	p.Coupon = o.str("coupon")
	if l := o.object("limits"); l != nil {
		p.Limits = Limits{Total: l.int("total"), PerCustomer: l.int("per_customer"), Budget: l.amount("budget")}
		l.done()
	}
	p.Campaign = o.str("campaign")
	if a := o.value("action"); a != nil {
		p.Action = d.action(path+".action", a)
	} else {
		d.add(path+".action", ErrInvalidPromotion, nil, "an action is required")
	}
	o.done()
	return p
}

// kinds are the action kinds, in the order of the package doc.
var kinds = []string{"percent-off", "amount-off", "fixed-price", "threshold", "nth-item", "buy-x-get-y",
	"bundle-price", "combo", "member-price", "gift", "free-shipping", "limited-units", "issue-coupon", "points-redemption", "presale"}

func (d *decoder) action(path string, v *jsonValue) Action {
	o := d.object(path, ErrInvalidAction, v)
	if o == nil {
		return nil
	}
	kind, ok := o.strOK("kind")
	if !ok {
		if !o.has("kind") {
			d.add(path+".kind", ErrInvalidAction, nil, "a kind is required: one of %s", strings.Join(kinds, ", "))
		}
		return nil
	}
	var a Action
	switch kind {
	case "percent-off":
		a = PercentOff{Rate: o.rate("rate"), Cap: o.amount("cap"), Scope: o.scope()}
	case "amount-off":
		a = AmountOff{Amount: o.amount("amount"), Scope: o.scope()}
	case "fixed-price":
		a = FixedPrice{Price: o.amount("price")}
	case "threshold":
		a = o.threshold()
	case "nth-item":
		a = NthItem{N: o.int("n"), Rate: o.rate("rate"), Free: o.flag("free")}
	case "buy-x-get-y":
		b := BuyXGetY{BuyQty: o.int("buy_qty")}
		if g := o.object("get"); g != nil {
			s := g.selector()
			b.Get = &s
		}
		b.GetQty, b.Free, b.Rate, b.MaxTimes = o.int("get_qty"), o.flag("free"), o.rate("rate"), o.int("max_times")
		b.PartialGroups = o.flag("partial_groups")
		a = b
	case "bundle-price":
		a = BundlePrice{Qty: o.int("qty"), Price: o.amount("price"), MaxTimes: o.int("max_times")}
	case "combo":
		c := Combo{}
		o.each("parts", func(e *jsonObject) {
			part := ComboPart{}
			if it := e.object("items"); it != nil {
				part.Items = it.selector()
			}
			part.Qty = e.int("qty")
			c.Parts = append(c.Parts, part)
		})
		c.Price, c.MaxTimes = o.amount("price"), o.int("max_times")
		a = c
	case "member-price":
		m := MemberPrice{}
		o.each("tiers", func(e *jsonObject) {
			m.Tiers = append(m.Tiers, MemberTier{Tier: e.str("tier"), Price: e.amount("price"), Rate: e.rate("rate")})
		})
		a = m
	case "gift":
		g := Gift{MinAmount: o.amount("min_amount"), MinQty: o.int("min_qty")}
		o.each("options", func(e *jsonObject) {
			g.Options = append(g.Options, GiftOption{SKU: e.str("sku"), Name: e.str("name"), Qty: e.int("qty"), Value: e.amount("value")})
		})
		g.Base = o.base()
		a = g
	case "free-shipping":
		a = FreeShipping{MinAmount: o.amount("min_amount"), MinQty: o.int("min_qty"), Off: o.amount("off"), Base: o.base()}
	default:
		if a = o.formAction(kind); a == nil {
			d.add(path+".kind", ErrInvalidAction, nil, "unknown kind %q: want one of %s", kind, strings.Join(kinds, ", "))
			return nil
		}
	}
	o.done()
	return a
}

func (o *jsonObject) scope() Scope {
	var sc Scope
	if s, ok := o.strOK("scope"); ok && sc.UnmarshalText([]byte(s)) != nil {
		o.d.add(o.at("scope"), o.sentinel, nil, "unknown scope %q: want unit or order", s)
	}
	return sc
}

func (o *jsonObject) threshold() Threshold {
	var t Threshold
	if s, ok := o.strOK("basis"); ok && t.Basis.UnmarshalText([]byte(s)) != nil {
		o.d.add(o.at("basis"), o.sentinel, nil, "unknown basis %q: want amount or quantity", s)
	}
	o.each("tiers", func(e *jsonObject) {
		var tier Tier
		tier.MinAmount, tier.MinQty = e.minimum("min_amount", "min_qty", t.Basis)
		tier.Off, tier.Rate = e.amount("off"), e.rate("rate")
		t.Tiers = append(t.Tiers, tier)
	})
	if e := o.object("every"); e != nil {
		var s Step
		s.Amount, s.Qty = e.minimum("amount", "qty", t.Basis)
		s.Off, s.MaxTimes = e.amount("off"), e.int("max_times")
		t.Every = &s
		e.done()
	}
	t.Base = o.base()
	return t
}

// base reads a threshold's "base"; left out, it is [BaseAfterItems].
func (o *jsonObject) base() ThresholdBase {
	var b ThresholdBase
	if s, ok := o.strOK("base"); ok && b.UnmarshalText([]byte(s)) != nil {
		o.d.add(o.at("base"), o.sentinel, nil, "unknown base %q: want after_items, list_price or running_total", s)
	}
	return b
}

// minimum reads a threshold: an amount string under amountKey, or for
// ByQuantity a whole number under qtyKey. It is required.
func (o *jsonObject) minimum(amountKey, qtyKey string, b Basis) (pricing.Money, int64) {
	key, other := amountKey, qtyKey
	if b == ByQuantity {
		key, other = qtyKey, amountKey
	}
	if o.has(other) {
		o.value(other) // taken: the problem is reported here, not as an unknown field
		o.d.add(o.at(other), o.sentinel, nil, "a threshold by %s takes %q", map[Basis]string{ByAmount: "amount", ByQuantity: "quantity"}[b], key)
	}
	if !o.has(key) {
		o.d.add(o.at(key), o.sentinel, nil, "a threshold is required")
		return pricing.Money{}, 0
	}
	if b == ByQuantity {
		return pricing.Money{}, o.intIn(key, 0, MaxUnits)
	}
	return o.amount(key), 0
}

func (o *jsonObject) selector() Selector {
	s := Selector{
		SKUs: o.strs("skus"), Products: o.strs("products"), Categories: o.strs("categories"), Tags: o.strs("tags"),
		ExcludeSKUs: o.strs("exclude_skus"), ExcludeProducts: o.strs("exclude_products"),
		ExcludeCategories: o.strs("exclude_categories"), ExcludeTags: o.strs("exclude_tags"),
	}
	o.done()
	return s
}

func (o *jsonObject) weekday(i int, v *jsonValue) time.Weekday {
	path := fmt.Sprintf("%s[%d]", o.at("weekdays"), i)
	if v.kind != 's' {
		o.d.add(path, o.sentinel, nil, "want a weekday name such as \"monday\"")
		return 0
	}
	if d, ok := civil.ParseWeekday(v.text); ok {
		return d
	}
	o.d.add(path, o.sentinel, nil, "unknown weekday %q: want monday, tuesday, wednesday, thursday, friday, saturday or sunday", clip(v.text))
	return 0
}

func (o *jsonObject) hours(i int, v *jsonValue) ClockRange {
	path := fmt.Sprintf("%s[%d]", o.at("hours"), i)
	if v.kind != 's' {
		o.d.addGot(path, o.sentinel, nil, v, "want a clock range such as \"14:00-17:00\"")
		return ClockRange{}
	}
	r, err := civil.ParseClockRange(v.text)
	if err != nil {
		// internal/civil's error becomes this package's problem: its
		// detail, under the promotion's sentinel.
		detail := "want a clock range such as \"14:00-17:00\""
		var ce *civil.Error
		if errors.As(err, &ce) && ce.Detail != "" {
			detail = ce.Detail
		}
		o.d.addGot(path, o.sentinel, nil, v, "%s", detail)
		return ClockRange{}
	}
	return r
}

// jsonObject is an object being read: each key is taken once, and done
// reports the keys never taken.
type jsonObject struct {
	d        *decoder
	path     string
	sentinel error
	v        *jsonValue
	used     []bool
}

func (d *decoder) object(path string, sentinel error, v *jsonValue) *jsonObject {
	if v.kind != '{' {
		d.addGot(path, sentinel, nil, v, "want an object")
		return nil
	}
	if v.more > 0 {
		d.add(path, ErrTooLarge, nil, "%d keys, at most %d read", len(v.keys)+v.more, maxJSONKeys)
	}
	return &jsonObject{d: d, path: path, sentinel: sentinel, v: v, used: make([]bool, len(v.keys))}
}

func (o *jsonObject) at(key string) string {
	if o.path == "" {
		return key
	}
	return o.path + "." + key
}

// value returns the value of key, nil when it is absent or null.
func (o *jsonObject) value(key string) *jsonValue {
	var found *jsonValue
	for i, k := range o.v.keys {
		if k != key {
			continue
		}
		if found != nil && !o.used[i] {
			o.d.add(o.at(key), o.sentinel, nil, "repeated key") // bounded by the problem limit
		}
		o.used[i] = true
		if found == nil {
			found = &o.v.elems[i]
		}
	}
	if found != nil && found.kind == 'z' {
		return nil
	}
	return found
}

// has reports whether key is present and not null.
func (o *jsonObject) has(key string) bool {
	for i, k := range o.v.keys {
		if k == key {
			return o.v.elems[i].kind != 'z'
		}
	}
	return false
}

func (o *jsonObject) done() {
	for i, k := range o.v.keys {
		if o.d.full() {
			return
		}
		if !o.used[i] {
			o.d.add(o.at(k), o.sentinel, nil, "unknown field")
		}
	}
}

func (o *jsonObject) strOK(key string) (string, bool) {
	v := o.value(key)
	if v == nil {
		return "", false
	}
	if v.kind != 's' {
		o.d.addGot(o.at(key), o.sentinel, nil, v, "want a string")
		return "", false
	}
	return v.text, true
}

func (o *jsonObject) str(key string) string {
	s, _ := o.strOK(key)
	return s
}

func (o *jsonObject) strs(key string) []string {
	list := o.list(key)
	if list == nil {
		return nil
	}
	out := make([]string, 0, len(list.elems))
	for i, e := range list.elems {
		if e.kind != 's' {
			o.d.addGot(fmt.Sprintf("%s[%d]", o.at(key), i), o.sentinel, nil, &e, "want a string")
			continue
		}
		out = append(out, e.text)
	}
	return out
}

func (o *jsonObject) list(key string) *jsonValue {
	v := o.value(key)
	if v == nil {
		return nil
	}
	if v.kind != '[' {
		o.d.addGot(o.at(key), o.sentinel, nil, v, "want a list")
		return nil
	}
	if v.more > 0 {
		o.d.add(o.at(key), ErrTooLarge, nil, "%d entries, at most %d", len(v.elems)+v.more, maxJSONElems-1)
		return nil
	}
	return v
}

// each calls f with every element of the list of objects at key, then
// reports the element's unknown keys.
func (o *jsonObject) each(key string, f func(*jsonObject)) {
	list := o.list(key)
	if list == nil {
		return
	}
	for i := range list.elems {
		e := o.d.object(fmt.Sprintf("%s[%d]", o.at(key), i), o.sentinel, &list.elems[i])
		if e == nil {
			continue
		}
		f(e)
		e.done()
	}
}

func (o *jsonObject) object(key string) *jsonObject {
	v := o.value(key)
	if v == nil {
		return nil
	}
	return o.d.object(o.at(key), o.sentinel, v)
}

func (o *jsonObject) flag(key string) bool {
	v := o.value(key)
	if v == nil {
		return false
	}
	if v.kind != 'b' {
		o.d.addGot(o.at(key), o.sentinel, nil, v, "want true or false")
		return false
	}
	return v.text == "true"
}

func (o *jsonObject) int(key string) int64 {
	return o.intIn(key, -1<<63, 1<<63-1)
}

func (o *jsonObject) intIn(key string, lo, hi int64) int64 {
	v := o.value(key)
	if v == nil {
		return 0
	}
	if v.kind == 'n' {
		if n, err := strconv.ParseInt(v.text, 10, 64); err == nil && n >= lo && n <= hi {
			return n
		}
	}
	o.d.addGot(o.at(key), o.sentinel, nil, v, "want a whole number from %d to %d", lo, hi)
	return 0
}

func (o *jsonObject) amount(key string) pricing.Money {
	v := o.value(key)
	if v == nil {
		return pricing.Money{}
	}
	if v.kind != 's' {
		o.d.addGot(o.at(key), o.sentinel, nil, v, "want an amount as a string such as \"12.30\"")
		return pricing.Money{}
	}
	m, err := pricing.New(v.text, o.d.cur)
	if err != nil {
		o.d.addValue(o.at(key), o.sentinel, err, strconv.Quote(clip(v.text)), "want a plain decimal amount such as \"12.30\"")
		return pricing.Money{}
	}
	return m
}

func (o *jsonObject) rate(key string) pricing.Rate {
	v := o.value(key)
	if v == nil {
		return pricing.Rate{}
	}
	if v.kind != 's' {
		o.d.addGot(o.at(key), o.sentinel, nil, v, "want a rate as a string such as \"8.5折\"")
		return pricing.Rate{}
	}
	r, err := pricing.ParseZhe(v.text)
	if err != nil {
		o.d.addValue(o.at(key), o.sentinel, err, strconv.Quote(clip(v.text)), "want a rate such as \"8.5折\" in (0折, 10折]")
	}
	return r
}

func (o *jsonObject) time(key string) time.Time {
	v := o.value(key)
	if v == nil {
		return time.Time{}
	}
	var t time.Time
	if v.kind != 's' || t.UnmarshalText([]byte(v.text)) != nil {
		o.d.addGot(o.at(key), o.sentinel, nil, v, "want an RFC 3339 time such as \"2026-11-11T00:00:00+08:00\"")
		return time.Time{}
	}
	return t
}

// zone reads and resolves a time-zone name.
func (o *jsonObject) zone(key string) *time.Location {
	name, ok := o.strOK(key)
	if !ok {
		return nil
	}
	if name == "" || name == "Local" {
		o.d.addValue(o.at(key), o.sentinel, nil, strconv.Quote(name), "want an IANA time zone such as \"Asia/Shanghai\"")
		return nil
	}
	if o.d.zones == nil {
		o.d.zones = make(map[string]*time.Location)
	}
	loc, seen := o.d.zones[name]
	if !seen && !o.d.full() {
		var err error
		if loc, err = o.d.zone(name); err != nil {
			loc = nil
		}
		o.d.zones[name] = loc // a name that does not resolve is not tried again
	}
	if loc == nil {
		o.d.add(o.at(key), o.sentinel, nil, "unknown time zone %q", clip(name))
	}
	return loc
}

// clip shortens s, for messages, to at most 40 bytes cut at a rune start,
// and "..." added: invalid UTF-8 with no rune start in bytes 1 to 40 is
// cut to "..." alone, so a message never carries more than 43 bytes of it.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 40 // the cut: the last rune start at or before byte 40, or 0
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}

// ---- a JSON tree ----

// jsonValue is a parsed JSON value. kind is '{' (keys and elems), '['
// (elems), 's' (text unescaped), 'n' (text the literal), 'b' (text "true"
// or "false") or 'z' (null).
type jsonValue struct {
	kind  byte
	text  string
	keys  []string
	elems []jsonValue
	more  int // members skipped beyond maxJSONKeys or maxJSONElems
}

// Bounds of the tree the parser builds; members beyond them are skipped
// (scanned, not built) and reported. No object of the campaign form has
// more than 17 keys, and no list may hold more than MaxSelectorList (or
// MaxPromotions) entries, so a document beyond them has problems anyway;
// the bounds keep a document of one repeated key (issue 12: 9 MB of it)
// from building a tree of a million members and searching it per key.
const (
	maxJSONKeys  = 256
	maxJSONElems = max(MaxSelectorList, MaxPromotions) + 1
)

func (v *jsonValue) describe() string {
	switch v.kind {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 's':
		return strconv.Quote(clip(v.text))
	case 'z':
		return "null"
	}
	return clip(v.text)
}

// jsonParser reads a document json.Valid has accepted, so it needs no
// error handling; it still checks bounds so that it cannot panic.
//
// Why a parser of its own rather than encoding/json's Decoder.Token (issue
// 14 asks for a measured reason): Token gives keys in order, so repeated
// keys and paths could be had from it, but on the 100-promotion campaign of
// bench_json_test.go (2026-12, 2-core machine shared, -cpu 1, -count 3)
// merely walking the tokens costs 1.6-2.0 ms and 11,850 allocations
// (BenchmarkTokenWalk100: every token is an interface value, every number
// a json.Number), while json.Valid plus this parser builds the whole tree
// in 0.9-1.2 ms with 3,629 allocations (BenchmarkParseOnly100). A decoder
// on Token would cost at least the walk plus the decoding. The parser is
// 150 lines, strings are unescaped by encoding/json itself, and the work
// is bounded by the document's size, itself bounded by
// WithMaxCampaignBytes.
type jsonParser struct {
	b []byte
	i int
}

func (p *jsonParser) ws() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\t' || p.b[p.i] == '\n' || p.b[p.i] == '\r') {
		p.i++
	}
}

func (p *jsonParser) value() jsonValue {
	p.ws()
	if p.i >= len(p.b) {
		return jsonValue{kind: 'z'}
	}
	switch c := p.b[p.i]; c {
	case '{':
		p.i++
		v := jsonValue{kind: '{'}
		for {
			p.ws()
			if p.i >= len(p.b) || p.b[p.i] == '}' {
				p.i++
				return v
			}
			if p.b[p.i] == ',' {
				p.i++
				p.ws()
			}
			if len(v.keys) == maxJSONKeys {
				p.skipString()
				p.ws()
				p.i++ // ':'
				p.skip()
				v.more++
				continue
			}
			key := p.str()
			p.ws()
			p.i++ // ':'
			v.keys = append(v.keys, key)
			v.elems = append(v.elems, p.value())
		}
	case '[':
		p.i++
		v := jsonValue{kind: '['}
		for {
			p.ws()
			if p.i >= len(p.b) || p.b[p.i] == ']' {
				p.i++
				return v
			}
			if p.b[p.i] == ',' {
				p.i++
			}
			if len(v.elems) == maxJSONElems {
				p.skip()
				v.more++
				continue
			}
			v.elems = append(v.elems, p.value())
		}
	case '"':
		return jsonValue{kind: 's', text: p.str()}
	case 't':
		p.i += 4
		return jsonValue{kind: 'b', text: "true"}
	case 'f':
		p.i += 5
		return jsonValue{kind: 'b', text: "false"}
	case 'n':
		p.i += 4
		return jsonValue{kind: 'z'}
	default:
		start := p.i
		for p.i < len(p.b) && strings.IndexByte("+-0123456789.eE", p.b[p.i]) >= 0 {
			p.i++
		}
		return jsonValue{kind: 'n', text: string(p.b[start:p.i])}
	}
}

// skip passes over the value at p.i without building it.
func (p *jsonParser) skip() {
	p.ws()
	depth := 0
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case '"':
			p.skipString()
			if depth == 0 {
				return
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth <= 0 {
				p.i++
				return
			}
		case ',':
			if depth == 0 {
				return
			}
		}
		p.i++
		if depth == 0 && p.i < len(p.b) && strings.IndexByte(",}] \t\r\n", p.b[p.i]) >= 0 {
			return // the end of a number, true, false or null
		}
	}
}

// skipString passes over the string at p.i.
func (p *jsonParser) skipString() {
	p.i++
	for p.i < len(p.b) && p.b[p.i] != '"' {
		if p.b[p.i] == '\\' {
			p.i++
		}
		p.i++
	}
	p.i++
}

// str reads a string at p.i, unescaping it.
func (p *jsonParser) str() string {
	start, escaped := p.i, false
	p.i++
	for p.i < len(p.b) && p.b[p.i] != '"' {
		if p.b[p.i] == '\\' {
			escaped = true
			p.i++
		}
		p.i++
	}
	p.i++
	if p.i > len(p.b) {
		return ""
	}
	raw := p.b[start:p.i]
	if !escaped && utf8.Valid(raw) {
		return string(raw[1 : len(raw)-1])
	}
	var s string
	_ = json.Unmarshal(raw, &s) // valid: json.Valid accepted the document
	return s
}

// ---- encoding ----

type campaignWire struct {
	Name       string          `json:"name,omitempty"`
	Currency   string          `json:"currency"`
	TimeZone   string          `json:"time_zone,omitempty"`
	Promotions []promotionWire `json:"promotions"`
}

type promotionWire struct {
	ID         string          `json:"id"`
	Name       string          `json:"name,omitempty"`
	Priority   int             `json:"priority,omitempty"`
	Group      string          `json:"group,omitempty"`
	Exclusive  bool            `json:"exclusive,omitempty"`
	Stackable  bool            `json:"stackable,omitempty"`
	Start      string          `json:"start,omitempty"`
	End        string          `json:"end,omitempty"`
	Schedule   *scheduleWire   `json:"schedule,omitempty"`
	Channels   []string        `json:"channels,omitempty"`
	Conditions *conditionsWire `json:"conditions,omitempty"`
	Target     *selectorWire   `json:"target,omitempty"`
	Coupon     string          `json:"coupon,omitempty"`
	Limits     *limitsWire     `json:"limits,omitempty"`
	Campaign   string          `json:"campaign,omitempty"`
	Action     any             `json:"action"`
}

type scheduleWire struct {
	TimeZone string   `json:"time_zone,omitempty"`
	Weekdays []string `json:"weekdays,omitempty"`
	Hours    []string `json:"hours,omitempty"`
}

type conditionsWire struct {
	Tiers      []string `json:"tiers,omitempty"`
	FirstOrder bool     `json:"first_order,omitempty"`
	Tags       []string `json:"tags,omitempty"`
}

type selectorWire struct {
	SKUs              []string `json:"skus,omitempty"`
	Products          []string `json:"products,omitempty"`
	Categories        []string `json:"categories,omitempty"`
	Tags              []string `json:"tags,omitempty"`
	ExcludeSKUs       []string `json:"exclude_skus,omitempty"`
	ExcludeProducts   []string `json:"exclude_products,omitempty"`
	ExcludeCategories []string `json:"exclude_categories,omitempty"`
	ExcludeTags       []string `json:"exclude_tags,omitempty"`
}

type limitsWire struct {
	Total       int64  `json:"total,omitempty"`
	PerCustomer int64  `json:"per_customer,omitempty"`
	Budget      string `json:"budget,omitempty"`
}

type percentOffWire struct {
	Kind  string `json:"kind"`
	Rate  string `json:"rate,omitempty"`
	Cap   string `json:"cap,omitempty"`
	Scope string `json:"scope,omitempty"`
}

type amountOffWire struct {
	Kind   string `json:"kind"`
	Amount string `json:"amount,omitempty"`
	Scope  string `json:"scope,omitempty"`
}

type fixedPriceWire struct {
	Kind  string `json:"kind"`
	Price string `json:"price,omitempty"`
}

type thresholdWire struct {
	Kind  string     `json:"kind"`
	Basis string     `json:"basis,omitempty"`
	Tiers []tierWire `json:"tiers,omitempty"`
	Every *stepWire  `json:"every,omitempty"`
	Base  string     `json:"base,omitempty"`
}

type tierWire struct {
	MinAmount string `json:"min_amount,omitempty"`
	MinQty    *int64 `json:"min_qty,omitempty"` // set for ByQuantity, even when 0
	Off       string `json:"off,omitempty"`
	Rate      string `json:"rate,omitempty"`
}

type stepWire struct {
	Amount   string `json:"amount,omitempty"`
	Qty      *int64 `json:"qty,omitempty"` // set for ByQuantity, even when 0
	Off      string `json:"off,omitempty"`
	MaxTimes int64  `json:"max_times,omitempty"`
}

type nthItemWire struct {
	Kind string `json:"kind"`
	N    int64  `json:"n,omitempty"`
	Rate string `json:"rate,omitempty"`
	Free bool   `json:"free,omitempty"`
}

type buyXGetYWire struct {
	Kind     string        `json:"kind"`
	BuyQty   int64         `json:"buy_qty,omitempty"`
	Get      *selectorWire `json:"get,omitempty"`
	GetQty   int64         `json:"get_qty,omitempty"`
	Free     bool          `json:"free,omitempty"`
	Rate     string        `json:"rate,omitempty"`
	MaxTimes int64         `json:"max_times,omitempty"`
	Partial  bool          `json:"partial_groups,omitempty"`
}

type bundlePriceWire struct {
	Kind     string `json:"kind"`
	Qty      int64  `json:"qty,omitempty"`
	Price    string `json:"price,omitempty"`
	MaxTimes int64  `json:"max_times,omitempty"`
}

type comboWire struct {
	Kind     string          `json:"kind"`
	Parts    []comboPartWire `json:"parts,omitempty"`
	Price    string          `json:"price,omitempty"`
	MaxTimes int64           `json:"max_times,omitempty"`
}

type comboPartWire struct {
	Items *selectorWire `json:"items,omitempty"`
	Qty   int64         `json:"qty,omitempty"`
}

type memberPriceWire struct {
	Kind  string           `json:"kind"`
	Tiers []memberTierWire `json:"tiers,omitempty"`
}

type memberTierWire struct {
	Tier  string `json:"tier,omitempty"`
	Price string `json:"price,omitempty"`
	Rate  string `json:"rate,omitempty"`
}

type giftWire struct {
	Kind      string           `json:"kind"`
	MinAmount string           `json:"min_amount,omitempty"`
	MinQty    int64            `json:"min_qty,omitempty"`
	Options   []giftOptionWire `json:"options,omitempty"`
	Base      string           `json:"base,omitempty"`
}

type giftOptionWire struct {
	SKU   string `json:"sku,omitempty"`
	Name  string `json:"name,omitempty"`
	Qty   int64  `json:"qty,omitempty"`
	Value string `json:"value,omitempty"`
}

type freeShippingWire struct {
	Kind      string `json:"kind"`
	MinAmount string `json:"min_amount,omitempty"`
	MinQty    int64  `json:"min_qty,omitempty"`
	Off       string `json:"off,omitempty"`
	Base      string `json:"base,omitempty"`
}

// encodePromotion writes a validated promotion; zone is the campaign's
// time-zone name.
func encodePromotion(p Promotion, zone string) promotionWire {
	w := promotionWire{ID: p.ID, Name: p.Name, Priority: p.Priority, Group: p.Group, Exclusive: p.Exclusive,
		Stackable: p.Stackable, Start: timeText(p.Start), End: timeText(p.End), Channels: p.Channels,
		Target: selectorOf(p.Target), Coupon: p.Coupon, Campaign: p.Campaign}
	if s := p.Schedule; s != nil {
		sw := &scheduleWire{}
		if name := s.TimeZone.String(); name != zone {
			sw.TimeZone = name
		}
		for _, d := range s.Weekdays {
			sw.Weekdays = append(sw.Weekdays, civil.WeekdayName(d))
		}
		for _, h := range s.Hours {
			sw.Hours = append(sw.Hours, h.String())
		}
		w.Schedule = sw
	}
	if c := p.Conditions; len(c.Tiers) > 0 || c.FirstOrder || len(c.Tags) > 0 {
		w.Conditions = &conditionsWire{Tiers: c.Tiers, FirstOrder: c.FirstOrder, Tags: c.Tags}
	}
	if l := p.Limits; l.Total != 0 || l.PerCustomer != 0 || l.Budget.IsValid() {
		w.Limits = &limitsWire{Total: l.Total, PerCustomer: l.PerCustomer, Budget: amountText(l.Budget)}
	}
	a, _ := derefAction(p.Action)
	w.Action = encodeAction(a)
	return w
}

func encodeAction(a Action) any {
	switch a := a.(type) {
	case PercentOff:
		return percentOffWire{Kind: a.Kind(), Rate: rateText(a.Rate), Cap: amountText(a.Cap), Scope: scopeText(a.Scope)}
	case AmountOff:
		return amountOffWire{Kind: a.Kind(), Amount: amountText(a.Amount), Scope: scopeText(a.Scope)}
	case FixedPrice:
		return fixedPriceWire{Kind: a.Kind(), Price: amountText(a.Price)}
	case Threshold:
		w := thresholdWire{Kind: a.Kind(), Base: baseText(a.Base)}
		if a.Basis != ByAmount {
			w.Basis = basisNames[a.Basis] // validated
		}
		for _, t := range a.Tiers {
			w.Tiers = append(w.Tiers, tierWire{MinAmount: amountText(t.MinAmount), MinQty: qtyText(a.Basis, t.MinQty),
				Off: amountText(t.Off), Rate: rateText(t.Rate)})
		}
		if e := a.Every; e != nil {
			w.Every = &stepWire{Amount: amountText(e.Amount), Qty: qtyText(a.Basis, e.Qty), Off: amountText(e.Off), MaxTimes: e.MaxTimes}
		}
		return w
	case NthItem:
		return nthItemWire{Kind: a.Kind(), N: a.N, Rate: rateText(a.Rate), Free: a.Free}
	case BuyXGetY:
		w := buyXGetYWire{Kind: a.Kind(), BuyQty: a.BuyQty, GetQty: a.GetQty, Free: a.Free, Rate: rateText(a.Rate), MaxTimes: a.MaxTimes, Partial: a.PartialGroups}
		if a.Get != nil {
			w.Get = selectorOf(*a.Get)
			if w.Get == nil {
				w.Get = &selectorWire{}
			}
		}
		return w
	case BundlePrice:
		return bundlePriceWire{Kind: a.Kind(), Qty: a.Qty, Price: amountText(a.Price), MaxTimes: a.MaxTimes}
	case Combo:
		w := comboWire{Kind: a.Kind(), Price: amountText(a.Price), MaxTimes: a.MaxTimes}
		for _, p := range a.Parts {
			w.Parts = append(w.Parts, comboPartWire{Items: selectorOf(p.Items), Qty: p.Qty})
		}
		return w
	case MemberPrice:
		w := memberPriceWire{Kind: a.Kind()}
		for _, t := range a.Tiers {
			w.Tiers = append(w.Tiers, memberTierWire{Tier: t.Tier, Price: amountText(t.Price), Rate: rateText(t.Rate)})
		}
		return w
	case Gift:
		w := giftWire{Kind: a.Kind(), MinAmount: amountText(a.MinAmount), MinQty: a.MinQty, Base: baseText(a.Base)}
		for _, o := range a.Options {
			w.Options = append(w.Options, giftOptionWire{SKU: o.SKU, Name: o.Name, Qty: o.Qty, Value: amountText(o.Value)})
		}
		return w
	case FreeShipping:
		return freeShippingWire{Kind: a.Kind(), MinAmount: amountText(a.MinAmount), MinQty: a.MinQty, Off: amountText(a.Off), Base: baseText(a.Base)}
	}
	return encodeForm(a)
}

// baseText is a base's name, empty for the default (left out).
func baseText(b ThresholdBase) string {
	if b == BaseAfterItems {
		return ""
	}
	return baseNames[b] // validated
}

func selectorOf(s Selector) *selectorWire {
	w := selectorWire(s)
	if len(w.SKUs)+len(w.Products)+len(w.Categories)+len(w.Tags)+len(w.ExcludeSKUs)+len(w.ExcludeProducts)+
		len(w.ExcludeCategories)+len(w.ExcludeTags) == 0 {
		return nil
	}
	return &w
}

// qtyText is a threshold's quantity, written for ByQuantity only.
func qtyText(b Basis, q int64) *int64 {
	if b != ByQuantity {
		return nil
	}
	return &q
}

func amountText(m pricing.Money) string {
	if !m.IsValid() {
		return ""
	}
	return m.StringAmount()
}

func rateText(r pricing.Rate) string {
	if r.IsZero() {
		return ""
	}
	return r.Zhe()
}

func scopeText(s Scope) string {
	if s == PerUnit {
		return "" // the default, left out
	}
	return scopeNames[s] // validated
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	b, err := t.MarshalText()
	if err != nil {
		return "" // not reached: the time was validated
	}
	return string(b)
}
