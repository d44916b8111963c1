namespace QualityWatch.Judging.Queue;

/// <summary>
/// The one mapping between <see cref="SampleStatus"/> and the text stored in <c>samples.status</c> and
/// <c>backfill_work.status</c>. SQL names a status only through these constants (interpolated into
/// constant SQL) or through <see cref="ToText"/> as a parameter, so the spelling lives here alone;
/// <c>StatusLiteralTests</c> fails when a raw status literal appears anywhere else.
/// </summary>
internal static class SampleStatuses
{
    public const string Pending = "pending";
    public const string Leased = "leased";
    public const string Batched = "batched";
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>The statuses a live sample can have, as <c>GET /v1/samples?status=</c> accepts them.</summary>
    public static IReadOnlyList<string> Live { get; } = [Pending, Leased, Done, Failed];

    public static string ToText(this SampleStatus status) => status switch
    {
        SampleStatus.Pending => Pending,
        SampleStatus.Leased => Leased,
        SampleStatus.Batched => Batched,
        SampleStatus.Done => Done,
        SampleStatus.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static SampleStatus Parse(string text) => text switch
    {
        Pending => SampleStatus.Pending,
        Leased => SampleStatus.Leased,
        Batched => SampleStatus.Batched,
        Done => SampleStatus.Done,
        Failed => SampleStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "not a sample status"),
    };

    /// <summary>Waiting for the judge: pending or leased.</summary>
    public static bool IsOpen(string text) => Parse(text) is SampleStatus.Pending or SampleStatus.Leased;
}
