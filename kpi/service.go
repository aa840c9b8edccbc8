package kpi

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/opskit/opskit/internal/quantile"
	"github.com/opskit/opskit/pricing"
	"github.com/shopspring/decimal"
)

// Role is who sent a message. The zero value is invalid.
type Role uint8

const (
	// RoleCustomer is the buyer (买家).
	RoleCustomer Role = iota + 1
	// RoleAgent is a customer-service agent (客服).
	RoleAgent
	// RoleSystem is an automatic message (auto-reply 自动回复, transfer notice);
	// it neither starts nor stops a response clock.
	RoleSystem
)

// Message is one chat message (旺旺/千牛 消息) of a conversation.
type Message struct {
	Conversation string    `json:"conversation"`
	Customer     string    `json:"customer"`
	Agent        string    `json:"agent"` // who sent it, for Role Agent; ignored otherwise
	Role         Role      `json:"role"`
	At           time.Time `json:"at"`
	Text         string    `json:"text,omitempty"` // the message's text, for [ReplyLengths]; optional
}

// PaidOrder is a paid order (付款订单). Agent is optional: when set, the order is
// credited to that agent (if the customer inquired with them within the
// window) instead of to the last agent who answered an inquiry.
type PaidOrder struct {
	ID       string        `json:"id"`
	Customer string        `json:"customer"`
	At       time.Time     `json:"at"`
	Amount   pricing.Money `json:"amount,omitzero"`
	Agent    string        `json:"agent"`
}

// ServiceOptions tune [ServiceMetrics]. The zero value measures wall-clock
// time, counts first responses within 3 minutes as fast, and attributes
// orders placed within 24 hours of an inquiry.
type ServiceOptions struct {
	// Schedule, when set, measures every response time in business hours
	// ([Schedule.Between]) instead of wall-clock time.
	Schedule *Schedule `json:"schedule"`
	// FastWithin is the limit for a fast response (响应率: within N seconds, 3 minutes on Taobao), counted over first responses and over every response
	// round; a response exactly at the limit is fast. Zero means 3 minutes.
	FastWithin time.Duration `json:"fast_within"`
	// AttributionWindow is how long after an inquiry an order still counts
	// as converted by it; an order exactly at the end counts. Zero means 24
	// hours.
	AttributionWindow time.Duration `json:"attribution_window"`
	// ListRounds asks for the per-round list, [ServiceReport].Rounds (one
	// entry per answered customer turn; off by default to save memory).
	ListRounds bool `json:"list_rounds"`
}

// ResponseStats summarises response times: the count, the mean (truncated
// to the nanosecond), the percentiles p50 and p90 by the library's one
// definition (Hyndman-Fan type 7: for sorted x_0 ≤ ... ≤ x_{n-1},
// h = (n-1)·p, P_p = x_⌊h⌋ + (h-⌊h⌋)·(x_⌊h⌋+1 - x_⌊h⌋), exact to the
// nanosecond, halves rounded away from x_⌊h⌋) and the maximum. All are zero
// when Count is 0.
type ResponseStats struct {
	Count int64         `json:"count"`
	Mean  time.Duration `json:"mean"`
	P50   time.Duration `json:"p50"`
	P90   time.Duration `json:"p90"`
	Max   time.Duration `json:"max"`
}

