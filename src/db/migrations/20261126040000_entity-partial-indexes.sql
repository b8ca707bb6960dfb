-- Registry indexes sized to the queries that use them (measured at 1.5 M entities, bench scenario `registry`).
--
-- Status and type: 89 % of entities are active and the two main types split the rest, so a filter on those
-- values walks the primary key newest first and fills a page at once; only the rare values need an index.
-- The full (status, id) and (type, id) indexes cost 50 MB and 86 MB and slowed every import.
DROP INDEX entities_status_idx;
CREATE INDEX entities_status_idx ON entities (status, id) WHERE status <> 'active';
DROP INDEX entities_type_idx;
CREATE INDEX entities_farmer_cooperative_idx ON entities (id) WHERE type = 'farmerCooperative';

-- The ID-number lookup is by equality only: a hash index holds 4-byte codes instead of the 64-character text
-- (179 MB as a b-tree).
DROP INDEX entities_legal_rep_id_hash_idx;
CREATE INDEX entities_legal_rep_id_hash_idx ON entities USING hash (legal_rep_id_hash) WHERE legal_rep_id_hash IS NOT NULL;
