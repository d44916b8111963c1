-- Who may hold leases (samples.lease_owner, backfill_work.lease_owner): one row per running
-- process. A live owner refreshes heartbeat_at; an owner found dead (its lock file free, or its
-- heartbeat stale) has its leases given back at once, attempts refunded, instead of after the
-- lease expiry. Leases of owners without a row (older builds) still wait for the expiry.
CREATE TABLE lease_owners (
    owner        TEXT    NOT NULL PRIMARY KEY, -- the lease_owner value the process writes
    instance     TEXT    NOT NULL,             -- names its lock file beside the database
    started_at   INTEGER NOT NULL,             -- Unix ms
    heartbeat_at INTEGER NOT NULL              -- Unix ms
) WITHOUT ROWID;
