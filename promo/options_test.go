package promo_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

// Issue 14, one option pattern: NewEngine and DecodeCampaign take the one
// Option type; each validates the options that apply to it, naming the
// option in Field and wrapping ErrInvalidOption, and ignores the others.
func TestOptionErrors(t *testing.T) {
	doc := []byte(`{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"percent-off","rate":"9折"}}]}`)
	tests := []struct {
		name  string
		opt   promo.Option
		field string
		value string
	}{
		{"max bytes 0", promo.WithMaxCampaignBytes(0), "WithMaxCampaignBytes", "0"},
		{"max bytes negative", promo.WithMaxCampaignBytes(-5), "WithMaxCampaignBytes", "-5"},
		{"max problems 0", promo.WithMaxProblems(0), "WithMaxProblems", "0"},
		{"nil resolver", promo.WithTimeZones(nil), "WithTimeZones", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := promo.DecodeCampaign(doc, tt.opt)
			fe := requireField(t, err, "decode campaign", tt.field, promo.ErrInvalidOption)
			assert.Equal(t, tt.value, fe.Value)
			assert.ErrorIs(t, err, promo.ErrInvalidCampaign, "still a *CampaignError")
			// NewEngine ignores an option that is not its own.
			_, err = promo.NewEngine(pricing.CNY, nil, tt.opt)
			assert.NoError(t, err)
		})
	}
	_, err := promo.NewEngine(pricing.CNY, nil, promo.WithWorkBudget(-1))
	fe := requireField(t, err, "new engine", "WithWorkBudget", promo.ErrInvalidOption)
	assert.Equal(t, "-1", fe.Value)
	assert.Equal(t, "must be at least 1", fe.Detail)
	// DecodeCampaign ignores the engine's work budget.
	_, err = promo.DecodeCampaign(doc, promo.WithWorkBudget(0))
	assert.NoError(t, err)
	// A nil Option is skipped by both.
	_, err = promo.DecodeCampaign(doc, nil)
	assert.NoError(t, err)
	_, err = promo.NewEngine(pricing.CNY, nil, nil)
	assert.NoError(t, err)
}

// DecodeCampaign checks campaign names against the engine's own floor
// option, so a campaign and its engine are configured with the same value.
func TestDecodeCampaignWithFloor(t *testing.T) {
	floor, err := pricing.NewFloorPolicy(pricing.MinListRatio(rate("7折")), pricing.ExemptCampaigns("双11"))
	require.NoError(t, err)
	doc := []byte(`{"currency":"CNY","promotions":[{"id":"half","campaign":"double11","action":{"kind":"percent-off","rate":"5折"}}]}`)
	opts := []promo.Option{promo.WithFloor(floor), promo.WithWorkBudget(1000)}
	_, err = promo.DecodeCampaign(doc, opts...)
	requireField(t, err, "decode campaign", "promotions[0].campaign", promo.ErrUnknownCampaign)
	_, err = promo.NewEngine(pricing.CNY, []promo.Promotion{{ID: "half", Campaign: "double11", Action: promo.PercentOff{Rate: rate("5折")}}}, opts...)
	requireField(t, err, "new engine", "promotions[0].campaign", promo.ErrUnknownCampaign)
}
