package geo

import (
	"errors"
	"fmt"
)

// Sentinel errors. Callers wrap them with %w; transports map them to
// statuses in one place (see handlers).
var (
	// ErrInvalidDate marks a malformed or out-of-range date.
	ErrInvalidDate = errors.New("invalid date")
	// ErrInvalid marks input that breaks a validation rule.
	ErrInvalid = errors.New("invalid")
	// ErrNotFound marks an unknown region or event id.
	ErrNotFound = errors.New("not found")
	// ErrConflict marks an event that contradicts the chronology of its region.
	ErrConflict = errors.New("conflict")
)

// ConflictError names the two events that contradict each other.
type ConflictError struct {
	Event, With string // event ids
	Reason      string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("event %q conflicts with %q: %s", e.Event, e.With, e.Reason)
}

// Unwrap lets errors.Is(err, ErrConflict) match.
func (e *ConflictError) Unwrap() error { return ErrConflict }
