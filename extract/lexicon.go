package extract

import "github.com/mapsvc/mapsvc/geo"

// cueClass is the kind of control-change word found.
type cueClass uint8

const (
	cueNone      cueClass = iota
	cueEnter              // دخلت، الدخول، entered: to = the actor
	cueRetake             // استعادت، recaptured: to = the actor, Azerbaijan unless said
	cueControl            // سيطرت على، captured, took control: to = the actor
	cueLiberate           // تحرير، liberated: Azerbaijan's word, to = AZE
	cueOccupy             // احتلال، occupied: the other side's word, to = ARM
	cueFall               // سقوط، fell to: to = the actor after it
	cueHandover           // تسليم، handed over: to = the recipient, Azerbaijan unless said
	cueCede               // تنازلت عن، ceded: to = AZE unless said
	cueWithdraw           // انسحاب، withdrew: to = the side that did not withdraw
	cueSurrender          // استسلام، نزع السلاح، surrendered: capitulation
	cueHeld               // تحت سيطرة، under … control: a state, dated by "since"
	cueLose               // فقدت السيطرة، lost control: to = the side that did not lose it
)

// actor codes: the controllers of geo, and Russia, whose peacekeepers
// are a subject in the news but never a controller.
const (
	actAZE = string(geo.AZE)
	actARM = string(geo.ARM)
	actRUS = "RUS"
)

// ctxType names a non-event the text mentions.
const (
	ctxCeasefire   = "ceasefire"
	ctxOffensive   = "offensive_start"
	ctxFlag        = "flag_raising"
	ctxMeeting     = "meeting"
	ctxMemorandum  = "memorandum"
	ctxFuture      = "future_handover"
	ctxScheduled   = "scheduled"
	ctxIntent      = "intent"
	ctxCapitulate  = kindCapitulation
	ctxAreaWide    = "control_change_without_district"
	ctxPartial     = "partial_area"
	ctxVague       = "vague_duration"
	ctxUndated     = "undated_control_change"
	ctxOutsideArea = "outside_area"
	// ctxHeld: a change to the side the ledger had holding the district
	// long before the day the page lent it (heldAlready)
	ctxHeld = "held_already"
)
