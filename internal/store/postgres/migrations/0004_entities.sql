-- 0004_entities: the archive's entities, kept from what each story's
-- analysis found.
--
-- story_entities holds, per story with derived data, each archive entity it
-- names; it goes with the derived row (a new analysis replaces the rows, a
-- merge deletes them). entities keeps every entity's totals over those rows,
-- maintained by the triggers below, so that listing the archive's entities
-- reads one row per entity. Aliases and roles are lists joined by a line
-- feed, days the mentions by day ("2025-08-17 3", one day a line).
-- PutDerived takes a transaction lock, so that two writers never update the
-- totals of the same entities in opposite orders.
CREATE TABLE story_entities (
	story_id  text    NOT NULL REFERENCES derived (story_id) ON DELETE CASCADE,
	local_id  text    NOT NULL,
	entity_id text    NOT NULL,
	type      text    NOT NULL,
	name      text    NOT NULL,
	aliases   text    NOT NULL,
	roles     text    NOT NULL,
	days      text    NOT NULL,
	mentions  integer NOT NULL,
	articles  integer NOT NULL,
	quotes    integer NOT NULL,
	PRIMARY KEY (story_id, local_id)
);

CREATE INDEX story_entities_entity ON story_entities (entity_id, mentions DESC, name);
CREATE INDEX story_entities_local ON story_entities (local_id);

CREATE TABLE entities (
	id       text    PRIMARY KEY,
	type     text    NOT NULL,
	mentions integer NOT NULL,
	stories  integer NOT NULL,
	quotes   integer NOT NULL
);

CREATE INDEX entities_rank ON entities (mentions DESC, id);

CREATE FUNCTION story_entities_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO entities (id, type, mentions, stories, quotes)
	VALUES (NEW.entity_id, NEW.type, NEW.mentions, 1, NEW.quotes)
	ON CONFLICT (id) DO UPDATE SET
		mentions = entities.mentions + excluded.mentions,
		stories = entities.stories + 1,
		quotes = entities.quotes + excluded.quotes;
	RETURN NULL;
END $$;

CREATE FUNCTION story_entities_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE entities SET
		mentions = mentions - OLD.mentions,
		stories = stories - 1,
		quotes = quotes - OLD.quotes
	WHERE id = OLD.entity_id;
	DELETE FROM entities WHERE id = OLD.entity_id AND stories <= 0;
	RETURN NULL;
END $$;

CREATE TRIGGER story_entities_add AFTER INSERT ON story_entities
	FOR EACH ROW EXECUTE FUNCTION story_entities_add();
CREATE TRIGGER story_entities_remove AFTER DELETE ON story_entities
	FOR EACH ROW EXECUTE FUNCTION story_entities_remove();

-- The other IDs that stories' own analyses gave an entity (story_entities
-- holds the first): spellings that a story told apart and the archive folds
-- alike.
CREATE TABLE entity_locals (
	local_id  text NOT NULL,
	story_id  text NOT NULL REFERENCES derived (story_id) ON DELETE CASCADE,
	entity_id text NOT NULL,
	PRIMARY KEY (local_id, story_id)
);

CREATE INDEX entity_locals_story ON entity_locals (story_id);

-- The folded spellings of each entity's aliases, for search.
CREATE TABLE entity_keys (
	story_id  text NOT NULL REFERENCES derived (story_id) ON DELETE CASCADE,
	entity_id text NOT NULL,
	key       text NOT NULL,
	PRIMARY KEY (key, entity_id, story_id)
);

CREATE INDEX entity_keys_story ON entity_keys (story_id);

-- The quotes of each entity; id orders a story's quotes.
CREATE TABLE entity_quotes (
	id         text        NOT NULL PRIMARY KEY,
	story_id   text        NOT NULL REFERENCES derived (story_id) ON DELETE CASCADE,
	entity_id  text        NOT NULL,
	article_id text        NOT NULL,
	published  timestamptz,
	data       bytea       NOT NULL
);

CREATE INDEX entity_quotes_entity ON entity_quotes (entity_id, published DESC NULLS LAST, id);
CREATE INDEX entity_quotes_story ON entity_quotes (story_id);
