-- The draw's freeze writes its pool parts from several connections sharing the draw transaction's snapshot, each
-- committing before the draw row does: a foreign key to the draw would wait for that row's transaction forever.
-- The freezing transaction is kept instead, so a freeze that rolled back leaves parts that can be told apart from
-- one still running (pg_xact_status) and swept.
ALTER TABLE spot_check_draw_pool_parts DROP CONSTRAINT spot_check_draw_pool_parts_draw_id_fkey;
ALTER TABLE spot_check_draw_pool_parts ADD COLUMN frozen_in xid8;
