namespace QualityWatch.Storage;

/// <summary>One numbered schema change, embedded as <c>Storage/Migrations/NNNN_name.sql</c>.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
