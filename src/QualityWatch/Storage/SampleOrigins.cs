namespace QualityWatch.Storage;

/// <summary>Where a sample came from (<c>samples.origin</c>): the live worker judges only live ones.</summary>
internal static class SampleOrigins
{
    public const string Live = "live";
    public const string Backfill = "backfill";
}
