-- 0004_assignments_by_seq: assignments keyed by the article's seq.
--
-- Keyed by the article's ID, every new assignment went into a random place
-- of a B-tree as large as the archive: at a million articles a page read
-- and a page written per article. Keyed by seq, the table grows at its end,
-- as the articles table does. The story index includes seq, so a story's
-- articles come out in ingest order without a sort.
CREATE TABLE assignments_by_seq (
	article_seq INTEGER PRIMARY KEY REFERENCES articles (seq),
	story_id    TEXT NOT NULL REFERENCES stories (id),
	score       REAL NOT NULL,
	evidence    TEXT NOT NULL CHECK (json_valid(evidence)),
	merged_from TEXT
) STRICT;

INSERT INTO assignments_by_seq (article_seq, story_id, score, evidence, merged_from)
SELECT a.seq, s.story_id, s.score, s.evidence, s.merged_from
FROM assignments s JOIN articles a ON a.id = s.article_id
ORDER BY a.seq;

DROP TABLE assignments;
ALTER TABLE assignments_by_seq RENAME TO assignments;
CREATE INDEX assignments_story ON assignments (story_id, article_seq);
