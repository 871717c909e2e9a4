package jsonguard

import (
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	deep := strings.Repeat(`{"type":"GeometryCollection","geometries":[`, 40) + strings.Repeat(`]}`, 40)
	tests := []struct {
		name, in string
		ok       bool
	}{
		{"flat object", `{"id":"a","n":1,"list":[1,2,{"x":null}]}`, true},
		{"same key in sibling objects", `{"a":{"id":1},"b":{"id":2}}`, true},
		{"value equal to a key", `{"id":"id","name":"id"}`, true},
		{"duplicate key", `{"id":"a","id":"b"}`, false},
		{"case-twisted duplicate", `{"id":"a","ID":"b"}`, false},
		{"duplicate deep inside", `{"a":[{"x":1,"X":2}]}`, false},
		{"too deep", deep, false},
		{"truncated", `{"id":`, false},
		{"not JSON", `{id: 1}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check([]byte(tt.in), 32)
			if (err == nil) != tt.ok {
				t.Fatalf("Check() = %v, want ok=%v", err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrRejected) {
				t.Errorf("error %v does not wrap ErrRejected", err)
			}
		})
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, `{"a":[1,{"b":2}]}`, `{"a":1,"A":2}`, `[[[[[[]]]]]]`, `"x"`, `{"a":`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = Check([]byte(s), 8)
	})
}
