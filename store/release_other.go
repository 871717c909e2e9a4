//go:build !linux

package store

// releaseMapped is a no-op where /proc/self/maps is not to be had.
func (db *DB) releaseMapped() {}
