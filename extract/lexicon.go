package extract

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
)

// controlPatterns maps control-change words and phrases (normalised, the
// first word without clitics) to their class. Single Arabic words are
// also tried with an object pronoun removed (استعادتها → استعادت).
var controlPatterns = map[string]cueClass{
	// Arabic
	"دخلت": cueEnter, "دخل": cueEnter, "دخلوا": cueEnter, "تدخل": cueEnter, "يدخل": cueEnter, "دخول": cueEnter,
	"استعادت": cueRetake, "استعاد": cueRetake, "استعادوا": cueRetake, "تستعيد": cueRetake, "يستعيد": cueRetake,
	"استعاده": cueRetake, "استرجعت": cueRetake, "استرجاع": cueRetake, "استردت": cueRetake, "استرداد": cueRetake,
	"سيطرت": cueControl, "سيطر": cueControl, "سيطروا": cueControl, "تسيطر": cueControl, "يسيطر": cueControl,
	"بسطت سيطرتها": cueControl, "بسط السيطره": cueControl, "فرض السيطره": cueControl, "فرضت السيطره": cueControl,
	"احكام السيطره": cueControl, "احكمت السيطره": cueControl, "بسطت السيطره": cueControl, "استولت": cueControl, "استولي": cueControl, "استيلاء": cueControl,
	"حررت": cueLiberate, "حرر": cueLiberate, "حرروا": cueLiberate, "تحرير": cueLiberate, "يحرر": cueLiberate,
	"احتلت": cueOccupy, "احتل": cueOccupy, "احتلوا": cueOccupy, "احتلال": cueOccupy, "تحتل": cueOccupy, "يحتل": cueOccupy,
	"سقطت": cueFall, "سقط": cueFall, "سقوط": cueFall,
	"سلمت": cueHandover, "سلم": cueHandover, "سلموا": cueHandover, "تسلم": cueHandover, "يسلم": cueHandover,
	"تسليم": cueHandover, "تسلمت": cueHandover, "تتسلم": cueHandover, "استلمت": cueHandover, "استلام": cueHandover,
	"تنازلت": cueCede, "تنازل": cueCede, "تنازلوا": cueCede,
	"انسحبت": cueWithdraw, "انسحب": cueWithdraw, "انسحبوا": cueWithdraw, "انسحاب": cueWithdraw, "تنسحب": cueWithdraw,
	"ينسحب": cueWithdraw, "سحب": cueWithdraw, "سحبت": cueWithdraw,
	"استسلمت": cueSurrender, "استسلم": cueSurrender, "استسلام": cueSurrender, "تستسلم": cueSurrender,
	"نزع سلاح": cueSurrender, "نزع السلاح": cueSurrender, "نزع سلاحها": cueSurrender, "القت السلاح": cueSurrender,
	"القاء السلاح": cueSurrender, "الرايه البيضاء": cueSurrender,
	"تحت سيطره": cueHeld, "تحت السيطره": cueHeld, "تحت احتلال": cueHeld,
	// English
	"entered": cueEnter, "enter": cueEnter, "enters": cueEnter, "entering": cueEnter, "moved into": cueEnter,
	"retook": cueRetake, "retaken": cueRetake, "recaptured": cueRetake, "recapture": cueRetake, "regained": cueRetake,
	"reclaimed": cueRetake, "took back": cueRetake, "taken back": cueRetake, "recovered": cueRetake,
	"captured": cueControl, "capture": cueControl, "captures": cueControl, "seized": cueControl,
	"took control": cueControl, "taken control": cueControl, "take control": cueControl, "took over": cueControl,
	"taken over": cueControl, "gained control": cueControl,
	"liberated": cueLiberate, "liberation": cueLiberate, "liberate": cueLiberate,
	"occupied": cueOccupy, "occupation": cueOccupy, "occupy": cueOccupy,
	"fell": cueFall, "fall of": cueFall,
	"handed over": cueHandover, "hand over": cueHandover, "hands over": cueHandover, "handing over": cueHandover,
	"handover": cueHandover, "transferred": cueHandover, "turned over": cueHandover,
	"ceded":    cueCede,
	"withdrew": cueWithdraw, "withdrawn": cueWithdraw, "withdrawal": cueWithdraw, "pulled out": cueWithdraw,
	"surrendered": cueSurrender, "surrender": cueSurrender, "disarmed": cueSurrender, "disarmament": cueSurrender,
	"laid down arms": cueSurrender, "laid down their arms": cueSurrender,
	"under armenian control": cueHeld, "under azerbaijani control": cueHeld, "under the control": cueHeld, "held by": cueHeld,
}

