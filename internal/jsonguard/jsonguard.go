// Package jsonguard checks untrusted JSON before it is decoded: nesting
// depth is capped (decoding cost grows with depth) and keys that repeat in
// one object, also in another letter case, are refused, because
// encoding/json matches keys case-insensitively and would silently keep
// the last one.
package jsonguard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrRejected marks JSON that fails a check.
var ErrRejected = errors.New("rejected JSON")

// Check scans b token by token without building values.
func Check(b []byte, maxDepth int) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	type frame struct {
		object bool
		keys   map[string]bool
		expect bool // next string token in an object is a key
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) != 0 {
				return fmt.Errorf("%w: unexpected end", ErrRejected)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %v", ErrRejected, err)
		}
		top := len(stack) - 1
		isKey := top >= 0 && stack[top].object && stack[top].expect
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if len(stack) >= maxDepth {
					return fmt.Errorf("%w: nested deeper than %d levels", ErrRejected, maxDepth)
				}
				if top >= 0 && stack[top].object {
					stack[top].expect = true
				}
				stack = append(stack, frame{object: t == '{', keys: map[string]bool{}, expect: t == '{'})
			case '}', ']':
				stack = stack[:top]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].expect = true
				}
			}
			continue
		case string:
			if isKey {
				k := strings.ToLower(t)
				if stack[top].keys[k] {
					return fmt.Errorf("%w: key %q appears twice in one object (keys are matched without regard to case)", ErrRejected, t)
				}
				stack[top].keys[k] = true
				stack[top].expect = false
				continue
			}
		}
		if top >= 0 && stack[top].object {
			stack[top].expect = true
		}
	}
}
