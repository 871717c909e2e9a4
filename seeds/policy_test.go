package seeds_test

// The source policy (../shared/reference/SOURCES.md) as a test over the
// whole ledger. The rules, as applied here:
//
//   - No source, in any event, has a URL on a host of the deny list; a host
//     matches when it or one of its parent domains is listed ("www." and a
//     trailing dot are ignored).
//   - No URL is a home page (empty path) or an image file.
//   - Every control event, baselines included (a baseline states who held an
//     area, which is a claim like any other), rests on one tier-A source or
//     on two tier-B sources from independent outlets.
//   - A source counts toward that rule only when it was read: it has a quote
//     and no `via` (`via` marks a source taken unread from the reference
//     timeline; drop it once the page is read and quoted).
//   - Seed articles (ref "seeds/…") are tier B. A URL's tier comes from the
//     host lists; a host in neither list counts only when the source sets
//     `tier` ("A" or "B") with a `note` saying why (a scholarly book, a UN
//     document host, …). A `tier` that contradicts the host list is an
//     error, so the data never claims more than the list grants.
//   - Independence: sources with the same `wire`, the same outlet name
//     (before any parenthesis) or the same listed host are one outlet, so
//     reprints of one story count once.
//
// Failures name the event id and the source ref. Each event is a subtest,
// so `go test -run 'TestSourcePolicy/kalbajar'` checks a part.

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/mapsvc/mapsvc/geo"
)

// hostLists is ../shared/reference/source-hosts.json.
type hostLists struct {
	Deny  []string `json:"deny"`
	TierA []string `json:"tier_a"`
	TierB []string `json:"tier_b"`
}

// hostClass is what the lists say of a host.
type hostClass string

const (
	classDeny     hostClass = "deny"
	classA        hostClass = "A"
	classB        hostClass = "B"
	classUnlisted hostClass = ""
)

// sourcePolicy classifies hosts by the lists.
type sourcePolicy struct {
	class map[string]hostClass // listed domain -> class
}

func newSourcePolicy(l hostLists) sourcePolicy {
	p := sourcePolicy{class: map[string]hostClass{}}
	// Deny last, so a domain on two lists is denied.
	for _, set := range []struct {
		hosts []string
		c     hostClass
	}{{l.TierB, classB}, {l.TierA, classA}, {l.Deny, classDeny}} {
		for _, h := range set.hosts {
			p.class[normHost(h)] = set.c
		}
	}
	return p
}

// normHost lowercases a host name and drops a port, a trailing dot and a
// leading "www.".
func normHost(h string) string {
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	if i := strings.LastIndex(h, ":"); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i]
	}
	h = strings.TrimSuffix(h, ".")
	return strings.TrimPrefix(h, "www.")
}

// classify returns the class of host and the listed domain that matched
// it: the host itself or its nearest listed parent domain.
func (p sourcePolicy) classify(host string) (hostClass, string) {
	h := normHost(host)
	for {
		if c, ok := p.class[h]; ok {
			return c, h
		}
		i := strings.Index(h, ".")
		if i < 0 {
			return classUnlisted, ""
		}
		h = h[i+1:]
	}
}

var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".bmp": true, ".tif": true, ".tiff": true, ".avif": true}

// checkURL reports why a URL cannot be cited, or "".
func (p sourcePolicy) checkURL(ref string) string {
	u, err := url.Parse(ref)
	if err != nil || u.Host == "" {
		return "not a URL"
	}
	if c, d := p.classify(u.Host); c == classDeny {
		return fmt.Sprintf("host %s is on the deny list (%s)", u.Host, d)
	}
	if strings.Trim(u.Path, "/") == "" && u.RawQuery == "" {
		return "a home page is not evidence: cite the article's own URL"
	}
	if imageExts[strings.ToLower(path.Ext(u.Path))] {
		return "an image file is not evidence: cite the article that carries it"
	}
	return ""
}

