// Package entity resolves the named-entity mentions of a story's articles to
// entities: the people, organizations, places and other names the story is
// about, each with its canonical name, every spelling seen, the roles its
// people hold and every mention. It is the second half of the entity stage:
// package ner finds typed mentions with code point offsets; Resolve links
// them.
//
// Within an article, a surname or partial name is linked to the full name
// written earlier (or later) in it ("Trump" → "Donald Trump"); titles before
// a name and appositions after it become roles ("U.S. President Donald
// Trump", "Steve Witkoff, Trump’s special envoy,"); role-only references
// ("the Ukrainian president", "the Russian leader") become mentions of the
// person last named with that role; possessives are dropped from names.
//
// Across a story, people's names are merged when their surnames
// transliterate alike ("Zelenskiy", "Zelensky", "Zelenskyy") and their given
// names agree, as initials or spellings ("J.D. Vance", "JD Vance"); people
// who share only a surname ("Donald Trump", "Melania Trump") stay apart, and
// a bare surname goes to the one named most recently in its article.
// Countries, places and organizations are merged through alias tables shipped
// with the package (data/*.txt: "US", "U.S.", "America" and "United States";
// "the Kremlin" stays apart from Russia) and through acronyms written out in
// the story ("ICC", "International Criminal Court"). A tagger's type errors
// on people are mended: a name typed as an organization or place that is a
// person's name or surname elsewhere in the story ("Zelenskiy", "JD Vance")
// becomes that person's mention.
//
// Everything is deterministic: the same documents give the same entities, IDs
// and order, and an entity's ID depends only on its type and canonical name.
package entity
