-- Alerts an on-call engineer trusts (issue 17).

-- The current evidence of an instance, refreshed at every evaluation (not only on a transition), and since when
-- a firing instance has been below its resolve level (it resolves once that has lasted Alerting:Rules:N:ResolveAfter).
ALTER TABLE alert_instances ADD COLUMN evidence TEXT NULL;
ALTER TABLE alert_instances ADD COLUMN clear_since INTEGER NULL;

-- One incident per regression: every signal about the same stream and subject (a prompt_version or model for
-- quality, the rule for operational) joins it, and it has one notification thread.
CREATE TABLE incidents (
    id                TEXT    NOT NULL PRIMARY KEY, -- inc_<hex>
    stream            TEXT    NOT NULL,
    dimension         TEXT    NOT NULL,             -- prompt_version, model, stream or rule
    value             TEXT    NOT NULL,
    kind              TEXT    NOT NULL CHECK (kind IN ('quality', 'operational')),
    state             TEXT    NOT NULL CHECK (state IN ('open', 'acknowledged', 'resolved')),
    opened_at         INTEGER NOT NULL,             -- Unix ms
    resolved_at       INTEGER NULL,
    acknowledged_at   INTEGER NULL,
    acknowledged_by   TEXT    NULL,                 -- the API key's name
    acknowledged_note TEXT    NULL,
    labels            TEXT    NOT NULL,             -- JSON: the labels every notification of the incident carries
    paged             INTEGER NOT NULL DEFAULT 0,   -- 1 once the first page was taken by a channel
    held              INTEGER NOT NULL DEFAULT 0,   -- 1 while a page is owed because a silence held it
    last_notified_at  INTEGER NULL,                 -- when a channel last took one of its notifications
    last_sent_at      INTEGER NULL                  -- when one was last handed to the outbox (taken or not): repeats are measured from it
);

CREATE INDEX ix_incidents_stream_state ON incidents (stream, state);

-- The alert instances (signals) of an incident; an instance belongs to at most one unresolved incident.
CREATE TABLE incident_signals (
    incident_id    TEXT    NOT NULL REFERENCES incidents (id),
    rule           TEXT    NOT NULL,
    prompt_version TEXT    NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('firing', 'resolved')),
    joined_at      INTEGER NOT NULL,
    resolved_at    INTEGER NULL,
    summary        TEXT    NULL,
    PRIMARY KEY (incident_id, rule, prompt_version)
) WITHOUT ROWID;

-- Silences: notifications of incidents matching stream (and prompt_version / model, when set) are held until ends_at.
CREATE TABLE silences (
    id             TEXT    NOT NULL PRIMARY KEY, -- sil_<hex>
    stream         TEXT    NOT NULL,             -- '*' = every stream
    prompt_version TEXT    NULL,
    model          TEXT    NULL,
    starts_at      INTEGER NOT NULL,
    ends_at        INTEGER NOT NULL,
    created_by     TEXT    NOT NULL,
    reason         TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    deleted_at     INTEGER NULL,
    deleted_by     TEXT    NULL
);
