package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"time"
)

// Config is everything mapsvc reads from flags and the environment.
type Config struct {
	Addr        string        // MAPSVC_ADDR
	DB          string        // MAPSVC_DB
	LockTimeout time.Duration // wait for another process's lock on DB
	Assets      string        // MAPSVC_ASSETS: npm-installed front-end files
}

// defaultConfig reads the environment over the built-in defaults.
func defaultConfig() Config {
	c := Config{Addr: "127.0.0.1:8080", DB: "mapsvc.db", LockTimeout: 2 * time.Second, Assets: "node_modules"}
	if v := os.Getenv("MAPSVC_ADDR"); v != "" {
		c.Addr = v
	}
	if v := os.Getenv("MAPSVC_DB"); v != "" {
		c.DB = v
	}
	if v := os.Getenv("MAPSVC_ASSETS"); v != "" {
		c.Assets = v
	}
	return c
}

// dbFlags registers the flags every command that opens the store shares.
func (c *Config) dbFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.DB, "db", c.DB, "bbolt database file (env MAPSVC_DB); created and seeded if missing")
	fs.DurationVar(&c.LockTimeout, "lock-timeout", c.LockTimeout, "how long to wait for another process's lock on the database")
}

// Validate checks the config before anything is opened.
func (c Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		errs = append(errs, fmt.Errorf("addr %q: want HOST:PORT", c.Addr))
	}
	if c.DB == "" {
		errs = append(errs, errors.New("db: a file path is needed"))
	}
	if c.LockTimeout <= 0 {
		errs = append(errs, errors.New("lock-timeout must be positive"))
	}
	return errors.Join(errs...)
}