// AgentStats are one agent's customer-service metrics (客服绩效) for the data
// given. For the team line (Agent "") customers are counted once however
// many agents they met.
type AgentStats struct {
	Agent string `json:"agent"`
	// Reception (接待人数): distinct customers in conversations where the
	// agent sent at least one message.
	Reception int64 `json:"reception"`
	// Inquiries (询单人数): distinct customers with at least one customer turn
	// the agent answered.
	Inquiries int64 `json:"inquiries"`
	// FirstResponse (首次响应时间): per conversation, from the customer's
	// first message to the first agent message after it.
	FirstResponse ResponseStats `json:"first_response"`
	// Response (平均响应时间): per answered customer turn, from the turn's
	// first customer message to the agent's reply.
	Response ResponseStats `json:"response"`
	// FastFirstResponses counts first responses within FastWithin;
	// FastShare = FastFirstResponses ÷ FirstResponse.Count, the
	// 3-minute response rate (响应率) over first responses (0 when there
	// are none).
	FastFirstResponses int64   `json:"fast_first_responses"`
	FastShare          float64 `json:"fast_share"`
	// FastResponses counts every response round within FastWithin;
	// FastResponseShare = FastResponses ÷ Response.Count, the 3-minute
	// response rate over every round, as Taobao counts it (0 when there
	// are none).
	FastResponses     int64   `json:"fast_responses"`
	FastResponseShare float64 `json:"fast_response_share"`
	// Buyers (下单人数): distinct customers whose orders were credited to the
	// agent; Orders counts those orders; Sales (销售额) is their total.
	Buyers int64         `json:"buyers"`
	Orders int64         `json:"orders"`
	Sales  pricing.Money `json:"sales,omitzero"`
	// Conversion (询单转化率) = Buyers ÷ Inquiries (0 without inquiries).
	Conversion float64 `json:"conversion"`
	// AOV (客单价) = Sales ÷ Buyers, rounded half-up to the minor unit; the
	// zero Money without buyers.
	AOV pricing.Money `json:"aov,omitzero"`
}

// ServiceReport is the result of [ServiceMetrics]: one line per agent,
// sorted by agent ID, the team line, customer turns that got no agent reply
// (未回复), orders credited to no one: silent orders (静默下单) with no
// answered inquiry within the window, and, with
// [ServiceOptions].ListRounds, every answered response round in the order
// of the answering messages (nil otherwise).
type ServiceReport struct {
	Agents      []AgentStats    `json:"agents"`
	Team        AgentStats      `json:"team"`
	Unanswered  int64           `json:"unanswered"`
	SilentOrder int64           `json:"silent_order"`
	Rounds      []ResponseRound `json:"rounds"`
}

// ResponseRound is one answered customer turn (a response round): the
// conversation, its customer and the agent who answered, the round's
// number in the conversation (1 for the first turn), when the customer
// asked (the turn's first message) and when the agent answered, the wait
// (in business hours with a schedule) and whether it was fast (Wait ≤
// FastWithin).
type ResponseRound struct {
	Conversation string        `json:"conversation"`
	Customer     string        `json:"customer"`
	Agent        string        `json:"agent"`
	Round        int           `json:"round"`
	Asked        time.Time     `json:"asked"`
	Answered     time.Time     `json:"answered"`
	Wait         time.Duration `json:"wait"`
	Fast         bool          `json:"fast"`
}

type turnState struct {
	customer  int32
	agents    []int32 // agents who sent a message in the conversation
	last      time.Time
	open      bool // a customer turn awaits a reply
	openAt    time.Time
	firstDone bool
	rounds    int // answered turns so far
}

type inquiry struct {
	at    time.Time
	agent int32
	seq   int
}

type agentAcc struct {
	first, all []time.Duration
	fast       int64 // fast first responses
	fastAll    int64 // fast rounds
	orders     int64
	sales      pricing.Money
}

