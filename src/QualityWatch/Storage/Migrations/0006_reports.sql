-- Daily reports as built and handed to the notification outbox: one row per local day
-- (Trends:TimeZone), so a day is sent once and a day missed while down is caught up.
CREATE TABLE daily_reports (
    day        TEXT    NOT NULL PRIMARY KEY, -- YYYY-MM-DD, local date
    time_zone  TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    text_body  TEXT    NOT NULL,
    html_body  TEXT    NOT NULL, -- charts referenced as cid:<content_id>
    created_at INTEGER NOT NULL, -- Unix ms
    sent_at    INTEGER NULL      -- Unix ms: when the outbox accepted it
);

CREATE TABLE daily_report_charts (
    day        TEXT NOT NULL REFERENCES daily_reports (day) ON DELETE CASCADE,
    content_id TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    png        BLOB NOT NULL,
    PRIMARY KEY (day, content_id)
);
