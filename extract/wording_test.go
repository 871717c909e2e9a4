package extract

// Sentences of our own for the rules of the ninth session (each commit
// names the batch page that showed the need); the helpers proposed and
// expectProposed are in ledgercheck_test.go.

import "testing"

// TestHandedBackGivenUpInvaded: "handed back" is a handover like "handed
// over", land "given up" is ceded, "invaded by" names the side that took
// the place, and a town that has "fallen to" a side changed hands.
func TestHandedBackGivenUpInvaded(t *testing.T) {
	for _, tc := range []struct{ text, published, want string }{
		{"Under the Moscow-brokered deal the Kalbajar district was handed back to Azerbaijan today.", "2020-11-25", "kalbajar 2020-11-25 AZE"},
		{"Armenia gave up the Aghdam district on Friday under the terms of the truce.", "2020-11-21", "agdam 2020-11-20 AZE"},
		{"The town of Aghdam, once a busy market, was invaded by Armenian troops on 23 July 1993.", "2015-07-23", "agdam 1993-07-23 ARM"},
		{"Officials in Baku said Gubadli has fallen to Armenian units after a week of fighting on 31 August 1993.", "1993-09-02", "gubadli 1993-08-31 ARM"},
	} {
		expectProposed(t, tc.text, tc.published, tc.want)
	}
}
