package extract

import (
	"os"
	"testing"
	"time"
)

// TestMain lifts the default time budget for tests that do not test it:
// a loaded CI machine must not turn a slow run into a failure.
func TestMain(m *testing.M) {
	defaultBudget = 10 * time.Minute
	loadLexicon() // tests call the finders directly, not only Extract
	os.Exit(m.Run())
}