// tier returns the tier a source counts at ("A", "B" or "" for none) and,
// when the source's fields are inconsistent with the lists, a problem.
func (p sourcePolicy) tier(s geo.Source) (string, string) {
	if s.Tier != "" && s.Tier != "A" && s.Tier != "B" {
		return "", fmt.Sprintf("tier %q must be A or B", s.Tier)
	}
	if s.IsSeed() {
		if s.Tier != "" && s.Tier != "B" {
			return "B", fmt.Sprintf("seed articles are tier B, not %s", s.Tier)
		}
		return "B", ""
	}
	u, err := url.Parse(s.Ref)
	if err != nil {
		return "", "not a URL"
	}
	switch c, d := p.classify(u.Host); c {
	case classDeny:
		return "", ""
	case classA, classB:
		if s.Tier != "" && s.Tier != string(c) {
			return string(c), fmt.Sprintf("tier %s contradicts the host list (%s is tier %s)", s.Tier, d, c)
		}
		return string(c), ""
	default:
		if s.Tier != "" && strings.TrimSpace(s.Note) == "" {
			return "", fmt.Sprintf("host %s is in neither list: tier %s needs a note saying why", u.Host, s.Tier)
		}
		return s.Tier, ""
	}
}

// counts reports whether a source was read and quoted, so it may count
// toward the tier rule.
func counts(s geo.Source) bool { return s.Via == "" && strings.TrimSpace(s.Quote) != "" }

// outletKeys are the names under which a source is the same outlet as
// another: its wire, its outlet name and its listed host.
func (p sourcePolicy) outletKeys(s geo.Source) []string {
	var keys []string
	if w := strings.ToLower(strings.TrimSpace(s.Wire)); w != "" {
		keys = append(keys, "wire:"+w)
	}
	if o := outletName(s.Outlet); o != "" {
		keys = append(keys, "outlet:"+o)
	}
	if !s.IsSeed() {
		if u, err := url.Parse(s.Ref); err == nil {
			if _, d := p.classify(u.Host); d != "" {
				keys = append(keys, "host:"+d)
			} else {
				keys = append(keys, "host:"+normHost(u.Host))
			}
		}
	}
	return keys
}

// outletName is the outlet's name before any parenthesis or comma,
// lowercased: "Al Jazeera (with agencies)" and "Al Jazeera" are one.
func outletName(o string) string {
	if i := strings.IndexAny(o, "(,"); i >= 0 {
		o = o[:i]
	}
	return strings.ToLower(strings.Join(strings.Fields(o), " "))
}

// independent counts the distinct outlets among sources: two sources
// sharing any outlet key are one outlet (union-find over the keys).
func (p sourcePolicy) independent(srcs []geo.Source) int {
	parent := make([]int, len(srcs))
	for i := range parent {
		parent[i] = i
	}
	var root func(int) int
	root = func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	owner := map[string]int{}
	for i, s := range srcs {
		for _, k := range p.outletKeys(s) {
			if j, ok := owner[k]; ok {
				parent[root(i)] = root(j)
			} else {
				owner[k] = i
			}
		}
	}
	n := 0
	for i := range srcs {
		if root(i) == i {
			n++
		}
	}
	return n
}

