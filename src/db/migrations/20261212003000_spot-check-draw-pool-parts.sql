-- Draw algorithm v2 (src/domain/spot-check-draw-v2.ts): the frozen pool kept as rows, one per 1 M-id chunk and
-- risk class, instead of one text; the draw reads only the selected positions from these rows. Not one row per
-- entity: at a 12 M pool that is 12 M heap rows and a B-tree written per draw, where ≈ 50 array rows are one
-- TOASTed write each. Pools frozen under v1 stay in spot_check_draw_pools and are drawn and verified with v1.
CREATE TABLE spot_check_draw_pool_parts (
  draw_id      bigint NOT NULL REFERENCES spot_check_draws (id) ON DELETE CASCADE,
  chunk        integer NOT NULL,             -- floor(entity id / 1,000,000)
  risk_class   text NOT NULL CHECK (risk_class IN ('A', 'B', 'C', 'D')),
  entity_ids   bigint[] NOT NULL,            -- ascending
  station_ids  bigint[] NOT NULL,            -- the station of each entity at freeze time, same order
  PRIMARY KEY (draw_id, chunk, risk_class)
);
-- Written and read once per draw: compressing 8 MB arrays costs more time than the space is worth.
ALTER TABLE spot_check_draw_pool_parts ALTER COLUMN entity_ids SET STORAGE EXTERNAL;
ALTER TABLE spot_check_draw_pool_parts ALTER COLUMN station_ids SET STORAGE EXTERNAL;

-- v2's published pool hash is the hash of these chunk hashes ([{"chunk": c, "hash": "…"}], chunk ascending):
-- published with the proof so a chunk can be checked on its own.
ALTER TABLE spot_check_draws ADD COLUMN pool_chunks jsonb;
