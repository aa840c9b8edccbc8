package promo

import "encoding/json"

// ParseForBench runs json.Valid and the package's parser, for
// BenchmarkParseOnly100.
func ParseForBench(doc []byte) {
	if json.Valid(doc) {
		p := jsonParser{b: doc}
		_ = p.value()
	}
}
