-- Every prompt_version and model value a stream has seen, and the boost a new one gets.
CREATE TABLE sampling_versions (
    stream        TEXT    NOT NULL,
    dimension     TEXT    NOT NULL CHECK (dimension IN ('prompt_version', 'model')),
    value         TEXT    NOT NULL,
    first_seen    INTEGER NOT NULL, -- Unix ms, ingest time
    last_seen     INTEGER NOT NULL,
    boost_until   INTEGER NOT NULL, -- Unix ms; 0 = never boosted
    boost_counter INTEGER NOT NULL, -- interactions counted during the boost
    boost_sampled INTEGER NOT NULL, -- boost samples taken
    PRIMARY KEY (stream, dimension, value)
) WITHOUT ROWID;

-- The judge tier a sample asks for (boost samples: Sampling:Boost:JudgeTier); NULL = Judge:ServiceTier.
ALTER TABLE samples ADD COLUMN judge_tier TEXT NULL;

-- Daily judge budget pacing per stream (Sampling:Budget), saved with the counter.
ALTER TABLE sampling_state ADD COLUMN budget_day INTEGER NOT NULL DEFAULT 0;            -- UTC day number (Unix ms / 86,400,000)
ALTER TABLE sampling_state ADD COLUMN budget_spent REAL NOT NULL DEFAULT 0;             -- spent today, in Budget:Unit
ALTER TABLE sampling_state ADD COLUMN budget_seen_today INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sampling_state ADD COLUMN budget_seen_yesterday INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sampling_state ADD COLUMN budget_credit REAL NOT NULL DEFAULT 0;            -- pacing accumulator

-- The deploy-anchored one-sided SPRT run beside each version's CUSUM (Alerting, kind sequential).
ALTER TABLE alert_cusum ADD COLUMN deploy_statistic REAL NOT NULL DEFAULT 0; -- Σ LLR since the version's first verdict (nats)
ALTER TABLE alert_cusum ADD COLUMN deploy_open INTEGER NOT NULL DEFAULT 0;   -- 1 while the test still runs
ALTER TABLE alert_cusum ADD COLUMN alarmed_by TEXT NULL;                      -- 'cusum' or 'deploy_test'
