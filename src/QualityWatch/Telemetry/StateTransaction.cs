using Microsoft.Data.Sqlite;

namespace QualityWatch.Telemetry;

/// <summary>The read transaction every state read of one refresh shares, and the moment it describes.</summary>
public sealed record StateTransaction(SqliteConnection Connection, SqliteTransaction Transaction, DateTimeOffset Now);
