// Command staticserver is the yardstick for mapsvc's cached snapshots: a
// minimal net/http server that answers every GET with the same bytes from
// memory, identity or pre-gzipped as the client asks, with a
// Content-Length and an ETag, and nothing else.
//
//	staticserver -addr 127.0.0.1:PORT -identity body.json -gzip body.json.gz
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"strconv"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8090", "listen address")
	identity := flag.String("identity", "", "file with the identity body")
	gz := flag.String("gzip", "", "file with the gzip body")
	ctype := flag.String("type", "application/geo+json", "Content-Type")
	flag.Parse()
	plain, err := os.ReadFile(*identity)
	if err != nil {
		log.Fatal(err)
	}
	packed, err := os.ReadFile(*gz)
	if err != nil {
		log.Fatal(err)
	}
	plainLen, packedLen := strconv.Itoa(len(plain)), strconv.Itoa(len(packed))
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", *ctype)
		h.Set("Vary", "Accept-Encoding")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.Set("Content-Encoding", "gzip")
			h.Set("Content-Length", packedLen)
			h.Set("ETag", `"static-gz"`)
			w.Write(packed)
			return
		}
		h.Set("Content-Length", plainLen)
		h.Set("ETag", `"static"`)
		w.Write(plain)
	})
	log.Fatal(http.ListenAndServe(*addr, nil))
}
