-- 0002_merges: stories merged into others.
--
-- merged_from is the story an article was first assigned to, when a merge
-- has since moved it; NULL otherwise.
ALTER TABLE assignments ADD COLUMN merged_from text;

-- One row per retired story: into_id is the story it was merged into,
-- holder_id the live story that holds its articles now (kept one hop away:
-- a merge of the holder updates the rows that point to it). Commits are serialized, so seq order is commit order.
CREATE TABLE merges (
	seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	story_id   text   NOT NULL UNIQUE,
	into_id    text   NOT NULL,
	holder_id  text   NOT NULL,
	article_id text   NOT NULL REFERENCES articles (id)
);

CREATE INDEX merges_holder ON merges (holder_id);
