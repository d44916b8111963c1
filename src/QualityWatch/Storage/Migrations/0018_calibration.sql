-- The judged population of each calibration: verdicts per stream x judge model x rubric version, and how
-- many said hallucination. Kept by triggers in the judge's own transaction, so reading a calibration costs
-- one small row however many samples there are (a COUNT over the verdicts of a stream reads them all).
-- first/last_judged_at tell which judge model and rubric a stream uses now (the newest last_judged_at).
CREATE TABLE calibration_population (
    stream          TEXT    NOT NULL,
    judge_model     TEXT    NOT NULL,
    rubric_version  TEXT    NOT NULL,
    judged          INTEGER NOT NULL,
    judged_positive INTEGER NOT NULL,
    first_judged_at INTEGER NOT NULL, -- Unix ms
    last_judged_at  INTEGER NOT NULL, -- Unix ms
    PRIMARY KEY (stream, judge_model, rubric_version)
) WITHOUT ROWID;

CREATE TRIGGER calibration_population_verdict_inserted AFTER INSERT ON verdicts
BEGIN
    INSERT INTO calibration_population (stream, judge_model, rubric_version, judged, judged_positive, first_judged_at, last_judged_at)
    SELECT stream, NEW.judge_model, NEW.rubric_version, 1, NEW.hallucination, NEW.judged_at, NEW.judged_at
    FROM samples WHERE interaction_id = NEW.interaction_id
    ON CONFLICT (stream, judge_model, rubric_version) DO UPDATE SET judged = judged + 1,
        judged_positive = judged_positive + excluded.judged_positive,
        first_judged_at = MIN(first_judged_at, excluded.first_judged_at), last_judged_at = MAX(last_judged_at, excluded.last_judged_at);
END;

-- Verdicts are written once today; should one ever be rewritten, it moves between cells rather than counting twice.
CREATE TRIGGER calibration_population_verdict_updated AFTER UPDATE OF hallucination, judge_model, rubric_version ON verdicts
BEGIN
    UPDATE calibration_population SET judged = judged - 1, judged_positive = judged_positive - OLD.hallucination
    WHERE stream = (SELECT stream FROM samples WHERE interaction_id = OLD.interaction_id)
      AND judge_model = OLD.judge_model AND rubric_version = OLD.rubric_version;
    INSERT INTO calibration_population (stream, judge_model, rubric_version, judged, judged_positive, first_judged_at, last_judged_at)
    SELECT stream, NEW.judge_model, NEW.rubric_version, 1, NEW.hallucination, NEW.judged_at, NEW.judged_at
    FROM samples WHERE interaction_id = NEW.interaction_id
    ON CONFLICT (stream, judge_model, rubric_version) DO UPDATE SET judged = judged + 1,
        judged_positive = judged_positive + excluded.judged_positive,
        first_judged_at = MIN(first_judged_at, excluded.first_judged_at), last_judged_at = MAX(last_judged_at, excluded.last_judged_at);
END;

INSERT INTO calibration_population (stream, judge_model, rubric_version, judged, judged_positive, first_judged_at, last_judged_at)
SELECT s.stream, v.judge_model, v.rubric_version, COUNT(*), SUM(v.hallucination), MIN(v.judged_at), MAX(v.judged_at)
FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
GROUP BY s.stream, v.judge_model, v.rubric_version;
