namespace QualityWatch.Incidents;

/// <summary>The states of an incident, as stored in <c>incidents.state</c>.</summary>
internal static class IncidentStates
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static IReadOnlyList<string> All { get; } = [Open, Acknowledged, Resolved];
}