// ServiceMetrics computes customer-service metrics from messages and orders.
//
// The response clock: a customer turn starts at a customer message when no
// turn is open in its conversation (the conversation's first customer
// message, or the first after an agent reply); further customer messages do
// not restart it. The turn is closed by the next agent message in the same
// conversation, and the response time (the duration from the turn's start to
// that message, in business hours if a schedule is set) belongs to that
// agent. System messages are ignored. Agent messages with no open turn
// (follow-ups, proactive messages) close nothing but count for reception. A
// turn still open at the end of the data is unanswered and left out of the
// times. The first response of a conversation is the response to its first
// turn.
//
// Inquiries and orders: an inquiry (询单) is an answered customer turn, at
// the time of its first customer message, credited to the agent who
// answered. An order is credited to the agent of the customer's latest
// inquiry at or before the order with order time - inquiry time ≤ the
// attribution window (with PaidOrder.Agent set: the latest such inquiry with
// that agent). Orders with no such inquiry are silent orders and count for
// no one.
//
// Messages may interleave across conversations but must be in time order
// within each (equal times keep input order). Errors (*[FieldError]): an
// empty conversation or customer ID, an agent message without an agent
// ([ErrEmpty]); an unknown role ([ErrUnknownRole]); a conversation with two
// customers ([ErrInconsistent]); a message earlier than the previous one of
// its conversation ([ErrOutOfOrder]); an order without a customer, with a
// missing or negative amount, in another currency than the first order, or
// a repeated order ID; negative options.
func ServiceMetrics(msgs []Message, orders []PaidOrder, opt ServiceOptions) (ServiceReport, error) {
	const op = "service metrics"
	if opt.FastWithin < 0 {
		return ServiceReport{}, fieldErr(op, "options.fast_within", opt.FastWithin, ErrInvalidNumber)
	}
	if opt.AttributionWindow < 0 {
		return ServiceReport{}, fieldErr(op, "options.attribution_window", opt.AttributionWindow, ErrInvalidNumber)
	}
	fast := opt.FastWithin
	if fast == 0 {
		fast = 3 * time.Minute
	}
	window := opt.AttributionWindow
	if window == 0 {
		window = 24 * time.Hour
	}
	dur := func(a, b time.Time) time.Duration { return b.Sub(a) }
	if opt.Schedule != nil {
		s := *opt.Schedule
		dur = s.Between
	}

	convs := map[string]int32{}
	var states []turnState
	customers := map[string]int32{}
	var customerIDs []string
	agentIdx := map[string]int32{}
	var agentIDs []string
	var accs []agentAcc
	type pair struct{ agent, customer int32 }
	reception := map[pair]struct{}{}
	inquired := map[pair]struct{}{}
	var inquiries [][]inquiry // by customer
	var unanswered int64
	var rounds []ResponseRound

	for i, m := range msgs {
		f := func(name string) string { return fmt.Sprintf("messages[%d].%s", i, name) }
		if m.Conversation == "" {
			return ServiceReport{}, fieldErr(op, f("conversation"), m.Conversation, ErrEmpty)
		}
		if m.Role < RoleCustomer || m.Role > RoleSystem {
			return ServiceReport{}, fieldErr(op, f("role"), int(m.Role), ErrUnknownRole)
		}
		ci, ok := convs[m.Conversation]
		if !ok {
			if m.Customer == "" {
				return ServiceReport{}, fieldErr(op, f("customer"), m.Customer, ErrEmpty)
			}
			cu, ok := customers[m.Customer]
			if !ok {
				cu = int32(len(customerIDs))
				customers[m.Customer] = cu
				customerIDs = append(customerIDs, m.Customer)
				inquiries = append(inquiries, nil)
			}
			ci = int32(len(states))
			convs[m.Conversation] = ci
			states = append(states, turnState{customer: cu, last: m.At})
		}
		st := &states[ci]
		if m.Customer != customerIDs[st.customer] {
			return ServiceReport{}, fieldErr(op, f("customer"), m.Customer, ErrInconsistent,
				fmt.Sprintf("conversation %q is with customer %q", m.Conversation, customerIDs[st.customer]))
		}
		if m.At.Before(st.last) {
			return ServiceReport{}, fieldErr(op, f("at"), m.At.Format(time.RFC3339Nano), ErrOutOfOrder,
				fmt.Sprintf("conversation %q has a message at %s", m.Conversation, st.last.Format(time.RFC3339Nano)))
		}
		st.last = m.At
		switch m.Role {
		case RoleCustomer:
			if !st.open {
				st.open, st.openAt = true, m.At
			}
		case RoleAgent:
			if m.Agent == "" {
				return ServiceReport{}, fieldErr(op, f("agent"), m.Agent, ErrEmpty)
			}
			ai, ok := agentIdx[m.Agent]
			if !ok {
				ai = int32(len(agentIDs))
				agentIdx[m.Agent] = ai
				agentIDs = append(agentIDs, m.Agent)
				accs = append(accs, agentAcc{})
			}
			if !slices.Contains(st.agents, ai) {
				st.agents = append(st.agents, ai)
				reception[pair{ai, st.customer}] = struct{}{}
			}
			if st.open {
				d := dur(st.openAt, m.At)
				a := &accs[ai]
				a.all = append(a.all, d)
				st.rounds++
				if d <= fast {
					a.fastAll++
				}
				if opt.ListRounds {
					rounds = append(rounds, ResponseRound{Conversation: m.Conversation, Customer: m.Customer, Agent: m.Agent,
						Round: st.rounds, Asked: st.openAt, Answered: m.At, Wait: d, Fast: d <= fast})
				}
				if !st.firstDone {
					st.firstDone = true
					a.first = append(a.first, d)
					if d <= fast {
						a.fast++
					}
				}
				inquired[pair{ai, st.customer}] = struct{}{}
				inquiries[st.customer] = append(inquiries[st.customer], inquiry{at: st.openAt, agent: ai, seq: i})
				st.open = false
			}
		}
	}
	for i := range states {
		if states[i].open {
			unanswered++
		}
	}
	for _, list := range inquiries {
		slices.SortFunc(list, func(a, b inquiry) int {
			if c := a.at.Compare(b.at); c != 0 {
				return c
			}
			return cmp.Compare(a.seq, b.seq)
		})
	}

	// Orders.
	var cur pricing.Currency
	ids := map[string]bool{}
	buyers := map[pair]struct{}{}
	var silent int64
	for i, o := range orders {
		f := func(name string) string { return fmt.Sprintf("orders[%d].%s", i, name) }
		switch {
		case o.Customer == "":
			return ServiceReport{}, fieldErr(op, f("customer"), o.Customer, ErrEmpty)
		case !o.Amount.IsValid():
			return ServiceReport{}, fieldErr(op, f("amount"), o.Amount, pricing.ErrUnknownCurrency, "an amount needs a currency")
		case o.Amount.IsNegative():
			return ServiceReport{}, fieldErr(op, f("amount"), o.Amount, ErrNegativeAmount)
		case cur.IsValid() && o.Amount.Currency() != cur:
			return ServiceReport{}, fieldErr(op, f("amount"), o.Amount, pricing.ErrCurrencyMismatch, "earlier orders are in "+cur.Code())
		case o.ID != "" && ids[o.ID]:
			return ServiceReport{}, fieldErr(op, f("id"), o.ID, ErrDuplicate)
		}
		cur = o.Amount.Currency()
		ids[o.ID] = o.ID != ""
		cu, ok := customers[o.Customer]
		if !ok {
			silent++
			continue
		}
		want := int32(-1)
		if o.Agent != "" {
			ai, ok := agentIdx[o.Agent]
			if !ok {
				silent++
				continue
			}
			want = ai
		}
		list := inquiries[cu]
		// The latest inquiry at or before the order.
		k, _ := slices.BinarySearchFunc(list, o.At, func(q inquiry, t time.Time) int {
			if q.at.After(t) {
				return 1
			}
			return -1
		})
		credited := int32(-1)
		for j := k - 1; j >= 0; j-- {
			q := list[j]
			if o.At.Sub(q.at) > window {
				break
			}
			if want < 0 || q.agent == want {
				credited = q.agent
				break
			}
		}
		if credited < 0 {
			silent++
			continue
		}
		a := &accs[credited]
		sales, err := a.sales.Add(o.Amount)
		if err != nil {
			return ServiceReport{}, fieldErr(op, f("amount"), o.Amount, err)
		}
		a.orders++
		a.sales = sales
		buyers[pair{credited, cu}] = struct{}{}
	}

	rep := ServiceReport{Unanswered: unanswered, SilentOrder: silent, Rounds: rounds}
	rep.Agents = make([]AgentStats, len(agentIDs))
	var teamFirst, teamAll []time.Duration
	team := AgentStats{}
	for ai, id := range agentIDs {
		a := accs[ai]
		s := AgentStats{Agent: id, FastFirstResponses: a.fast, FastResponses: a.fastAll, Orders: a.orders, Sales: a.sales}
		s.FirstResponse = stats(a.first)
		s.Response = stats(a.all)
		teamFirst = append(teamFirst, a.first...)
		teamAll = append(teamAll, a.all...)
		team.FastFirstResponses += a.fast // each ≤ len(msgs)
		team.FastResponses += a.fastAll
		team.Orders += a.orders
		sales, err := team.Sales.Add(a.sales)
		if err != nil { // one currency, checked above: not expected
			return ServiceReport{}, fieldErr(op, "orders", nil, err, "team sales")
		}
		team.Sales = sales
		rep.Agents[ai] = s
	}
	teamRec, teamInq, teamBuy := map[int32]bool{}, map[int32]bool{}, map[int32]bool{}
	for p := range reception {
		rep.Agents[p.agent].Reception++
		teamRec[p.customer] = true
	}
	for p := range inquired {
		rep.Agents[p.agent].Inquiries++
		teamInq[p.customer] = true
	}
	for p := range buyers {
		rep.Agents[p.agent].Buyers++
		teamBuy[p.customer] = true
	}
	team.Reception, team.Inquiries, team.Buyers = int64(len(teamRec)), int64(len(teamInq)), int64(len(teamBuy))
	team.FirstResponse, team.Response = stats(teamFirst), stats(teamAll)
	for i := range rep.Agents {
		finishRates(&rep.Agents[i])
	}
	finishRates(&team)
	rep.Team = team
	slices.SortFunc(rep.Agents, func(a, b AgentStats) int { return cmp.Compare(a.Agent, b.Agent) })
	return rep, nil
}

