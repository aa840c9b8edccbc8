package promo_test

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/opskit/opskit/promo"
)

// fuzzZones resolves a few zones without the file system, so the fuzzer
// exercises zone handling without reading files for arbitrary names.
func fuzzZones(name string) (*time.Location, error) {
	switch name {
	case "Asia/Shanghai":
		return time.FixedZone("Asia/Shanghai", 8*3600), nil
	case "UTC":
		return time.UTC, nil
	case "America/New_York":
		return time.FixedZone("America/New_York", -5*3600), nil
	}
	return nil, errors.New("unknown zone")
}

// FuzzDecodeCampaign: decoding arbitrary bytes never panics and either
// succeeds or returns a *CampaignError with at least one problem; a
// campaign that decodes encodes, decodes again, and encodes to the same
// bytes (the canonical form is a fixed point).
func FuzzDecodeCampaign(f *testing.F) {
	for _, file := range goldenFiles(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		``, `null`, `{}`, `[]`, `{"currency":"CNY"}`, `{"currency":"CNY","promotions":[{}]}`,
		`{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"threshold","tiers":[{"min_amount":"2","off":"1"}]}}]}`,
		`{"currency":"JPY","time_zone":"UTC","promotions":[{"id":"\u00e9\\\"","schedule":{"hours":["00:00-24:00"]},"action":{"kind":"nth-item","n":2,"free":true}}]}`,
		`{"currency":"CNY","promotions":[{"id":"a","start":"2026-11-11T00:00:00.5+00:00","action":{"kind":"amount-off","amount":"1.5"}}]}`,
		`{"currency":"CNY","currency":1,"promotions":[{"id":"a","id":"b"}]}`,
		"{\"currency\":\"CNY\",\"name\":\"\xff\"}",
		`{"currency":"CNY","promotions":[{"id":"g","action":{"kind":"gift","min_qty":2,"options":[{"sku":"m","qty":1}],"base":"running_total"}},` +
			`{"id":"s","action":{"kind":"free-shipping","min_amount":"9.90","base":"list_price"}},{"id":"t","action":{"kind":"threshold","every":{"amount":"9","off":"1"},"base":"after_items"}}]}`,
	} {
		f.Add([]byte(s))
	}
	zones := promo.WithTimeZones(fuzzZones)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := promo.DecodeCampaign(data, zones)
		if err != nil {
			var ce *promo.CampaignError
			if !errors.As(err, &ce) || len(ce.Problems) == 0 {
				t.Fatalf("DecodeCampaign(%q) = %v, not a *CampaignError with problems", data, err)
			}
			return
		}
		once, err := promo.EncodeCampaign(c)
		if err != nil {
			t.Fatalf("EncodeCampaign(DecodeCampaign(%q)) = %v", data, err)
		}
		c2, err := promo.DecodeCampaign(once, zones)
		if err != nil {
			t.Fatalf("DecodeCampaign(%s) = %v", once, err)
		}
		twice, err := promo.EncodeCampaign(c2)
		if err != nil {
			t.Fatalf("EncodeCampaign(%s) = %v", once, err)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("not a fixed point:\n%s\n%s", once, twice)
		}
	})
}
