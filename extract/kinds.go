package extract

import "github.com/mapsvc/mapsvc/geo"

// The kinds of change a proposal can have: geo's control kinds.
const (
	kindCapture      = string(geo.KindCapture)
	kindHandover     = string(geo.KindHandover)
	kindCapitulation = string(geo.KindCapitulation)
	kindWithdrawal   = string(geo.KindWithdrawal)
)
