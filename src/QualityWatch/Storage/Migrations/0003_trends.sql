-- Hourly (UTC hour) and daily (local day in Trends:TimeZone) rollups of sampled, judged
-- interactions per stream x prompt_version x model, bucketed by the sample's occurred_at.
-- Every row is recomputed from samples + verdicts (delete + insert per bucket), so a re-run
-- gives the same numbers. Interaction volume is read live from volume_hourly.
CREATE TABLE trend_rollups (
    granularity     TEXT    NOT NULL CHECK (granularity IN ('hour', 'day')),
    bucket_start    INTEGER NOT NULL, -- Unix ms: start of the UTC hour, or local midnight of the day
    bucket_end      INTEGER NOT NULL, -- Unix ms, exclusive (a local day may be 23 or 25 hours)
    stream          TEXT    NOT NULL,
    prompt_version  TEXT    NOT NULL DEFAULT '',
    model           TEXT    NOT NULL DEFAULT '',
    sampled         INTEGER NOT NULL,
    judged          INTEGER NOT NULL,
    failed          INTEGER NOT NULL,
    hallucinations  INTEGER NOT NULL,
    accuracy_1      INTEGER NOT NULL,
    accuracy_2      INTEGER NOT NULL,
    accuracy_3      INTEGER NOT NULL,
    accuracy_4      INTEGER NOT NULL,
    accuracy_5      INTEGER NOT NULL,
    tone_1          INTEGER NOT NULL,
    tone_2          INTEGER NOT NULL,
    tone_3          INTEGER NOT NULL,
    tone_4          INTEGER NOT NULL,
    tone_5          INTEGER NOT NULL,
    prompt_tokens   INTEGER NOT NULL,
    cached_tokens   INTEGER NOT NULL,
    output_tokens   INTEGER NOT NULL,
    thinking_tokens INTEGER NOT NULL,
    cost_usd        REAL    NOT NULL,
    first_seen      INTEGER NOT NULL, -- Unix ms: earliest occurred_at of a sample in the bucket
    last_seen       INTEGER NOT NULL, -- Unix ms: latest occurred_at
    PRIMARY KEY (granularity, stream, bucket_start, prompt_version, model)
) WITHOUT ROWID;

CREATE INDEX ix_trend_rollups_time ON trend_rollups (granularity, bucket_start);

-- Where the rollup job left off: the highest samples.updated_at / verdicts.judged_at it has
-- folded in, and the time zone its daily rows were cut in.
CREATE TABLE trend_state (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    watermark  INTEGER NOT NULL,
    time_zone  TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE INDEX ix_samples_updated_at ON samples (updated_at);
