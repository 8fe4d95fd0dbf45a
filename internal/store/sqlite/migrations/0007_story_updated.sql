-- 0007_story_updated: when each story last changed.
--
-- Commit sets updated to its own time on every story it creates or changes
-- (a new article, a merge), so that readers can ask what changed since a
-- time. Stories stored before this version have none (NULL) until they
-- change again.
ALTER TABLE stories ADD COLUMN updated TEXT;
