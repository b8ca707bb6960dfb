-- A name search that sees the whole register walks its newest rows until a page of matches turns up
-- (entities/list-repo.ts walkNewestMatches). With the name beside the id this is an index-only scan (≈ 67 B per
-- entity) instead of the register's heap (≈ 600 B): at 20 M entities 48.7 k rows in 4 ms instead of 20 k in 11 ms,
-- so a sparse fragment finishes its page by walking (docs/SCALING.md, "Seventh session").
-- IF NOT EXISTS: a large register can build it beforehand with CREATE INDEX CONCURRENTLY (same name and columns), so
-- the upgrade does not hold the register's writes while it builds (14.7 s at 20 M).
CREATE INDEX IF NOT EXISTS entities_id_name_idx ON entities (id) INCLUDE (name);
