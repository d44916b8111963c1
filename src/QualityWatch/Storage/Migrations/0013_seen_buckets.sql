-- The dedup record in time buckets: one table per slice of Ingest:DedupWindow, dropped whole once every id in
-- it is older than the window, instead of one table pruned row by row (which fell behind at high ingest rates).
CREATE TABLE seen_buckets (
    table_name TEXT    NOT NULL PRIMARY KEY,
    starts_at  INTEGER NOT NULL, -- Unix ms
    ends_at    INTEGER NOT NULL  -- Unix ms; every row in the table was seen before this
);

-- The existing record becomes the first bucket, so ids seen within the window stay duplicates; it is dropped
-- once its newest id is out of the window. Its seen_at index is no longer read.
DROP INDEX ix_seen_interactions_seen_at;
ALTER TABLE seen_interactions RENAME TO seen_legacy;
INSERT INTO seen_buckets (table_name, starts_at, ends_at)
SELECT 'seen_legacy', COALESCE(MIN(seen_at), 0), COALESCE(MAX(seen_at) + 1, 0) FROM seen_legacy;

-- Every stored id and when it was seen, across the buckets (rebuilt with them), for operators and tests.
CREATE VIEW seen_interactions AS SELECT interaction_id, seen_at FROM seen_legacy;
