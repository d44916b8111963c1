-- One row per alert instance (rule x stream x prompt_version; '' when the rule is not per version).
-- Survives restarts, so a firing alert is neither re-paged nor forgotten.
CREATE TABLE alert_instances (
    rule                     TEXT    NOT NULL,
    stream                   TEXT    NOT NULL,
    prompt_version           TEXT    NOT NULL DEFAULT '',
    state                    TEXT    NOT NULL CHECK (state IN ('inactive', 'pending', 'firing', 'resolved')),
    state_since              INTEGER NOT NULL, -- Unix ms: when the current state was entered
    active_since             INTEGER NULL,     -- Unix ms: when the condition became true (pending start)
    fired_at                 INTEGER NULL,
    resolved_at              INTEGER NULL,
    last_evaluated_at        INTEGER NOT NULL,
    last_value               REAL    NULL,
    summary                  TEXT    NULL,
    last_notified_at         INTEGER NULL,     -- the notification log: dedup and repeat are measured from it
    last_notification_kind   TEXT    NULL,
    last_notification_reason TEXT    NULL,
    PRIMARY KEY (rule, stream, prompt_version)
) WITHOUT ROWID;

-- Every state transition, and why; notified = the kind of notification sent with it, if any.
CREATE TABLE alert_history (
    id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    rule           TEXT    NOT NULL,
    stream         TEXT    NOT NULL,
    prompt_version TEXT    NOT NULL,
    from_state     TEXT    NOT NULL,
    to_state       TEXT    NOT NULL,
    at             INTEGER NOT NULL, -- Unix ms
    reason         TEXT    NOT NULL,
    notified       TEXT    NULL,
    evidence       TEXT    NULL      -- JSON, as sent
);

CREATE INDEX ix_alert_history_at ON alert_history (at);

-- Bernoulli CUSUM per sequential rule x stream x prompt_version, so restarts continue the statistic.
CREATE TABLE alert_cusum (
    rule            TEXT    NOT NULL,
    stream          TEXT    NOT NULL,
    prompt_version  TEXT    NOT NULL,
    statistic       REAL    NOT NULL, -- upward LLR CUSUM (nats)
    recovery        REAL    NOT NULL, -- downward CUSUM after an alarm (nats)
    alarmed         INTEGER NOT NULL,
    alarms          INTEGER NOT NULL,
    samples         INTEGER NOT NULL,
    hallucinations  INTEGER NOT NULL,
    baseline_rate   REAL    NOT NULL,
    baseline_source TEXT    NOT NULL,
    target_rate     REAL    NOT NULL,
    started_at      INTEGER NOT NULL,
    alarmed_at      INTEGER NULL,
    last_judged_at  INTEGER NOT NULL,
    PRIMARY KEY (rule, stream, prompt_version)
) WITHOUT ROWID;

-- How far each sequential rule has read a stream's verdicts (judged order).
CREATE TABLE alert_cusum_cursors (
    rule           TEXT    NOT NULL,
    stream         TEXT    NOT NULL,
    judged_at      INTEGER NOT NULL,
    interaction_id TEXT    NOT NULL,
    PRIMARY KEY (rule, stream)
) WITHOUT ROWID;
