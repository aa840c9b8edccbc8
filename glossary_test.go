package opskit_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestGlossaryCoversChineseTerms fails when a comment of a library package
// uses a Chinese term that the glossary in doc.go does not cover, naming the
// file, the line and the term. It reads every comment (doc comments and the
// rest, not string literals) of every non-test .go file of the library, the
// root package included, skipping examples, testdata, internal and hidden
// directories as TestExportedIdentifiersHaveDocComments does.
//
// The rule:
//
//   - A term is a maximal run of Han characters (unicode.Han). Everything
//     else ends a run: ASCII letters and digits, spaces, and CJK punctuation
//     such as 、 and ，. So 满100减10 has the runs 满 and 减, 双11 the run 双
//     and 第N件X折 the runs 第, 件 and 折.
//   - The glossary's terms are the Chinese side of each entry of doc.go's
//     # Glossary list, split at " / " (and at ": " in an entry such as
//     "四类用户: 咨询用户 / ..."); see [parseDocGlossary].
//   - A run is covered when it is part of a glossary term (库存 is part of
//     安全库存, 件 of 第N件X折), or when it is two or more whole glossary
//     terms written together (元红包 is 元 + 红包). A new word such as
//     低于安全库存 or 七五折 must therefore have its own entry; a single
//     character is covered only when a glossary term contains it.
//   - Quotations are not terms. Comments quote the source documents' rules
//     verbatim and show sample promotion names; the runs of those sentences
//     are listed in glossaryQuotations, each with its reason, and nothing
//     else is exempt. Runs longer than some length are not exempt either:
//     转化率的置信区间 is a term, 日销量稳定在 a fragment of a quoted rule, and
//     no length tells them apart. A quotation no comment uses any more fails
//     the test too, so the list does not grow stale.
func TestGlossaryCoversChineseTerms(t *testing.T) {
	entries := readDocGlossary(t)
	terms := glossaryTerms(entries)
	fset := token.NewFileSet()
	used := map[string]bool{}
	parseLibrary(t, fset, func(_ string, file *ast.File) {
		for _, m := range uncoveredTerms(fset, file, terms, glossaryQuotations, used) {
			t.Errorf("%s is not in the glossary (add it to doc.go's # Glossary and the README's table)", m)
		}
	})
	for q := range glossaryQuotations {
		if !used[q] {
			t.Errorf("glossaryQuotations: no comment uses %s any more; remove it", q)
		}
		if coveredByGlossary(q, terms) {
			t.Errorf("glossaryQuotations: %s is covered by the glossary; remove it", q)
		}
	}
}

