-- Sampling:MaxVersionsPerStream reads only a stream's most recently seen versions at start, and
-- Sampling:ForgetVersionsAfter deletes the silent ones: both find their rows by last_seen.
CREATE INDEX ix_sampling_versions_recent ON sampling_versions (stream, dimension, last_seen);
CREATE INDEX ix_sampling_versions_last_seen ON sampling_versions (last_seen);