// actor codes.
const (
	actAZE = "AZE"
	actARM = "ARM"
	actRUS = "RUS" // Russian peacekeepers: never a controller, but a subject
)

// actorWords name the sides: Azerbaijan and Armenian forces (the NKR army
// and Republic of Armenia units). Russia is listed so that it is not
// mistaken for either.
var actorWords = map[string]string{
	"اذربيجان": actAZE, "اذربيجاني": actAZE, "اذربيجانيه": actAZE, "الاذربيجاني": actAZE, "الاذربيجانيه": actAZE,
	"الاذربيجانيون": actAZE, "الاذربيجانيين": actAZE, "اذري": actAZE, "اذريه": actAZE, "الاذري": actAZE, "الاذريه": actAZE,
	"الاذريين": actAZE, "باكو": actAZE, "علييف": actAZE,
	"azerbaijan": actAZE, "azerbaijani": actAZE, "azerbaijanis": actAZE, "azeri": actAZE, "baku": actAZE, "aliyev": actAZE,
	"ارمينيا": actARM, "ارميني": actARM, "ارمينيه": actARM, "الارميني": actARM, "الارمينيه": actARM, "الارمني": actARM,
	"الارمنيه": actARM, "الارمن": actARM, "ارمني": actARM, "ارمنيه": actARM, "الانفصاليون": actARM, "الانفصاليين": actARM,
	"الانفصالي": actARM, "الانفصاليه": actARM, "يريفان": actARM, "باشينيان": actARM,
	"armenia": actARM, "armenian": actARM, "armenians": actARM, "separatist": actARM, "separatists": actARM,
	"yerevan": actARM, "pashinyan": actARM,
	"روسيا": actRUS, "الروسي": actRUS, "الروسيه": actRUS, "روسي": actRUS, "روسيه": actRUS,
	"russia": actRUS, "russian": actRUS,
}

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
	ctxCapitulate  = "capitulation"
	ctxAreaWide    = "control_change_without_district"
	ctxPartial     = "partial_area"
	ctxVague       = "vague_duration"
	ctxUndated     = "undated_control_change"
	ctxOutsideArea = "outside_area"
)

// contextPatterns are fixed phrases for non-events.
var contextPatterns = map[string]string{
	"وقف اطلاق النار": ctxCeasefire, "وقف لاطلاق النار": ctxCeasefire, "وقف اطلاق نار": ctxCeasefire,
	"وقف لاطلاق نار": ctxCeasefire, "وقفا لاطلاق النار": ctxCeasefire, "هدنه": ctxCeasefire,
	"ceasefire": ctxCeasefire, "cease fire": ctxCeasefire, "truce": ctxCeasefire, "armistice": ctxCeasefire,
	"اجتماع": ctxMeeting, "اجتماعا": ctxMeeting, "لقاء": ctxMeeting, "مباحثات": ctxMeeting, "محادثات": ctxMeeting,
	"مفاوضات": ctxMeeting, "قمه": ctxMeeting, "meeting": ctxMeeting, "talks": ctxMeeting, "summit": ctxMeeting,
	"negotiations": ctxMeeting,
	"مذكره تفاهم":  ctxMemorandum, "memorandum": ctxMemorandum,
}

