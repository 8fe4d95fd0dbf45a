-- 0001_init: articles, stories, assignments and the full-text index.
--
-- Times are timestamptz (microseconds); NULL means unknown.

-- The text search configuration "storyline" matches the SQLite backend's
-- tokenizer: accents folded (unaccent), words stemmed by the English
-- Snowball stemmer, and no stop words, so that every word can be searched.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH DICTIONARY storyline_stem (TEMPLATE = snowball, Language = english);

CREATE TEXT SEARCH CONFIGURATION storyline (COPY = simple);

ALTER TEXT SEARCH CONFIGURATION storyline
	ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
	WITH unaccent, storyline_stem;

-- seq is the ingest order. Commits are serialized by an advisory lock, so
-- seq order is commit order and a reader that has seen seq N has seen every
-- article stored before it.
--
-- search is the full-text document: the title weighs A, the body D. A
-- tsvector holds at most 1 MB, so only the first million characters of a
-- body are indexed.
CREATE TABLE articles (
	seq                bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id                 text    NOT NULL UNIQUE,
	source_ref         text    NOT NULL,
	url                text    NOT NULL,
	title              text    NOT NULL,
	outlet             text    NOT NULL,
	author             text    NOT NULL,
	published          timestamptz,
	published_inferred boolean NOT NULL,
	language           text    NOT NULL,
	text               text    NOT NULL,
	search             tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('storyline', title), 'A') ||
		setweight(to_tsvector('storyline', left(text, 1000000)), 'D')
	) STORED
);

CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE stories (
	id              text    PRIMARY KEY,
	headline        text    NOT NULL,
	first_published timestamptz,
	last_published  timestamptz,
	articles        integer NOT NULL
);

-- The listing order of Stories: dated stories first, newest first, then ID.
CREATE INDEX stories_recency ON stories (last_published DESC NULLS LAST, id);

-- One story per article.
CREATE TABLE assignments (
	article_id text             PRIMARY KEY REFERENCES articles (id),
	story_id   text             NOT NULL REFERENCES stories (id),
	score      double precision NOT NULL,
	evidence   jsonb            NOT NULL CHECK (jsonb_typeof(evidence) = 'array')
);

CREATE INDEX assignments_story ON assignments (story_id);
