-- The notification outbox: what was asked to be sent, and why.
CREATE TABLE notifications (
    id         TEXT    NOT NULL PRIMARY KEY, -- msg_<guid>: the webhook-id, stable across retries
    kind       TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    payload    TEXT    NOT NULL,             -- JSON of the whole Notification
    created_at INTEGER NOT NULL              -- Unix ms
);

CREATE INDEX ix_notifications_key ON notifications (key, created_at);

-- One row per notification and channel; each channel is retried on its own.
CREATE TABLE notification_deliveries (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    notification_id TEXT    NOT NULL REFERENCES notifications (id),
    channel         TEXT    NOT NULL, -- email | webhook:<name> | alertmanager
    reason          TEXT    NOT NULL, -- the notification's reason: every send records why it was sent
    status          TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL, -- Unix ms
    last_error      TEXT    NULL,
    sent_at         INTEGER NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);

CREATE INDEX ix_notification_deliveries_due ON notification_deliveries (status, next_attempt_at);

-- Every attempt of every delivery, successful or not.
CREATE TABLE notification_attempts (
    delivery_id  INTEGER NOT NULL REFERENCES notification_deliveries (id),
    attempt      INTEGER NOT NULL,
    attempted_at INTEGER NOT NULL,
    outcome      TEXT    NOT NULL CHECK (outcome IN ('sent', 'retry', 'failed')),
    error        TEXT    NULL,
    PRIMARY KEY (delivery_id, attempt)
) WITHOUT ROWID;

-- Alerts firing in Alertmanager: re-sent until resolved, so Alertmanager does not expire them.
CREATE TABLE alertmanager_active (
    key             TEXT    NOT NULL PRIMARY KEY,
    notification_id TEXT    NOT NULL REFERENCES notifications (id),
    next_resend_at  INTEGER NOT NULL -- Unix ms
);