// glossaryQuotations are the runs of Han characters that comments quote
// rather than use as terms: the source documents' rules cited verbatim next
// to their English, and sample names. Each value says where the quotation
// comes from. The terms inside them (补货, 最低折扣, 淘金币, 双11, 红包, 第二件半价)
// are in the glossary where the comments use them as terms.
var glossaryQuotations = map[string]string{
	// inventory.RestockRule quotes seed rule INV-08:
	// 日销量稳定在20件以上, 距离过季还有最少1个月时间, 近期销量呈上升趋势,
	// 原则上不亏本即可补货 and "1个月".
	"日销量稳定在":     "INV-08 quoted: daily sales stable at (20 units or more)",
	"件以上":        "INV-08 quoted: (20) units or more",
	"距离过季还有最少":   "INV-08 quoted: at least (1 month) before the season ends",
	"个月时间":       "INV-08 quoted: (1) month's time",
	"个月":         "INV-08 quoted: (1) month",
	"近期销量呈上升趋势":  "INV-08 quoted: recent sales are rising",
	"原则上不亏本即可补货": "INV-08 quoted: restock as long as it does not lose money",
	// inventory.EventOrderDeadline quotes INV-06.
	"活动前一个星期内必须有决定": "INV-06 quoted: the decision must be made a week before the event",
	// pricing.FloorPolicy and the pricing package doc quote P-01:
	// 商城正常销售最低折扣不低于7折(淘金币、双11大促除外).
	"商城正常销售最低折扣不低于": "P-01 quoted: in normal sales the lowest discount is no lower than (7折)",
	"不低于":  "P-01 quoted: no lower than (7折)",
	"大促除外": "P-01 quoted: (双11) mega sale excepted",
	// funnel.PopularItem and funnel.ItemMetrics quote F-05.
	"人气宝贝的四项基本指标": "F-05 quoted: the four basic metrics of a popular item",
	"人气宝贝的标准":     "F-05 quoted: the standard for a popular item",
	"大于行业平均水平":    "F-05 quoted: greater than the industry average",
	// kpi.TopN quotes PR-22: 成绩截图反馈前5名且满分.
	"成绩截图反馈前": "PR-22 quoted: the first (5) to send back a screenshot of their result",
	"名且满分":    "PR-22 quoted: (5) people with a full score",
	// pricing.PackOffer quotes P-05: 10个糖盒15元.
	"个糖盒": "P-05 quoted: (10) candy boxes",
	// funnel's package doc quotes a seed figure, 6万 (60,000 yuan).
	"万": "WE-1 quoted: the numeral 万 (ten thousand) in 6万",
	// pricing.PriceForMargin glosses 定价 with a phrase.
	"按目标毛利率倒推售价": "a phrase glossing 定价: work the price back from the target gross margin",
	// funnel.Decompose glosses 变化归因 with a question.
	"各贡献多少": "a phrase glossing 变化归因: how much each (factor) contributes",
	// inventory.ActiveRate notes the seeds mention 动销 only inside this word.
	"带动销售": "cited as the word the seeds hide 动销 in (drive sales), not used as a term",
	// promo's package doc shows a sample campaign whose names are UI text.
	"零食第二件半价": "sample promotion name: 零食 (snacks) + 第二件半价",
	"送保温杯":    "sample promotion name 满500送保温杯: get a thermos cup",
	"保温杯":     "sample gift name: thermos cup",
}

// uncoveredTerms returns "file:line: run" for every run of Han characters in
// the file's comments that the glossary terms do not cover and that is not a
// listed quotation, with the word around the run when it is longer
// ("双 (in 双11)"). It records the quotations it meets in used.
func uncoveredTerms(fset *token.FileSet, file *ast.File, terms []string, quotations map[string]string, used map[string]bool) []string {
	var out []string
	for _, group := range file.Comments {
		for _, c := range group.List {
			for _, r := range hanRuns(c.Text) {
				if _, ok := quotations[r.text]; ok {
					used[r.text] = true
					continue
				}
				if coveredByGlossary(r.text, terms) {
					continue
				}
				pos := fset.Position(c.Slash)
				pos.Line += strings.Count(c.Text[:r.start], "\n")
				pos.Column = 0
				term := r.text
				if r.word != r.text {
					term += " (in " + r.word + ")"
				}
				out = append(out, pos.String()+": "+term)
			}
		}
	}
	return out
}

// hanRun is one maximal run of Han characters: its text, its byte offset in
// the comment and the word around it (the run extended over adjacent Han
// characters, ASCII letters and digits, and '.': 双11, 满100减10, 8.5折).
type hanRun struct {
	text, word string
	start      int
}

func hanRuns(s string) []hanRun {
	isHan := func(r rune) bool { return unicode.Is(unicode.Han, r) }
	inWord := func(r rune) bool {
		return isHan(r) || r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.')
	}
	var runs []hanRun
	for i := 0; i < len(s); {
		j := strings.IndexFunc(s[i:], isHan)
		if j < 0 {
			break
		}
		start := i + j
		end := len(s)
		if k := strings.IndexFunc(s[start:], func(r rune) bool { return !isHan(r) }); k >= 0 {
			end = start + k
		}
		ws := strings.LastIndexFunc(s[:start], func(r rune) bool { return !inWord(r) }) + 1
		we := len(s)
		if k := strings.IndexFunc(s[end:], func(r rune) bool { return !inWord(r) }); k >= 0 {
			we = end + k
		}
		runs = append(runs, hanRun{text: s[start:end], word: strings.Trim(s[ws:we], "."), start: start})
		i = end
	}
	return runs
}

