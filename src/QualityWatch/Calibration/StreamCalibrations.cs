namespace QualityWatch.Calibration;

/// <summary>
/// A stream's calibrations: <see cref="Current"/> belongs to the judge model and rubric that made the stream's
/// newest verdicts (null before the first verdict); <see cref="Earlier"/> to the ones before it, newest first.
/// A new judge model or rubric starts a new calibration from no labels; earlier labels stay with their own.
/// </summary>
internal sealed record StreamCalibrations(string Stream, StreamCalibration? Current, IReadOnlyList<StreamCalibration> Earlier)
{
    public static StreamCalibrations None(string stream) => new(stream, null, []);
}
