-- Why an item's last judge call gave no verdict, as a JudgeFailureKind name, in its own column: the judge
-- decides by it (the Flex fallback) instead of reading the start of last_error, which stays for people.
ALTER TABLE samples ADD COLUMN failure_kind TEXT NULL;
ALTER TABLE backfill_work ADD COLUMN failure_kind TEXT NULL;

-- Rows written before the column: last_error was "<Kind>: <detail>" for every call that gave no verdict.
-- Reasons that do not start with a known kind (e.g. "batch job expired") leave the column empty.
UPDATE samples SET failure_kind = substr(last_error, 1, instr(last_error, ':') - 1)
WHERE last_error IS NOT NULL
  AND substr(last_error, 1, instr(last_error, ':') - 1) IN
      ('RateLimited', 'Unavailable', 'Transient', 'InvalidReply', 'CacheMissing', 'DailyQuota', 'CircuitOpen', 'Unauthorized', 'Rejected');
UPDATE backfill_work SET failure_kind = substr(last_error, 1, instr(last_error, ':') - 1)
WHERE last_error IS NOT NULL
  AND substr(last_error, 1, instr(last_error, ':') - 1) IN
      ('RateLimited', 'Unavailable', 'Transient', 'InvalidReply', 'CacheMissing', 'DailyQuota', 'CircuitOpen', 'Unauthorized', 'Rejected');
