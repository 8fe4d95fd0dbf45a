-- 0003_derived: what the analysis stages made of each story.
--
-- One row per live story at most: version names the analysis, articles the
-- number of articles the story held when analysed (stories only grow, so a
-- row whose count differs from the story's is stale), data the encoded
-- analysis. A merge retires a story, and its row goes with it.
CREATE TABLE derived (
	story_id text    PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
	version  text    NOT NULL,
	articles integer NOT NULL,
	data     bytea   NOT NULL
);
