package funnel

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCorrelationStepNamesAndAttrs: events named like a step (its Event or
// an AnyOf name) are never candidates, whatever the step's Where; a step
// that matches any name leaves out only the events it matches; properties
// come from Attrs as well as Props.
func TestCorrelationStepNamesAndAttrs(t *testing.T) {
	at := func(a string, min int, name string, attrs ...Attr) Event {
		return Event{Actor: a, Time: base.Add(time.Duration(min) * time.Minute), Name: name, Attrs: attrs}
	}
	only := func(e Event) bool { return e.Prop("ok") == "1" }
	f := MustNew([]Matcher{{Event: "a", Where: only}, {Event: "b", AnyOf: []string{"b2"}}}, time.Hour)
	events := []Event{
		at("u", 0, "a", Attr{"ok", "1"}), at("u", 1, "a"), at("u", 2, "b2"), at("u", 3, "x", Attr{"src", "ad"}), at("u", 4, "b"),
		at("v", 0, "a", Attr{"ok", "1"}), at("v", 3, "x", Attr{"src", "mail"}),
	}
	tab, err := Correlation{Funnel: f, Properties: []string{"src"}}.Run(events)
	require.NoError(t, err)
	var got []string
	for _, c := range tab.Counts() {
		got = append(got, c.Event+"/"+c.Property+"/"+c.Value)
	}
	// u converts at b2 (an AnyOf name of step 2), so its span ends there:
	// x at 3 is outside it. v drops: x at 3 with src mail counts.
	assert.Equal(t, []string{"x//", "x/src/mail"}, got)
	// A step matching any name: only the events it matches are left out.
	any := MustNew([]Matcher{{Event: "a"}, {Name: "paid", Where: func(e Event) bool { return e.Name == "pay" }}}, time.Hour)
	tab, err = Correlation{Funnel: any}.Run([]Event{at("w", 0, "a"), at("w", 1, "x"), at("w", 2, "pay")})
	require.NoError(t, err)
	got = got[:0]
	for _, c := range tab.Counts() {
		got = append(got, c.Event)
	}
	assert.Equal(t, []string{"x"}, got)
}
