-- The console's sample list pages newest-first with or without a stream filter; ix_samples_stream_time
-- serves the stream case, this one the unfiltered list, so a page reads 50 rows, not the table.
CREATE INDEX ix_samples_occurred_at ON samples (occurred_at);
-- The samples that drove an alert: one stream and prompt_version within the alert's window.
CREATE INDEX ix_samples_stream_version_time ON samples (stream, prompt_version, occurred_at);
-- An alert's console page reads one instance's transitions in time order.
CREATE INDEX ix_alert_history_instance ON alert_history (rule, stream, prompt_version, at);
