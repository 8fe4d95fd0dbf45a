-- 0002_merges: stories merged into others.
--
-- merged_from is the story an article was first assigned to, when a merge
-- has since moved it; NULL otherwise.
ALTER TABLE assignments ADD COLUMN merged_from TEXT;

-- One row per retired story: into_id is the story it was merged into,
-- holder_id the live story that holds its articles now (kept one hop away:
-- a merge of the holder updates the rows that point to it). seq orders merges in commit order.
CREATE TABLE merges (
	seq        INTEGER PRIMARY KEY AUTOINCREMENT,
	story_id   TEXT NOT NULL UNIQUE,
	into_id    TEXT NOT NULL,
	holder_id  TEXT NOT NULL,
	article_id TEXT NOT NULL REFERENCES articles (id)
) STRICT;

CREATE INDEX merges_holder ON merges (holder_id);