// eventProblems returns every policy failure of one event, each naming the
// source ref it is about.
func (p sourcePolicy) eventProblems(e geo.Event) []string {
	var out []string
	var tierA, tierB []geo.Source
	for _, s := range e.Sources {
		if !s.IsSeed() {
			if why := p.checkURL(s.Ref); why != "" {
				out = append(out, fmt.Sprintf("%s: source %s: %s", e.ID, s.Ref, why))
			}
		}
		t, why := p.tier(s)
		if why != "" {
			out = append(out, fmt.Sprintf("%s: source %s: %s", e.ID, s.Ref, why))
		}
		if !counts(s) {
			continue
		}
		switch t {
		case "A":
			tierA = append(tierA, s)
		case "B":
			tierB = append(tierB, s)
		}
	}
	if e.Controlling() && len(tierA) == 0 {
		if n := p.independent(tierB); n < 2 {
			var refs []string
			for _, s := range e.Sources {
				t, _ := p.tier(s)
				state := "tier " + t
				switch {
				case t == "":
					state = "no tier"
				case s.Via != "":
					state += ", unread (via)"
				case strings.TrimSpace(s.Quote) == "":
					state += ", no quote"
				}
				refs = append(refs, fmt.Sprintf("%s [%s]", s.Ref, state))
			}
			out = append(out, fmt.Sprintf("%s: a %s event needs one read tier-A source or two from independent tier-B outlets; it has %d tier-B outlet(s) among: %s",
				e.ID, e.Kind, n, strings.Join(refs, "; ")))
		}
	}
	return out
}

func loadSourcePolicy(t *testing.T) sourcePolicy {
	t.Helper()
	p := filepath.Join(sharedDir, "reference", "source-hosts.json")
	b, err := os.ReadFile(p)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("source host lists missing at %s: %v", p, err)
		}
		t.Skipf("source host lists not present at %s (they are in CI's ../shared): %v", p, err)
	}
	var l hostLists
	if err := json.Unmarshal(b, &l); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	if len(l.Deny) == 0 || len(l.TierA) == 0 || len(l.TierB) == 0 {
		t.Fatalf("%s: a list is empty (deny %d, tier_a %d, tier_b %d)", p, len(l.Deny), len(l.TierA), len(l.TierB))
	}
	return newSourcePolicy(l)
}

// TestSourcePolicy applies the source policy to every event of the ledger.
func TestSourcePolicy(t *testing.T) {
	p := loadSourcePolicy(t)
	evs := ledger(t).Events
	for _, e := range evs {
		t.Run(e.ID, func(t *testing.T) {
			for _, msg := range p.eventProblems(e) {
				t.Error(msg)
			}
		})
	}
}

