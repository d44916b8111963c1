-- The deploy view (/versions) shows the worst judged samples of one prompt_version or model of a stream: hallucinated
-- first, then lowest accuracy, newest first. Those order keys live in verdicts and the filter in samples, so a join of
-- the two read and sorted every verdict of the version (83 k to 167 k rows at 1 M samples: p95 259 ms by version,
-- 569 ms by model). This table copies each verdict's order keys beside its sample's stream, prompt_version and model,
-- kept by triggers in the writer's own transaction (as trend_dirty and review_pool are), so each index below hands over
-- the first rows already in order: EXPLAIN QUERY PLAN reads SEARCH k USING COVERING INDEX, with no TEMP B-TREE FOR ORDER BY.
CREATE TABLE version_verdicts (
    interaction_id TEXT    NOT NULL,
    rubric_version TEXT    NOT NULL,
    stream         TEXT    NOT NULL,
    prompt_version TEXT    NULL,
    model          TEXT    NULL,
    hallucination  INTEGER NOT NULL,
    accuracy       INTEGER NOT NULL,
    judged_at      INTEGER NOT NULL, -- Unix ms
    PRIMARY KEY (interaction_id, rubric_version)
) WITHOUT ROWID;

CREATE INDEX ix_version_verdicts_prompt_version
    ON version_verdicts (stream, prompt_version, rubric_version, hallucination DESC, accuracy, judged_at DESC, interaction_id);
CREATE INDEX ix_version_verdicts_model
    ON version_verdicts (stream, model, rubric_version, hallucination DESC, accuracy, judged_at DESC, interaction_id);

CREATE TRIGGER version_verdicts_verdict_inserted AFTER INSERT ON verdicts
BEGIN
    INSERT INTO version_verdicts (interaction_id, rubric_version, stream, prompt_version, model, hallucination, accuracy, judged_at)
    SELECT NEW.interaction_id, NEW.rubric_version, stream, prompt_version, model, NEW.hallucination, NEW.accuracy, NEW.judged_at
    FROM samples WHERE interaction_id = NEW.interaction_id
    ON CONFLICT (interaction_id, rubric_version) DO UPDATE SET
        hallucination = excluded.hallucination, accuracy = excluded.accuracy, judged_at = excluded.judged_at;
END;

CREATE TRIGGER version_verdicts_verdict_updated AFTER UPDATE ON verdicts
BEGIN
    DELETE FROM version_verdicts WHERE interaction_id = OLD.interaction_id AND rubric_version = OLD.rubric_version;
    INSERT INTO version_verdicts (interaction_id, rubric_version, stream, prompt_version, model, hallucination, accuracy, judged_at)
    SELECT NEW.interaction_id, NEW.rubric_version, stream, prompt_version, model, NEW.hallucination, NEW.accuracy, NEW.judged_at
    FROM samples WHERE interaction_id = NEW.interaction_id
    ON CONFLICT (interaction_id, rubric_version) DO NOTHING;
END;

CREATE TRIGGER version_verdicts_verdict_deleted AFTER DELETE ON verdicts
BEGIN
    DELETE FROM version_verdicts WHERE interaction_id = OLD.interaction_id AND rubric_version = OLD.rubric_version;
END;

INSERT INTO version_verdicts (interaction_id, rubric_version, stream, prompt_version, model, hallucination, accuracy, judged_at)
SELECT v.interaction_id, v.rubric_version, s.stream, s.prompt_version, s.model, v.hallucination, v.accuracy, v.judged_at
FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id
WHERE true
ON CONFLICT (interaction_id, rubric_version) DO NOTHING;
