-- The credit workflow rows are written through the one versioned-UPDATE builder (platform/versioned-update.ts),
-- which stamps updated_at as on every other versioned table. A constant default adds the column without a table
-- rewrite (credit_listings can hold millions of rows); existing rows take the time of this migration.
ALTER TABLE credit_listing_batches ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE credit_listings ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE credit_repairs ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