// coveredByGlossary reports whether run is part of a glossary term or two or
// more whole glossary terms written together.
func coveredByGlossary(run string, terms []string) bool {
	for _, t := range terms {
		if strings.Contains(t, run) {
			return true
		}
	}
	// reach[i]: run[:i] is a concatenation of whole terms.
	reach := make([]bool, len(run)+1)
	reach[0] = true
	for i := range run {
		if !reach[i] {
			continue
		}
		for _, t := range terms {
			if t != "" && strings.HasPrefix(run[i:], t) {
				reach[i+len(t)] = true
			}
		}
	}
	return reach[len(run)]
}

// glossaryEntry is one row of the glossary: the Chinese side, the English
// term and the identifiers, as written in doc.go (README's table shows the
// identifiers in backticks).
type glossaryEntry struct {
	chinese, english, identifiers string
}

func readDocGlossary(t *testing.T) []glossaryEntry {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if file.Doc == nil {
		t.Fatal("doc.go has no package doc comment")
	}
	entries, err := parseDocGlossary(file.Doc.Text())
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// parseDocGlossary reads the list under "# Glossary" in the package doc text.
// An entry starts with "  - " and continues on lines indented further. Its
// Chinese side ends at the first ": " whose following segment (up to the
// next ": " or the end) has a lowercase ASCII letter, that is English, so
// a colon inside the Chinese side is kept: "四类用户: 咨询用户 / 购买用户: the
// four user stages: ..." has the Chinese side "四类用户: 咨询用户 / 购买用户",
// "折 / 打折: discount notation: X折 pays X tenths" has "折 / 打折". The rest
// is the English term, then "; " and the identifiers.
func parseDocGlossary(doc string) ([]glossaryEntry, error) {
	lines := strings.Split(doc, "\n")
	i := slices.Index(lines, "# Glossary")
	if i < 0 {
		return nil, errors.New("doc.go: no # Glossary section")
	}
	var raw []string
	for _, line := range lines[i+1:] {
		if strings.HasPrefix(line, "# ") {
			break // the next section
		}
		switch {
		case strings.HasPrefix(line, "  - "):
			raw = append(raw, strings.TrimPrefix(line, "  - "))
		case strings.HasPrefix(line, "    ") && len(raw) > 0:
			raw[len(raw)-1] += " " + strings.TrimSpace(line)
		}
	}
	if len(raw) == 0 {
		return nil, errors.New("doc.go: the # Glossary section has no entries")
	}
	entries := make([]glossaryEntry, 0, len(raw))
	for _, e := range raw {
		parts := strings.Split(e, ": ")
		n := 1
		for n < len(parts) && !strings.ContainsFunc(parts[n], func(r rune) bool { return 'a' <= r && r <= 'z' }) {
			n++
		}
		if n == len(parts) {
			return nil, errors.New("doc.go glossary: no English term in " + e)
		}
		rest := strings.Join(parts[n:], ": ")
		english, ids, ok := strings.Cut(rest, "; ")
		if !ok {
			return nil, errors.New("doc.go glossary: no \"; identifiers\" in " + e)
		}
		entries = append(entries, glossaryEntry{chinese: strings.Join(parts[:n], ": "), english: english, identifiers: ids})
	}
	return entries, nil
}

// glossaryTerms splits the Chinese side of each entry into its terms.
func glossaryTerms(entries []glossaryEntry) []string {
	var terms []string
	for _, e := range entries {
		for _, part := range strings.Split(e.chinese, ": ") {
			for _, t := range strings.Split(part, " / ") {
				terms = append(terms, strings.TrimSpace(t))
			}
		}
	}
	return terms
}

// TestGlossaryREADMEMatchesDoc fails when the README's "## Glossary" table
// and doc.go's # Glossary list differ: the same rows in the same order, with
// the same Chinese side, English term and identifiers (the README's in
// backticks).
func TestGlossaryREADMEMatchesDoc(t *testing.T) {
	doc := readDocGlossary(t)
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	table, err := parseREADMEGlossary(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	inREADME := map[string]glossaryEntry{}
	for _, e := range table {
		inREADME[e.chinese] = e
	}
	inDoc := map[string]bool{}
	for _, d := range doc {
		inDoc[d.chinese] = true
		r, ok := inREADME[d.chinese]
		switch {
		case !ok:
			t.Errorf("README glossary has no row %q (doc.go has it)", d.chinese)
		case r.english != d.english:
			t.Errorf("glossary %q: README English %q, doc.go %q", d.chinese, r.english, d.english)
		case r.identifiers != d.identifiers:
			t.Errorf("glossary %q: README identifiers %q, doc.go %q", d.chinese, r.identifiers, d.identifiers)
		}
	}
	for _, r := range table {
		if !inDoc[r.chinese] {
			t.Errorf("doc.go glossary has no entry %q (the README has it)", r.chinese)
		}
	}
	if t.Failed() {
		return
	}
	for i := range doc {
		if doc[i].chinese != table[i].chinese {
			t.Errorf("glossary order: entry %d is %q in doc.go, %q in the README", i+1, doc[i].chinese, table[i].chinese)
			return
		}
	}
}

// parseREADMEGlossary reads the table under "## Glossary": one row per
// entry, | 中文 | English | opskit |, identifiers in backticks.
func parseREADMEGlossary(readme string) ([]glossaryEntry, error) {
	_, section, ok := strings.Cut(readme, "\n## Glossary\n")
	if !ok {
		return nil, errors.New("README.md: no ## Glossary section")
	}
	if before, _, ok := strings.Cut(section, "\n## "); ok {
		section = before
	}
	var entries []glossaryEntry
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		if len(cells) != 3 {
			return nil, errors.New("README.md glossary: want 3 cells in " + line)
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if cells[0] == "中文" || strings.Trim(cells[0], "-") == "" {
			continue // header and separator
		}
		entries = append(entries, glossaryEntry{chinese: cells[0], english: cells[1], identifiers: strings.ReplaceAll(cells[2], "`", "")})
	}
	if len(entries) == 0 {
		return nil, errors.New("README.md: the ## Glossary table has no rows")
	}
	return entries, nil
}

// TestGlossaryCheckerCatchesMissingTerms runs the checker on a source with
// covered and uncovered terms, so a checker that accepts everything fails.
func TestGlossaryCheckerCatchesMissingTerms(t *testing.T) {
	const src = `// Package x is 安全库存 for 满100减10 and a 2.88元红包, 库存 too.
package x

// Level is 神秘水位 (not in the glossary).
//
// A second line: 七五折X.
type Level int

func f() {
	// 老板说 inside a body counts too; "第二件半价" is covered.
}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	terms := []string{"安全库存", "满减", "元", "红包", "第N件X折", "第二件半价"}
	quotations := map[string]string{"老板说": "the boss says"}
	used := map[string]bool{}
	got := uncoveredTerms(fset, file, terms, quotations, used)
	want := []string{"x.go:4: 神秘水位", "x.go:6: 七五折 (in 七五折X)"}
	if !slices.Equal(got, want) {
		t.Errorf("uncoveredTerms = %q, want %q", got, want)
	}
	if !used["老板说"] {
		t.Errorf("uncoveredTerms did not record the quotation 老板说 as used")
	}
}

// TestParseDocGlossary checks the split of an entry into its Chinese side,
// English term and identifiers, including an entry whose Chinese side has a
// colon and one whose English has one.
func TestParseDocGlossary(t *testing.T) {
	const doc = `Intro.

# Glossary

Terms:

  - 四类用户: 咨询用户 / 购买用户: the four user stages: enquiring / buyer;
    funnel.Stages
  - 折 / 打折: discount notation: X折 pays X tenths; pricing.Rate
  - UV / PV: unique visitors / page views; funnel.GMVFactors.UV; PV is not
    modelled

# Next

  - 不是: not an entry; x
`
	got, err := parseDocGlossary(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := []glossaryEntry{
		{"四类用户: 咨询用户 / 购买用户", "the four user stages: enquiring / buyer", "funnel.Stages"},
		{"折 / 打折", "discount notation: X折 pays X tenths", "pricing.Rate"},
		{"UV / PV", "unique visitors / page views", "funnel.GMVFactors.UV; PV is not modelled"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("parseDocGlossary = %q, want %q", got, want)
	}
	wantTerms := []string{"四类用户", "咨询用户", "购买用户", "折", "打折", "UV", "PV"}
	if terms := glossaryTerms(got); !slices.Equal(terms, wantTerms) {
		t.Errorf("glossaryTerms = %q, want %q", terms, wantTerms)
	}
}
