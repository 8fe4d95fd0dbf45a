-- 0001_init: articles, stories, assignments and the full-text index.
--
-- Times are TEXT in RFC 3339 UTC with exactly nine fraction digits
-- ("2025-08-17T09:30:00.000000000Z"), so that text order is time order;
-- NULL means unknown.

-- seq is the ingest order. AUTOINCREMENT keeps it strictly increasing and
-- never reused, and it doubles as the rowid of the full-text index.
CREATE TABLE articles (
	seq                INTEGER PRIMARY KEY AUTOINCREMENT,
	id                 TEXT    NOT NULL UNIQUE,
	source_ref         TEXT    NOT NULL,
	url                TEXT    NOT NULL,
	title              TEXT    NOT NULL,
	outlet             TEXT    NOT NULL,
	author             TEXT    NOT NULL,
	published          TEXT,
	published_inferred INTEGER NOT NULL CHECK (published_inferred IN (0, 1)),
	language           TEXT    NOT NULL,
	text               TEXT    NOT NULL
) STRICT;

CREATE TABLE stories (
	id              TEXT    PRIMARY KEY,
	headline        TEXT    NOT NULL,
	first_published TEXT,
	last_published  TEXT,
	articles        INTEGER NOT NULL
) STRICT;

-- The listing order of Stories: dated stories first, newest first, then ID.
CREATE INDEX stories_recency ON stories (last_published IS NULL, last_published DESC, id);

-- One story per article. evidence is a JSON array of strings.
CREATE TABLE assignments (
	article_id TEXT PRIMARY KEY REFERENCES articles (id),
	story_id   TEXT NOT NULL REFERENCES stories (id),
	score      REAL NOT NULL,
	evidence   TEXT NOT NULL CHECK (json_valid(evidence))
) STRICT;

CREATE INDEX assignments_story ON assignments (story_id);

-- Full-text index over titles and bodies. Commit adds each batch's new
-- articles in one statement (a per-row insert trigger makes FTS5 flush at
-- every row); the triggers keep the index right if articles ever change.
-- porter stems English words; unicode61 folds case and (remove_diacritics 2)
-- accents for every script.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title,
	text,
	content = 'articles',
	content_rowid = 'seq',
	tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text)
	VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text)
	VALUES ('delete', old.seq, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