func TestSourcePolicyClassifier(t *testing.T) {
	p := newSourcePolicy(hostLists{
		Deny:  []string{"wikiclassic.com", "ipfs.io"},
		TierA: []string{"apnews.com", "un.org"},
		TierB: []string{"trend.az", "wikipedia.org"},
	})
	hosts := []struct {
		name, host string
		want       hostClass
	}{
		{"listed host", "apnews.com", classA},
		{"www ignored", "www.apnews.com", classA},
		{"upper case and trailing dot", "WWW.Trend.AZ.", classB},
		{"parent domain of a tier host", "en.trend.az", classB},
		{"deny on parent domain", "bafy.ipfs.io", classDeny},
		{"deny with www", "www.wikiclassic.com", classDeny},
		{"suffix that is not a parent domain", "notapnews.com", classUnlisted},
		{"unlisted host", "example.org", classUnlisted},
		{"subdomain of an international body", "digitallibrary.un.org", classA},
		{"port dropped", "apnews.com:443", classA},
	}
	for _, c := range hosts {
		t.Run(c.name, func(t *testing.T) {
			if got, _ := p.classify(c.host); got != c.want {
				t.Errorf("classify(%q) = %q, want %q", c.host, got, c.want)
			}
		})
	}

	urls := []struct {
		name, ref string
		bad       bool
	}{
		{"article", "https://apnews.com/article/abc", false},
		{"home page", "https://justiceforkhojaly.org/", true},
		{"home page without slash", "https://apnews.com", true},
		{"image file", "https://en.trend.az/media/photo.JPG", true},
		{"denied mirror", "https://wikiclassic.com/wiki/First_Karabakh_War", true},
		{"query page on a root path", "http://www.virtualkarabakh.az/?id=1", false},
	}
	for _, c := range urls {
		t.Run(c.name, func(t *testing.T) {
			if why := p.checkURL(c.ref); (why != "") != c.bad {
				t.Errorf("checkURL(%q) = %q, want bad=%v", c.ref, why, c.bad)
			}
		})
	}

	read := func(ref, outlet, wire string) geo.Source {
		return geo.Source{Ref: ref, Outlet: outlet, Wire: wire, Quote: "q"}
	}
	control := func(srcs ...geo.Source) geo.Event {
		return geo.Event{ID: "x-1", Kind: geo.KindCapture, Sources: srcs}
	}
	events := []struct {
		name string
		e    geo.Event
		fail bool
	}{
		{"one tier A", control(read("https://apnews.com/a", "AP", "")), false},
		{"two independent tier B", control(read("https://trend.az/a", "Trend", ""), read("seeds/001.txt", "Al Jazeera", "")), false},
		{"two reprints of one wire count once", control(read("https://trend.az/a", "Trend", "Anadolu Agency"), read("seeds/001.txt", "Yeni Safak", "Anadolu Agency")), true},
		{"two articles of one host count once", control(read("https://trend.az/a", "Trend", ""), read("https://en.trend.az/b", "Trend English", "")), true},
		{"one outlet under two names counts once", control(read("seeds/001.txt", "Al Jazeera (with agencies)", ""), read("seeds/002.txt", "Al Jazeera", "")), true},
		{"unread tier A does not count", control(geo.Source{Ref: "https://apnews.com/a", Outlet: "AP", Via: "reference timeline E001", Quote: "q"}), true},
		{"tier A without a quote does not count", control(geo.Source{Ref: "https://apnews.com/a", Outlet: "AP"}), true},
		{"unlisted host without a tier does not count", control(read("https://example.org/a", "Example", "")), true},
		{"unlisted host with a tier and a note counts", control(geo.Source{Ref: "https://example.org/book", Outlet: "A book", Quote: "q", Tier: "A", Note: "scholarly monograph"}), false},
		{"unlisted host with a tier but no note", control(geo.Source{Ref: "https://example.org/book", Outlet: "A book", Quote: "q", Tier: "A"}), true},
		{"tier contradicting the list", control(geo.Source{Ref: "https://trend.az/a", Outlet: "Trend", Quote: "q", Tier: "A", Note: "n"}, read("https://apnews.com/a", "AP", "")), true},
		{"denied host on a context event", geo.Event{ID: "x-2", Kind: geo.KindCeasefire, Sources: []geo.Source{{Ref: "https://www.wikiclassic.com/wiki/X", Outlet: "mirror"}}}, true},
		{"context event needs no tier", geo.Event{ID: "x-3", Kind: geo.KindCeasefire, Sources: []geo.Source{{Ref: "https://example.org/a", Outlet: "Example"}}}, false},
	}
	for _, c := range events {
		t.Run(c.name, func(t *testing.T) {
			probs := p.eventProblems(c.e)
			if (len(probs) > 0) != c.fail {
				t.Errorf("problems = %q, want failure=%v", probs, c.fail)
			}
			for _, m := range probs {
				if !strings.HasPrefix(m, c.e.ID+": ") {
					t.Errorf("problem %q does not name the event", m)
				}
			}
		})
	}
}

// The failure text names the offending ref, so a reader can find it.
func TestSourcePolicyNamesTheSource(t *testing.T) {
	p := newSourcePolicy(hostLists{Deny: []string{"wikimili.com"}, TierA: []string{"apnews.com"}, TierB: []string{"trend.az"}})
	ref := "https://wikimili.com/en/Khojaly"
	probs := p.eventProblems(geo.Event{ID: "khojaly-x", Kind: geo.KindCapture, Sources: []geo.Source{{Ref: ref, Outlet: "mirror"}}})
	sort.Strings(probs)
	if len(probs) != 2 || !strings.Contains(strings.Join(probs, "\n"), "source "+ref+": host wikimili.com is on the deny list") {
		t.Errorf("got %q, want a deny failure naming %s and a tier failure", probs, ref)
	}
}
