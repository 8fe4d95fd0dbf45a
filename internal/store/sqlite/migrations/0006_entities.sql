-- 0006_entities: the archive's entities, kept from what each story's
-- analysis found.
--
-- story_entities holds, per story with derived data, each archive entity it
-- names; it goes with the derived row (a new analysis replaces the rows, a
-- merge deletes them). entities keeps every entity's totals over those rows,
-- maintained by the triggers below, so that listing the archive's entities
-- reads one row per entity. Aliases and roles are lists joined by a line
-- feed, days the mentions by day ("2025-08-17 3", one day a line).
CREATE TABLE story_entities (
	story_id  TEXT    NOT NULL REFERENCES derived (story_id) ON DELETE CASCADE,
	local_id  TEXT    NOT NULL,
	entity_id TEXT    NOT NULL,
	type      TEXT    NOT NULL,
	name      TEXT    NOT NULL,
	aliases   TEXT    NOT NULL,
	roles     TEXT    NOT NULL,
	days      TEXT    NOT NULL,
	mentions  INTEGER NOT NULL,
	articles  INTEGER NOT NULL,
	quotes    INTEGER NOT NULL,
	PRIMARY KEY (story_id, local_id)
) STRICT;

CREATE INDEX story_entities_entity ON story_entities (entity_id, mentions DESC, name);
CREATE INDEX story_entities_local ON story_entities (local_id);

CREATE TABLE entities (
	id       TEXT    PRIMARY KEY,
	type     TEXT    NOT NULL,
	mentions INTEGER NOT NULL,
	stories  INTEGER NOT NULL,
	quotes   INTEGER NOT NULL
) STRICT;

CREATE INDEX entities_rank ON entities (mentions DESC, id);

CREATE TRIGGER story_entities_add AFTER INSERT ON story_entities BEGIN
	INSERT INTO entities (id, type, mentions, stories, quotes)
	VALUES (new.entity_id, new.type, new.mentions, 1, new.quotes)
	ON CONFLICT (id) DO UPDATE SET
		mentions = mentions + excluded.mentions,
		stories = stories + 1,
		quotes = quotes + excluded.quotes;
END;

CREATE TRIGGER story_entities_remove AFTER DELETE ON story_entities BEGIN
	UPDATE entities SET
		mentions = mentions - old.mentions,
		stories = stories - 1,
		quotes = quotes - old.quotes
	WHERE id = old.entity_id;
	DELETE FROM entities WHERE id = old.entity_id AND stories <= 0;
END;

-- The other IDs that stories' own analyses gave an entity (story_entities
-- holds the first): spellings that a story told apart and the archive folds
-- alike.
CREATE TABLE entity_locals (
	local_id  TEXT NOT NULL,
	story_id  TEXT NOT NULL REFERENCES derived (story_id) ON DELETE CASCADE,
	entity_id TEXT NOT NULL,
	PRIMARY KEY (local_id, story_id)
) STRICT;

CREATE INDEX entity_locals_story ON entity_locals (story_id);

-- The folded spellings of each entity's aliases, for search.
CREATE TABLE entity_keys (
	story_id  TEXT NOT NULL REFERENCES derived (story_id) ON DELETE CASCADE,
	entity_id TEXT NOT NULL,
	key       TEXT NOT NULL,
	PRIMARY KEY (key, entity_id, story_id)
) STRICT;

CREATE INDEX entity_keys_story ON entity_keys (story_id);

-- The quotes of each entity; id orders a story's quotes.
CREATE TABLE entity_quotes (
	id         TEXT NOT NULL PRIMARY KEY,
	story_id   TEXT NOT NULL REFERENCES derived (story_id) ON DELETE CASCADE,
	entity_id  TEXT NOT NULL,
	article_id TEXT NOT NULL,
	published  TEXT,
	data       BLOB NOT NULL
) STRICT;

CREATE INDEX entity_quotes_entity ON entity_quotes (entity_id, published DESC, id);
CREATE INDEX entity_quotes_story ON entity_quotes (story_id);
