// Package quote finds quotations and reported speech in an article's text and
// attributes each to its speaker.
//
// It sits after entity recognition in the pipeline (article → … → entity →
// quote → timeline) but does not depend on it: Extract works on the raw text
// alone, finding speakers with its own light heuristics (capitalised name
// sequences with their titles, pronouns, noun phrases such as "the
// president" or "people familiar with the matter", "according to X"), and
// takes the entity stage's mentions as an optional input that sharpens
// speaker spans and links each speaker to an entity.
//
// Extraction runs in passes over one tokenisation of the text (token.go),
// with a lexicon of function words, titles and cue verbs (lexicon.go,
// cue.go):
//
//  1. marks.go pairs quotation marks of every style (“ ” " ‘ ’ ' « » „ and
//     the doubled apostrophes and backticks of wire copy, mixed freely) into
//     quoted regions, telling apostrophes (Trump’s, leaders’) from closing
//     marks and carrying quotations across paragraphs by the usual
//     open-quote convention;
//  2. names.go finds name phrases and their titles ("U.S. President Donald
//     Trump"), or takes them from the given mentions;
//  3. direct.go and attribute.go attribute each region through a cue after
//     it ("…,” Trump said), before it (telling reporters: “…”), around it
//     (praised the promise as “…”) or a colon ("Cruz continued:"), and group
//     split, continued and multi-paragraph quotations into one Quote with
//     several fragments;
//  4. reported.go finds reported speech: "X said (that) …", "X told Y that
//     …", "…, the people said", "according to X, …";
//  5. speaker.go delimits speaker phrases; resolve.go and pronoun.go map
//     pronouns to the subject of the same or a preceding sentence (the
//     speaker of a quotation counting as its sentence's subject), surnames
//     to full names and role phrases ("the Ukrainian president") to the
//     person named with that title.
//
// Offsets are Unicode code points into the text, half-open, as everywhere in
// storyline. Content spans follow the conventions of the PolNeAR corpus of
// attribution relations (Newell, Margolin and Ruths, LREC 2018), on which the
// heuristics were tuned: reported content starts at "that" when there is one
// and ends at the clause's end; a split quotation ("X," he said, "Y.") is
// one attribution with several fragments; quotation marks are left out of
// direct content.
package quote
