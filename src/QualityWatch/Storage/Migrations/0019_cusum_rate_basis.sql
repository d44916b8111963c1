-- Which rate a sequential statistic runs on (issue 18): 'judged', or 'corrected' when its p0 and p1 were set on the
-- true scale and mapped to the judged scale through a calibration; the calibration used, as JSON, for the evidence.
ALTER TABLE alert_cusum ADD COLUMN rate_basis TEXT NOT NULL DEFAULT 'judged';
ALTER TABLE alert_cusum ADD COLUMN calibration TEXT;
