// Package divergence finds where the articles of a story disagree, and
// what they agree on: figures, dates and deadlines that outlets give
// differently ("within a week", "within two weeks"), quotations they
// attribute to different people, and names they spell their own way
// ("Zelenskiy", "Zelensky", "Zelenskyy"). It is the last text stage of
// storyline's pipeline: it reads the values of the entity, quote and time
// stages for each article of a story (a Doc) and its results become the
// dossier's divergences and agreements.
//
// Compare works in three steps.
//
//  1. Claims (claim.go, amount.go, number.go, when.go): each article's
//     amounts ("$90 billion", "90 billion dollars", "$90bn"), counts ("at
//     least eight times", "more than a million people"), percentages,
//     and the dates, deadlines and durations of its time expressions,
//     each with its modifier ("approximately", "as early as"), the clause
//     it belongs to, the speaker of the quotation or reported speech that
//     holds it, and its code point offsets.
//  2. Alignment (subject.go, story.go, align.go): claims of one kind, in
//     different articles, about one subject. A claim's subject is a
//     vector of the entities, places (nationality words count: "the
//     Russian leader" names Russia's leader, as "Russian President
//     Vladimir Putin" does) and snowball stems of its clause, weighted
//     by IDF over the story's sentences, with the rest of its sentence,
//     the sentence before when the clause points back to it ("the two
//     leaders will meet") and its speaker; a few synonyms make paraphrases
//     meet ("arms" and "weapons", "summit" and "meeting"). Claims are
//     grouped by average-linkage clustering on cosine similarity, one
//     claim per article, and the similarity a pair must reach depends on
//     whether its values agree: a divergence needs a closer match than an
//     agreement, clauses that share a word and, when they name people,
//     the same person.
//  3. Judgement (value.go, judge.go, topic.go): a group whose values
//     cannot all be true is a Divergence, one whose values are the same
//     an Agreement; values that differ only in precision or bounds ("in
//     February", "on February 28"; "more than a million", "1.2 million")
//     are neither. The topic is named from the clause of the group's
//     clearest claim ("when the two leaders will meet"). Spelling
//     divergences (spelling.go) compare the words of each entity's
//     mentions with its canonical name; speaker divergences (speaker.go)
//     match direct quotations across articles.
//
// The package favours precision: a divergence that is not one costs a
// reader's trust, a missed one only a line. So figures in lists of
// figures ("269 yards and two touchdowns on 83 carries") never diverge,
// figures more than four times apart are taken to count different things,
// dates that depend on the publication date ("on Friday", "yesterday") may
// agree but never diverge, and only quotations whose speaker the article
// names count for speaker divergences. TestBenchECB runs the package over
// the ECB+ events of the clustering benchmark (../shared/bench/clustering);
// testdata/handcheck.md records a hand check of what it flags.
//
// Everything is deterministic: the result depends only on the Docs and
// their order.
package divergence
