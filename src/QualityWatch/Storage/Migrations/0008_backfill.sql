-- Where a sample came from: 'live' (ingest) or 'backfill'. The live judge worker leases only
-- live samples; backfilled ones are judged through backfill_work, so the two never race.
ALTER TABLE samples ADD COLUMN origin TEXT NOT NULL DEFAULT 'live';

-- What a backfill or re-judge still has to judge: one row per sample x rubric version, so a
-- re-run resumes where an interrupted one stopped and no pair is ever judged twice.
CREATE TABLE backfill_work (
    interaction_id   TEXT    NOT NULL REFERENCES samples (interaction_id),
    rubric_version   TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'pending'
                             CHECK (status IN ('pending', 'leased', 'batched', 'done', 'failed')),
    lease_owner      TEXT    NULL,
    lease_expires_at INTEGER NULL,     -- Unix ms
    batch_job_id     INTEGER NULL,     -- batch_jobs.id while status = 'batched'
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NULL,     -- Unix ms; NULL = now
    last_error       TEXT    NULL,
    cost_usd         REAL    NOT NULL DEFAULT 0, -- spend on this pair, failed calls included
    updated_at       INTEGER NOT NULL,
    PRIMARY KEY (interaction_id, rubric_version)
) WITHOUT ROWID;

CREATE INDEX ix_backfill_work_queue ON backfill_work (rubric_version, status);
CREATE INDEX ix_backfill_work_batch ON backfill_work (batch_job_id);

-- Interactions a backfill has counted into volume_hourly, so a re-run counts none twice.
CREATE TABLE backfill_seen (
    interaction_id TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;

-- Gemini Batch API jobs. The row (and its unique display name) is written before the create
-- call, so after a crash the job is found again by name instead of being submitted twice.
CREATE TABLE batch_jobs (
    id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    display_name     TEXT    NOT NULL UNIQUE,
    rubric_version   TEXT    NOT NULL,
    model            TEXT    NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('creating', 'running', 'done', 'failed', 'expired')),
    remote_name      TEXT    NULL,     -- batches/{id}
    input_file       TEXT    NULL,     -- files/{id} when the requests were uploaded as JSONL
    requests         INTEGER NOT NULL,
    created_at       INTEGER NOT NULL, -- Unix ms
    submitted_at     INTEGER NULL,
    finished_at      INTEGER NULL,
    next_poll_at     INTEGER NOT NULL,
    polls            INTEGER NOT NULL DEFAULT 0,
    collector        TEXT    NULL,     -- who is collecting results now, until collect_until
    collect_until    INTEGER NULL,
    last_error       TEXT    NULL
);

CREATE INDEX ix_batch_jobs_state ON batch_jobs (state, next_poll_at);

-- Webhook deliveries accepted, by webhook-id: a replay inside the tolerance window is refused.
CREATE TABLE webhook_deliveries (
    webhook_id  TEXT    NOT NULL PRIMARY KEY,
    received_at INTEGER NOT NULL -- Unix ms
) WITHOUT ROWID;
