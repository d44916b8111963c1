-- When a sample may be tried again after a failed attempt (Unix ms); NULL = now.
ALTER TABLE samples ADD COLUMN next_attempt_at INTEGER NULL;
-- When the first judge attempt started (Unix ms): Flex fallback waits are measured from it.
ALTER TABLE samples ADD COLUMN first_attempt_at INTEGER NULL;

DROP INDEX ix_samples_queue;
CREATE INDEX ix_samples_queue ON samples (status, next_attempt_at, received_at);
CREATE INDEX ix_samples_leases ON samples (status, lease_expires_at);

-- One verdict per sample and rubric version: re-judging with a new rubric keeps both.
CREATE TABLE verdicts (
    interaction_id        TEXT    NOT NULL REFERENCES samples (interaction_id),
    rubric_version        TEXT    NOT NULL,
    accuracy              INTEGER NOT NULL CHECK (accuracy BETWEEN 1 AND 5),
    tone                  INTEGER NOT NULL CHECK (tone BETWEEN 1 AND 5),
    hallucination         INTEGER NOT NULL CHECK (hallucination IN (0, 1)),
    unsupported_claims    TEXT    NOT NULL DEFAULT '[]', -- JSON array of strings
    reason                TEXT    NOT NULL,
    provider              TEXT    NOT NULL,
    judge_model           TEXT    NOT NULL,
    service_tier_requested TEXT   NOT NULL,
    service_tier          TEXT    NOT NULL, -- the tier that actually served the call
    latency_ms            INTEGER NOT NULL,
    attempts              INTEGER NOT NULL,
    prompt_tokens         INTEGER NOT NULL, -- includes cached tokens
    cached_tokens         INTEGER NOT NULL,
    output_tokens         INTEGER NOT NULL,
    thinking_tokens       INTEGER NOT NULL,
    cost_usd              REAL    NOT NULL,
    judged_at             INTEGER NOT NULL, -- Unix ms
    PRIMARY KEY (interaction_id, rubric_version)
) WITHOUT ROWID;

CREATE INDEX ix_verdicts_judged_at ON verdicts (judged_at);

-- Gemini cachedContents this service created, so stale ones can be deleted.
CREATE TABLE judge_caches (
    name           TEXT    NOT NULL PRIMARY KEY, -- cachedContents/{id}
    model          TEXT    NOT NULL,
    rubric_version TEXT    NOT NULL,
    expire_at      INTEGER NOT NULL, -- Unix ms
    created_at     INTEGER NOT NULL,
    deleted_at     INTEGER NULL
);
