namespace QualityWatch.Simulator.Stats;

/// <summary>
/// One verdict the simulator gave, beside the truth the markers held: tests and benches read judge error
/// (and the true rate) from these. <see cref="TextKey"/> is a digest of the judged text.
/// </summary>
public sealed record JudgedTruth(string TextKey, string Model, bool TrueHallucination, bool JudgedHallucination);
