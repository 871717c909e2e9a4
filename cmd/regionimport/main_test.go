package main

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestRunRejectsBadArguments(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no Natural Earth file", nil, "usage: regionimport"},
		{"unknown flag", []string{"--nope", "x.json"}, "flag provided but not defined"},
		{"missing file is named", []string{"--out", t.TempDir(), "/nonexistent/build.json"}, "/nonexistent/build.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(tt.args, io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
			var u usageError
			if tt.name != "missing file is named" && !errors.As(err, &u) {
				t.Errorf("got %T, want a usage error", err)
			}
		})
	}
}
