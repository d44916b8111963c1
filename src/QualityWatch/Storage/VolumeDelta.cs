namespace QualityWatch.Storage;

/// <summary>Counts to add to one hourly volume row.</summary>
internal sealed class VolumeDelta
{
    public long Received { get; set; }

    public long Duplicates { get; set; }

    public long Sampled { get; set; }
}
