-- Sampled interactions: redacted text only, and the judge queue state.
CREATE TABLE samples (
    interaction_id   TEXT    NOT NULL PRIMARY KEY,
    stream           TEXT    NOT NULL,
    occurred_at      INTEGER NOT NULL, -- Unix ms: the interaction's own timestamp
    received_at      INTEGER NOT NULL, -- Unix ms: when ingest committed it
    prompt           TEXT    NOT NULL,
    response         TEXT    NOT NULL,
    context          TEXT    NULL,
    model            TEXT    NULL,
    prompt_version   TEXT    NULL,
    conversation_id  TEXT    NULL,
    labels           TEXT    NOT NULL DEFAULT '{}', -- JSON object of string labels
    usage            TEXT    NULL,                  -- JSON: the chatbot's token counts
    redactions       TEXT    NOT NULL DEFAULT '{}', -- JSON object: PII type -> count
    sample_reason    TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'pending'
                             CHECK (status IN ('pending', 'leased', 'done', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    lease_owner      TEXT    NULL,
    lease_expires_at INTEGER NULL,
    last_error       TEXT    NULL,
    updated_at       INTEGER NOT NULL
);

CREATE INDEX ix_samples_queue ON samples (status, received_at);
CREATE INDEX ix_samples_stream_time ON samples (stream, occurred_at);

-- Every interaction id seen within the dedup window, sampled or not.
CREATE TABLE seen_interactions (
    interaction_id TEXT    NOT NULL PRIMARY KEY,
    seen_at        INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX ix_seen_interactions_seen_at ON seen_interactions (seen_at);

-- The every-Nth counter per stream; it survives restarts.
CREATE TABLE sampling_state (
    stream     TEXT    NOT NULL PRIMARY KEY,
    counter    INTEGER NOT NULL,
    sampled    INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Every interaction counted, per hour of its timestamp.
CREATE TABLE volume_hourly (
    stream         TEXT    NOT NULL,
    hour_start     INTEGER NOT NULL, -- Unix ms, start of the UTC hour
    prompt_version TEXT    NOT NULL DEFAULT '',
    model          TEXT    NOT NULL DEFAULT '',
    received       INTEGER NOT NULL DEFAULT 0,
    duplicates     INTEGER NOT NULL DEFAULT 0,
    sampled        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (stream, hour_start, prompt_version, model)
) WITHOUT ROWID;
