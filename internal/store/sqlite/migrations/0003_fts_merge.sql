-- 0003_fts_merge: merge full-text segments less often.
--
-- Every commit writes its batch's terms as one FTS5 segment, and FTS5 merges
-- segments of a level once there are 'automerge' of them (4 by default), so
-- each posting was rewritten about log4(batches) times: at a million
-- articles, the biggest share of the store's work. At 16 a posting is
-- rewritten half as often; a query reads at most 15 segments a level.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 64);
