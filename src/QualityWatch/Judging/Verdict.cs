namespace QualityWatch.Judging;

/// <summary>The judge's structured answer for one sample.</summary>
internal sealed record Verdict(int Accuracy, int Tone, bool Hallucination, IReadOnlyList<string> UnsupportedClaims, string Reason);
