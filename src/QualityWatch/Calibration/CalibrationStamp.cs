namespace QualityWatch.Calibration;

/// <summary>
/// What a stream's calibrations were built from, cheap to read: the labels' count and newest change, and the
/// population rows. A calibration is rebuilt when a label changed, and when verdicts arrived once its cache
/// duration is over.
/// </summary>
internal sealed record CalibrationStamp(long Labels, long LabelsChangedAt, IReadOnlyList<PopulationRow> Population)
{
    public bool SameLabels(CalibrationStamp other) => Labels == other.Labels && LabelsChangedAt == other.LabelsChangedAt;

    public bool SamePopulation(CalibrationStamp other) => Population.SequenceEqual(other.Population);
}
