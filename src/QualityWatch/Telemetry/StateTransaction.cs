using Microsoft.Data.Sqlite;

namespace QualityWatch.Telemetry;

/// <summary>The read transaction every state read of one refresh shares, and the moment it describes.</summary>
internal sealed record StateTransaction(SqliteConnection Connection, SqliteTransaction Transaction, DateTimeOffset Now);
