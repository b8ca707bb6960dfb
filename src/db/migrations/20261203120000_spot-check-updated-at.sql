-- Tasks and visits change status through the one optimistic-locking UPDATE (src/platform/versioned-update.ts),
-- which stamps updated_at like every other versioned table. Existing rows take the time of this migration.
ALTER TABLE spot_check_tasks ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE spot_check_visits ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
