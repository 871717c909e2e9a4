// Package extract reads a news article (Arabic or English) about the
// Nagorno-Karabakh conflict area and proposes dated control-change events
// for the mapsvc ledger, each with the sentences that support it.
//
// The extractor is rule based and deterministic: it normalises the text,
// finds district names (the regions' names and aliases) and other places
// (gazetteer.json), dates (absolute, relative to the publication date,
// derived from durations and anniversaries), and control-change words
// (lexicon.json), and ties them together clause by clause. The
// publication date is given, read from the source URL or from a dateline;
// without it, changes dated "today" are proposed undated. The ledger
// passed in (Options.History) gives the previous holder and the side when
// the text names none. Non-events it sees (ceasefires, offensives
// starting, flag raisings, meetings, future or planned handovers) are
// returned as context so that an editor can see why they were not
// proposed. Work per call is bounded (tokens, sentences, time).
//
// Every proposal is a suggestion: an editor reviews it before it enters
// the ledger (see [Result.Ledger]).
package extract
