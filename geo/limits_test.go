package geo

import (
	"strings"
	"testing"
)

func TestFreeTextLengthLimits(t *testing.T) {
	base := func() *Event {
		e, err := DecodeEvent([]byte(`{"id":"kalbajar-1","region":"kalbajar","date":"1993-04","kind":"military_capture","from":"AZE","to":"ARM","extent":"partial","extent_note":"north","majority":"ARM","confidence":"high","summary":"s","sources":[{"ref":"https://example.org","outlet":"x"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		return &e
	}
	if err := base().Validate(); err != nil {
		t.Fatalf("the base event is invalid: %v", err)
	}
	// "ث" is two bytes: limits count characters, not bytes.
	long := func(n int) string { return strings.Repeat("ث", n) }
	tests := []struct {
		field string
		max   int
		set   func(e *Event, s string)
	}{
		{"summary", MaxSummaryRunes, func(e *Event, s string) { e.Summary = s }},
		{"notes", MaxNotesRunes, func(e *Event, s string) { e.Notes = s }},
		{"extent_note", MaxExtentNoteRunes, func(e *Event, s string) { e.ExtentNote = s }},
		{"outlet", MaxOutletRunes, func(e *Event, s string) { e.Sources[0].Outlet = s }},
		{"title", MaxTitleRunes, func(e *Event, s string) { e.Sources[0].Title = s }},
		{"note", MaxSourceNoteRunes, func(e *Event, s string) { e.Sources[0].Note = s }},
	}
	for _, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			at := base()
			tt.set(at, long(tt.max))
			if err := at.Validate(); err != nil {
				t.Errorf("%s at the limit (%d): %v", tt.field, tt.max, err)
			}
			over := base()
			tt.set(over, long(tt.max+1))
			err := over.Validate()
			if err == nil || !strings.Contains(err.Error(), tt.field) {
				t.Errorf("%s one past the limit: got %v, want an error naming the field", tt.field, err)
			}
		})
	}
}
