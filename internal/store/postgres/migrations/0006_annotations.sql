-- 0006_annotations: what the analysis found in each article, in its story.
--
-- One row per article of a story with derived data, replaced with it; a
-- merge deletes the retired story's rows with its derived row, and the
-- story that absorbed it stores them again when analysed.
CREATE TABLE annotations (
	article_id text  NOT NULL PRIMARY KEY,
	story_id   text  NOT NULL REFERENCES derived (story_id) ON DELETE CASCADE,
	data       bytea NOT NULL
);

CREATE INDEX annotations_story ON annotations (story_id);