func finishRates(s *AgentStats) {
	s.FastShare = ratio(s.FastFirstResponses, s.FirstResponse.Count)
	s.FastResponseShare = ratio(s.FastResponses, s.Response.Count)
	if s.Inquiries > 0 {
		s.Conversion = float64(s.Buyers) / float64(s.Inquiries)
	}
	if s.Buyers > 0 && s.Sales.IsValid() {
		c := s.Sales.Currency()
		s.AOV, _ = pricing.NewFromDecimal(s.Sales.Amount().DivRound(decimal.NewFromInt(int64(s.Buyers)), c.Digits()), c)
	}
}

// stats sorts ds in place and summarises it. The mean is the exact mean
// truncated toward zero: quotients and remainders by n are accumulated
// separately, so no sum can overflow (each response time is a
// non-negative time.Duration).
func stats(ds []time.Duration) ResponseStats {
	n := len(ds)
	if n == 0 {
		return ResponseStats{}
	}
	slices.Sort(ds)
	var sum, rem int64
	for _, d := range ds {
		q, r := int64(d)/int64(n), int64(d)%int64(n)
		sum += q // Σ d/n ≤ max d
		rem += r // < n after each step
		if rem >= int64(n) {
			sum++
			rem -= int64(n)
		}
	}
	vals := make([]int64, n)
	for i, d := range ds {
		vals[i] = int64(d)
	}
	p50, _ := quantile.Type7(vals, 1, 2)  // n ≥ 1 and 0 ≤ 1/2 ≤ 1
	p90, _ := quantile.Type7(vals, 9, 10) // likewise
	return ResponseStats{
		Count: int64(n),
		Mean:  time.Duration(sum),
		P50:   time.Duration(p50),
		P90:   time.Duration(p90),
		Max:   ds[n-1],
	}
}
