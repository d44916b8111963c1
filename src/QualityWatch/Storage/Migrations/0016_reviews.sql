-- Review labels: a person's answer about one judged sample. One current row per sample and reviewer
-- (posting the same answer again changes nothing; a changed answer updates the row and bumps version),
-- every version kept in review_label_history. Labels carry the verdict they were compared against
-- (the judge's answer, judge model, rubric version) and the stream, so calibration per
-- stream x judge model x rubric reads them alone; no foreign key to samples, so labels outlive them.
CREATE TABLE review_labels (
    interaction_id       TEXT    NOT NULL,
    reviewer             TEXT    NOT NULL, -- the key's Name or the proxy user, identifier-redacted
    stream               TEXT    NOT NULL,
    hallucination        INTEGER NOT NULL CHECK (hallucination IN (0, 1)),
    accuracy             INTEGER NULL CHECK (accuracy BETWEEN 1 AND 5),
    tone                 INTEGER NULL CHECK (tone BETWEEN 1 AND 5),
    note                 TEXT    NULL,     -- redacted like the samples' text
    judged_hallucination INTEGER NOT NULL CHECK (judged_hallucination IN (0, 1)),
    judge_model          TEXT    NOT NULL,
    rubric_version       TEXT    NOT NULL,
    version              INTEGER NOT NULL, -- 1 for the first answer, +1 per change
    created_at           INTEGER NOT NULL, -- Unix ms
    updated_at           INTEGER NOT NULL, -- Unix ms
    PRIMARY KEY (interaction_id, reviewer)
) WITHOUT ROWID;

CREATE INDEX ix_review_labels_stream ON review_labels (stream, updated_at);
CREATE INDEX ix_review_labels_updated ON review_labels (updated_at);
CREATE INDEX ix_review_labels_calibration ON review_labels (stream, judge_model, rubric_version, judged_hallucination);

CREATE TABLE review_label_history (
    interaction_id       TEXT    NOT NULL,
    reviewer             TEXT    NOT NULL,
    version              INTEGER NOT NULL,
    hallucination        INTEGER NOT NULL,
    accuracy             INTEGER NULL,
    tone                 INTEGER NULL,
    note                 TEXT    NULL,
    judged_hallucination INTEGER NOT NULL,
    judge_model          TEXT    NOT NULL,
    rubric_version       TEXT    NOT NULL,
    labelled_at          INTEGER NOT NULL, -- Unix ms
    PRIMARY KEY (interaction_id, reviewer, version)
) WITHOUT ROWID;

-- Every judged sample as the review queue draws it: the newest verdict's answer is its stratum, and
-- draw_key, random and fixed at the first verdict, orders the draw, so taking the lowest keys of a
-- stratum through the index is a uniform random draw without replacement at any table size.
CREATE TABLE review_pool (
    interaction_id TEXT    NOT NULL PRIMARY KEY REFERENCES samples (interaction_id) ON DELETE CASCADE,
    stream         TEXT    NOT NULL,
    judged         INTEGER NOT NULL, -- the newest verdict's hallucination answer
    judge_model    TEXT    NOT NULL,
    rubric_version TEXT    NOT NULL,
    judged_at      INTEGER NOT NULL, -- Unix ms, of that verdict
    boost          INTEGER NOT NULL, -- 1 when sampled at a new version's boosted rate
    draw_key       INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX ix_review_pool_draw ON review_pool (stream, judged, draw_key);
CREATE INDEX ix_review_pool_draw_all ON review_pool (judged, draw_key);
CREATE INDEX ix_review_pool_boost ON review_pool (stream, judged, draw_key) WHERE boost = 1;

-- Kept by triggers in the judge's own transaction, so live verdicts, backfills and re-judges all land.
CREATE TRIGGER review_pool_verdict_inserted AFTER INSERT ON verdicts
BEGIN
    INSERT INTO review_pool (interaction_id, stream, judged, judge_model, rubric_version, judged_at, boost, draw_key)
    SELECT NEW.interaction_id, stream, NEW.hallucination, NEW.judge_model, NEW.rubric_version, NEW.judged_at, sample_reason = 'boost', random()
    FROM samples WHERE interaction_id = NEW.interaction_id
    ON CONFLICT (interaction_id) DO UPDATE SET judged = excluded.judged, judge_model = excluded.judge_model,
        rubric_version = excluded.rubric_version, judged_at = excluded.judged_at
    WHERE excluded.judged_at >= review_pool.judged_at;
END;

CREATE TRIGGER review_pool_verdict_updated AFTER UPDATE ON verdicts
BEGIN
    UPDATE review_pool SET judged = NEW.hallucination, judge_model = NEW.judge_model, rubric_version = NEW.rubric_version, judged_at = NEW.judged_at
    WHERE interaction_id = NEW.interaction_id AND NEW.judged_at >= judged_at;
END;

-- Samples judged before this migration join the pool once, their newest verdict deciding the stratum.
INSERT INTO review_pool (interaction_id, stream, judged, judge_model, rubric_version, judged_at, boost, draw_key)
SELECT v.interaction_id, s.stream, v.hallucination, v.judge_model, v.rubric_version, v.judged_at, s.sample_reason = 'boost', random()
FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
WHERE v.judged_at = (SELECT MAX(judged_at) FROM verdicts w WHERE w.interaction_id = v.interaction_id)
ON CONFLICT (interaction_id) DO NOTHING;
