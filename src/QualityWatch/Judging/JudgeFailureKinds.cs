namespace QualityWatch.Judging;

/// <summary>
/// <see cref="JudgeFailureKind"/> as stored in <c>failure_kind</c>: the member's name, the same word that
/// starts <c>last_error</c> ("Unavailable: HTTP 503 ..."), which is how migration 0014 filled the column for older rows.
/// </summary>
internal static class JudgeFailureKinds
{
    public static string ToText(JudgeFailureKind kind) => kind.ToString();

    /// <summary>Null for no failure, and for a word this build does not know (a newer build's kind): it then decides nothing.</summary>
    public static JudgeFailureKind? Parse(string? text) =>
        Enum.TryParse<JudgeFailureKind>(text, ignoreCase: false, out var kind) && Enum.IsDefined(kind) ? kind : null;
}
