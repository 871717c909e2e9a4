package service

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Field is one member of an encoded JSON object.
type Field struct {
	Name  string
	Value json.RawMessage
}

// Fields splits an encoded JSON object into its members in their encoded
// order. Flat encodings of the API's features (CSV columns, KML data, HTML
// tables) use it so their order follows the API's properties.
func Fields(obj []byte) ([]Field, error) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf("fields: not a JSON object")
	}
	var out []Field
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		name, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, Field{Name: name, Value: v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	return out, nil
}

// FieldText is a member's value as plain text: strings unquoted, numbers
// and booleans as encoded, null as "", arrays and objects as compact JSON.
func FieldText(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0 || string(v) == "null":
		return ""
	case v[0] == '"':
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s
		}
	case v[0] == '{' || v[0] == '[':
		var b bytes.Buffer
		if json.Compact(&b, v) == nil {
			return b.String()
		}
	}
	return string(v)
}
