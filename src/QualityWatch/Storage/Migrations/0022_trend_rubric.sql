-- The rubric whose verdicts the trend rollups count (Judge:Rubric). The rollup compares it with the configured one at
-- each run and recomputes every bucket after a switch. Rollups made before this column existed counted v1, the only
-- rubric the live judge used then.
ALTER TABLE trend_state ADD COLUMN rubric_version TEXT NOT NULL DEFAULT 'v1';
