//go:build race

package handlers

// raceEnabled: the race detector drops a share of sync.Pool's puts, so
// pooled objects (echo's contexts) are sometimes made anew.
const raceEnabled = true