// launchWords start an offensive when an operation word follows
// ("أطلق الجيش عملية", "launched an offensive").
var launchWords = map[string]bool{
	"اطلق": true, "اطلقت": true, "اطلاق": true, "بدء": true, "بدات": true, "بدا": true, "شن": true, "شنت": true,
	"launched": true, "launch": true, "launches": true, "began": true, "started": true, "begin": true,
}
var operationWords = map[string]bool{
	"عمليه": true, "عمليتها": true, "عمليته": true, "عمليات": true, "هجوم": true, "هجوما": true, "حمله": true,
	"offensive": true, "operation": true, "attack": true, "assault": true,
}
var eruptWords = map[string]bool{"اندلعت": true, "اندلع": true, "اندلاع": true, "اشتعلت": true, "erupted": true, "broke": true}
var fightWords = map[string]bool{
	"الاشتباكات": true, "اشتباكات": true, "القتال": true, "قتال": true, "مواجهات": true, "الحرب": true, "حرب": true,
	"معارك": true, "المعارك": true, "حروب": true, "fighting": true, "clashes": true, "war": true, "hostilities": true,
}
var raiseWords = map[string]bool{
	"رفع": true, "رفعت": true, "رفعوا": true, "ترفع": true, "يرفع": true, "raised": true, "raise": true, "raises": true,
	"hoisted": true, "hoist": true,
}
var flagWords = map[string]bool{
	"العلم": true, "علم": true, "علمها": true, "علمه": true, "علمهم": true, "الرايه": true, "رايه": true, "flag": true, "flags": true,
}

// agreementWords and implementWords tie a change to an agreement ("تنفيذا
// لاتفاق", "بموجب الاتفاق", "under the deal").
var agreementWords = map[string]bool{
	"اتفاق": true, "الاتفاق": true, "اتفاقيه": true, "الاتفاقيه": true, "الاعلان": true, "البيان": true,
	"agreement": true, "deal": true, "accord": true, "declaration": true, "ceasefire": true, "truce": true,
}
var implementWords = map[string]bool{
	"تنفيذا": true, "تنفيذ": true, "تطبيق": true, "بموجب": true, "اطار": true, "وفقا": true, "وفق": true, "طبقا": true,
	"under": true, "per": true, "implementing": true, "accordance": true, "part": true, "terms": true,
}

// Modality words before a control word.
var futureWords = map[string]bool{
	"سيتم": true, "ستتم": true, "سوف": true, "ستقوم": true, "سيقوم": true, "سيجري": true, "ستجري": true,
	"will": true, "shall": true, "would": true,
}
var expectWords = map[string]bool{ // "من المتوقع أن", "is expected to"
	"المتوقع": true, "المقرر": true, "المنتظر": true, "المفترض": true, "مقررا": true, "يفترض": true, "يتوقع": true,
	"expected": true, "scheduled": true, "due": true, "planned": true, "supposed": true,
}
var pastAux = map[string]bool{"كان": true, "كانت": true, "was": true, "were": true, "had": true, "originally": true}
var negWords = map[string]bool{"لم": true, "لن": true, "لا": true, "ليس": true, "not": true, "never": true, "no": true, "didn't": true}
var condWords = map[string]bool{"اذا": true, "لو": true, "if": true, "unless": true}
var intentWords = map[string]bool{
	"ينص": true, "تنص": true, "نص": true, "عزم": true, "تعتزم": true, "يعتزم": true, "تهدف": true, "يهدف": true,
	"بهدف": true, "هدف": true, "وافقت": true, "وافق": true, "توافق": true, "تعهد": true, "تعهدت": true, "يجب": true,
	"طالب": true, "طالبت": true, "دعا": true, "دعت": true, "تسعي": true, "يسعي": true, "تنوي": true, "ينوي": true,
	"حتي": true, "تاجيل": true,
	"provides": true, "calls": true, "agreed": true, "aims": true, "vowed": true, "demanded": true, "must": true,
	"intends": true, "plans": true, "until": true,
}
var relativeWords = map[string]bool{
	"التي": true, "الذي": true, "الذين": true, "اللتي": true, "اللذين": true, "اللواتي": true,
	"which": true, "that": true, "who": true,
}

// anaphorNouns refer back to a district named before ("المنطقة" the
// district, "تلك المقاطعة" that province, "the district").
var anaphorNouns = map[string]bool{
	"المنطقه": true, "المقاطعه": true, "المحافظه": true, "المدينه": true, "البلده": true,
	"district": true, "town": true, "city": true,
}
