// Package extract reads a news article (Arabic or English) about the
// Nagorno-Karabakh conflict area and proposes dated control-change events
// for the mapsvc ledger, each with the sentences that support it.
//
// The extractor is rule based and deterministic: it normalises the text,
// finds district names from an embedded gazetteer, dates (absolute,
// relative to the publication date, or derived from durations such as
// "after 27 years") and control-change verbs, and ties them together
// clause by clause. Non-events it sees (ceasefires, offensives starting,
// flag raisings, meetings, future or planned handovers) are returned as
// context so that an editor can see why they were not proposed.
//
// Every proposal is a suggestion: an editor reviews it before it enters
// the ledger (see [Result.Ledger]).
package extract
