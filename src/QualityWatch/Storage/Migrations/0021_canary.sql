-- The judge-drift canary (Canary/): a reference set with known answers (and reviewed samples) re-judged daily.
-- One judgment per item, judge model, rubric and UTC day, so a run that restarts the same day resumes instead of
-- paying twice; and per day the run's confusion counts per item set with the drift test against earlier runs.
CREATE TABLE canary_judgments (
    day            INTEGER NOT NULL, -- Unix ms of the UTC day's midnight
    item_id        TEXT    NOT NULL, -- 'ref-v1-001', or 'review:<interaction_id>'
    item_set       TEXT    NOT NULL, -- 'reference-v1' (the shipped set and its version) or 'reviewed'
    judge_model    TEXT    NOT NULL,
    rubric_version TEXT    NOT NULL,
    expected       INTEGER NOT NULL CHECK (expected IN (0, 1)), -- the known answer: 1 = hallucination
    judged         INTEGER NOT NULL CHECK (judged IN (0, 1)),   -- the judge's answer
    cost_usd       REAL    NOT NULL,
    judged_at      INTEGER NOT NULL, -- Unix ms
    PRIMARY KEY (day, judge_model, rubric_version, item_id)
) WITHOUT ROWID;

CREATE TABLE canary_runs (
    day             INTEGER NOT NULL, -- Unix ms of the UTC day's midnight
    judge_model     TEXT    NOT NULL,
    rubric_version  TEXT    NOT NULL,
    item_set        TEXT    NOT NULL,
    tp              INTEGER NOT NULL, -- judged yes, known yes
    fp              INTEGER NOT NULL, -- judged yes, known no
    tn              INTEGER NOT NULL, -- judged no, known no
    fn              INTEGER NOT NULL, -- judged no, known yes
    unanswered      INTEGER NOT NULL, -- items without an answer today (judge failure, budget spent)
    baseline_runs   INTEGER NOT NULL, -- earlier runs of the same judge model, rubric and set compared with
    baseline_tp     INTEGER NOT NULL,
    baseline_fp     INTEGER NOT NULL,
    baseline_tn     INTEGER NOT NULL,
    baseline_fn     INTEGER NOT NULL,
    sensitivity_z   REAL    NULL,     -- one-sided two-proportion z of the drop against the baseline; null without one
    specificity_z   REAL    NULL,
    previous_day    INTEGER NULL,     -- the earlier run the items are paired with (McNemar): the newest before this one
    sensitivity_lost   INTEGER NOT NULL DEFAULT 0, -- hallucinated items caught then, missed now
    sensitivity_gained INTEGER NOT NULL DEFAULT 0, -- missed then, caught now
    specificity_lost   INTEGER NOT NULL DEFAULT 0, -- clean items passed then, flagged now
    specificity_gained INTEGER NOT NULL DEFAULT 0, -- flagged then, passed now
    sensitivity_paired_z REAL NULL,   -- one-sided McNemar z (continuity-corrected) of the drop against the previous run
    specificity_paired_z REAL NULL,
    alarm_z         REAL    NULL,     -- the level either z must reach for drift
    drift           INTEGER NOT NULL CHECK (drift IN (0, 1)),
    cost_usd        REAL    NOT NULL,
    finished_at     INTEGER NOT NULL, -- Unix ms
    PRIMARY KEY (judge_model, rubric_version, item_set, day)
) WITHOUT ROWID;

CREATE INDEX ix_canary_runs_finished ON canary_runs (finished_at);
