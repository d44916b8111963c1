using QualityWatch.Incidents;

namespace QualityWatch.WebConsole;

/// <summary>
/// The outcome of an on-call action as the redirect carries it (a code, never free text, so a crafted link cannot put
/// words on the page) and as the page says it.
/// </summary>
internal static class ActionMessages
{
    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["acknowledged"] = "Acknowledged: the incident's repeats stop; an update or the resolve still goes out.",
        ["silenced"] = "Silence set: matching incidents send nothing until it ends (a page it held goes out then if the incident is still open).",
        ["silence_deleted"] = "Silence deleted.",
    };

    private static readonly Dictionary<string, string> Problems = new(StringComparer.Ordinal)
    {
        ["incident_not_found"] = "There is no such incident.",
        ["not_open"] = "Not acknowledged: only an open incident can be acknowledged, and this one is acknowledged or resolved already.",
        ["silence_not_found"] = "There is no such silence, or it was deleted already.",
        ["invalid_duration"] = "Pick how long the silence lasts.",
        ["invalid_stream"] = IncidentActions.StreamRequired,
        ["invalid_reason"] = IncidentActions.ReasonRequired,
        ["invalid_subject"] = IncidentActions.SubjectEmpty,
        ["invalid_ends_at"] = IncidentActions.EndsAtOutOfRange,
    };

    public static string DoneQuery(string code) => "done=" + code;

    public static string ProblemQuery(string code) => "problem=" + code;

    /// <summary>What to say for <c>?done=</c> / <c>?problem=</c>; null for no or an unknown code.</summary>
    public static (string Text, bool Problem)? Describe(string? done, string? problem) =>
        problem is not null && Problems.TryGetValue(problem, out var p) ? (p, true)
        : done is not null && Done.TryGetValue(done, out var d) ? (d, false)
        : null;
}
