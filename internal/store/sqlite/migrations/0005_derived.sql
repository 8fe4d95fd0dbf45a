-- 0005_derived: what the analysis stages made of each story.
--
-- One row per live story at most: version names the analysis, articles the
-- number of articles the story held when analysed (stories only grow, so a
-- row whose count differs from the story's is stale), data the encoded
-- analysis. A merge retires a story, and its row goes with it.
CREATE TABLE derived (
	story_id TEXT    PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
	version  TEXT    NOT NULL,
	articles INTEGER NOT NULL,
	data     BLOB    NOT NULL
) STRICT;
