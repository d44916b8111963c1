-- Hours whose rollup is stale, marked by triggers inside the writer's own transaction, so the
-- rollup never depends on clocks or commit order (a verdict stamped before a later one but
-- committed after it is still seen). seq changes on every mark: the rollup clears a mark only
-- if it is the one it recomputed.
CREATE TABLE trend_dirty (
    stream TEXT    NOT NULL,
    hour   INTEGER NOT NULL, -- Unix ms: start of the UTC hour of the sample's occurred_at
    seq    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (stream, hour)
) WITHOUT ROWID;

CREATE TRIGGER trend_dirty_sample_inserted AFTER INSERT ON samples
BEGIN
    INSERT INTO trend_dirty (stream, hour) VALUES (NEW.stream, NEW.occurred_at - (NEW.occurred_at % 3600000))
    ON CONFLICT (stream, hour) DO UPDATE SET seq = seq + 1;
END;

-- Only the failed count depends on a sample's status.
CREATE TRIGGER trend_dirty_sample_failed AFTER UPDATE OF status ON samples
WHEN (OLD.status = 'failed') <> (NEW.status = 'failed')
BEGIN
    INSERT INTO trend_dirty (stream, hour) VALUES (NEW.stream, NEW.occurred_at - (NEW.occurred_at % 3600000))
    ON CONFLICT (stream, hour) DO UPDATE SET seq = seq + 1;
END;

CREATE TRIGGER trend_dirty_sample_deleted AFTER DELETE ON samples
BEGIN
    INSERT INTO trend_dirty (stream, hour) VALUES (OLD.stream, OLD.occurred_at - (OLD.occurred_at % 3600000))
    ON CONFLICT (stream, hour) DO UPDATE SET seq = seq + 1;
END;

CREATE TRIGGER trend_dirty_verdict_inserted AFTER INSERT ON verdicts
BEGIN
    INSERT INTO trend_dirty (stream, hour)
    SELECT stream, occurred_at - (occurred_at % 3600000) FROM samples WHERE interaction_id = NEW.interaction_id
    ON CONFLICT (stream, hour) DO UPDATE SET seq = seq + 1;
END;

CREATE TRIGGER trend_dirty_verdict_updated AFTER UPDATE ON verdicts
BEGIN
    INSERT INTO trend_dirty (stream, hour)
    SELECT stream, occurred_at - (occurred_at % 3600000) FROM samples WHERE interaction_id = NEW.interaction_id
    ON CONFLICT (stream, hour) DO UPDATE SET seq = seq + 1;
END;

-- Everything already stored is recomputed once under the new scheme.
INSERT INTO trend_dirty (stream, hour)
SELECT DISTINCT stream, occurred_at - (occurred_at % 3600000) FROM samples WHERE true
ON CONFLICT (stream, hour) DO NOTHING;
