using Microsoft.Data.Sqlite;

namespace QualityWatch.Backfill;

/// <summary>The load's counts, and for a dry run the still-open transaction holding what it would store.</summary>
internal sealed record LoadResult(LoadSummary Summary, SqliteTransaction? Pending);
