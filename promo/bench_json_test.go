package promo_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/opskit/opskit/pricing"
	"github.com/opskit/opskit/promo"
)

var (
	benchCampaign    promo.Campaign
	benchCampaignErr error
)

// campaignDoc100 is a canonical document of 100 promotions, cycling
// through every promotion of the golden files (every action kind, coupons,
// schedules, limits, selectors) with unique IDs.
func campaignDoc100(b *testing.B) []byte {
	b.Helper()
	var all []promo.Promotion
	for _, file := range goldenFiles(b) {
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		c, err := promo.DecodeCampaign(data)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range c.Promotions {
			if p.Schedule != nil && p.Schedule.TimeZone == c.TimeZone {
				continue // its zone is the golden campaign's default, not the benchmark's
			}
			all = append(all, p)
		}
	}
	c := promo.Campaign{Name: "bench", Currency: pricing.CNY, TimeZone: jsonShanghai(b)}
	for i := range 100 {
		p := all[i%len(all)]
		p.ID = fmt.Sprintf("%s-%03d", p.ID, i)
		c.Promotions = append(c.Promotions, p)
	}
	doc, err := promo.EncodeCampaign(c)
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

// BenchmarkDecodeCampaign100 decodes and validates a 100-promotion
// campaign, resolving its zones with the default time.LoadLocation.
func BenchmarkDecodeCampaign100(b *testing.B) {
	doc := campaignDoc100(b)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		benchCampaign, benchCampaignErr = promo.DecodeCampaign(doc)
	}
	if benchCampaignErr != nil {
		b.Fatal(benchCampaignErr)
	}
}

// BenchmarkEncodeCampaign100 validates and encodes the same campaign.
func BenchmarkEncodeCampaign100(b *testing.B) {
	c, err := promo.DecodeCampaign(campaignDoc100(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var out []byte
	for b.Loop() {
		out, benchCampaignErr = promo.EncodeCampaign(c)
	}
	if benchCampaignErr != nil || len(out) == 0 {
		b.Fatal(benchCampaignErr)
	}
}

// BenchmarkTokenWalk100 only walks the same document with encoding/json's
// Decoder.Token, reading nothing: a lower bound of a decoder built on it,
// measured against BenchmarkDecodeCampaign100 (see json.go's parser note).
func BenchmarkTokenWalk100(b *testing.B) {
	doc := campaignDoc100(b)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		dec := json.NewDecoder(bytes.NewReader(doc))
		dec.UseNumber()
		for {
			if _, err := dec.Token(); err != nil {
				break
			}
		}
	}
}

// BenchmarkParseOnly100 is the package's own tree parse of the document
// (json.Valid then the parser), without decoding it into promotions.
func BenchmarkParseOnly100(b *testing.B) {
	doc := campaignDoc100(b)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		promo.ParseForBench(doc)
	}
}

// BenchmarkDecodeHostileRepeatedKey decodes 4 MB (the default size limit)
// of one repeated unknown key: stopped after DefaultMaxProblems problems.
// Issue 12 measured 9 MB of it at 999,999 problems, 751 MB and 4.7 s.
func BenchmarkDecodeHostileRepeatedKey(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`{"currency":"CNY","promotions":[{"id":"a","action":{"kind":"percent-off","rate":"9折"}`)
	for buf.Len() < promo.DefaultMaxCampaignBytes-20 {
		buf.WriteString(`,"x":1`)
	}
	buf.WriteString(`}]}`)
	doc := buf.Bytes()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		benchCampaign, benchCampaignErr = promo.DecodeCampaign(doc)
	}
}
