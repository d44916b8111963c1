-- Readiness writes here: a real commit, fsynced like ingest's, sized like the ingest commit that last failed.
CREATE TABLE health_probe (
    id         INTEGER NOT NULL PRIMARY KEY,
    written_at INTEGER NOT NULL, -- Unix ms
    padding    BLOB    NOT NULL  -- zeros: the bytes the probe asks the file to take
);
