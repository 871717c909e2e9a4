package service

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// fieldsByDecoder is Fields as a json.Decoder reads the object: the
// reference the hand splitter must agree with.
func fieldsByDecoder(obj []byte) ([]Field, error) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, errors.New("not an object")
	}
	var out []Field
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		name, _ := t.(string)
		out = append(out, Field{Name: name, Value: v})
	}
	return out, nil
}

var fieldsCases = []string{
	`{}`,
	` { } `,
	`{"a":1}`,
	`{"region":"agdam","end":null,"majority":true,"share":0.25,"n":-3e2}`,
	`{"holders":[{"controller":"AZE","share":1}],"event_ids":["a","b"],"x":{"y":[1,{"z":"}]"}]}}`,
	"{ \"a\" : 1 ,\n\t\"b\" : [ 1 , 2 ] , \"c\" : { } , \"d\" : \"q\\\"uo,te\" }",
	`{"es\"caped\\key":"v","\u0061b":"\\","t":true,"f":false}`,
	`{"ar":"أغدام","empty":"","nested":[[[]]],"last":0}`,
}

func TestFieldsSplitsAsTheDecoderReads(t *testing.T) {
	for _, c := range fieldsCases {
		got, err := Fields([]byte(c))
		if err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		want, _ := fieldsByDecoder([]byte(c))
		if len(got) != len(want) {
			t.Fatalf("%s: %d fields, want %d", c, len(got), len(want))
		}
		for i := range got {
			// The decoder keeps a value's bytes as written, so both agree
			// byte for byte (a value never carries the space around it).
			if got[i].Name != want[i].Name || !bytes.Equal(got[i].Value, want[i].Value) {
				t.Fatalf("%s: field %d %q=%s, want %q=%s", c, i, got[i].Name, got[i].Value, want[i].Name, want[i].Value)
			}
		}
	}
	for _, bad := range []string{``, `[]`, `"s"`, `{"a":}`, `{"a":1,}`, `{"a" 1}`, `{"a":1}x`, `{`} {
		if f, err := Fields([]byte(bad)); err == nil {
			t.Errorf("%q: got %v, want an error", bad, f)
		}
	}
}

func FuzzFields(f *testing.F) {
	for _, c := range fieldsCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, obj []byte) {
		got, err := Fields(obj)
		want, werr := fieldsByDecoder(obj)
		if werr != nil || !json.Valid(obj) || bytes.TrimSpace(obj)[0] != '{' {
			if err == nil {
				t.Fatalf("%q: Fields accepted what is not a JSON object", obj)
			}
			return
		}
		if err != nil {
			t.Fatalf("%q: %v", obj, err)
		}
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %v, want %v", obj, got, want)
		}
	})
}
