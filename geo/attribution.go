package geo

// Attribution credits the data wherever an answer names its sources
// (snapshots, tiles, the OGC API, rendered maps).
const Attribution = "Control: mapsvc ledger (sources per event). Boundaries: Natural Earth (public domain)."
