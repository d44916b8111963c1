using Microsoft.Extensions.Logging.Testing;

namespace QualityWatch.Tests.Support;

/// <summary>What a test reads from a <see cref="FakeLogCollector"/> besides event ids: the records' text, to prove a secret is in none.</summary>
internal static class LogRecords
{
    /// <summary>
    /// One of QualityWatch's own events: event ids are unique within the service (LogEventIdTests), but
    /// the framework's loggers number theirs too, and some of their numbers are ours.
    /// </summary>
    public static bool Is(this FakeLogRecord record, int eventId) =>
        record.Id.Id == eventId && record.Category?.StartsWith("QualityWatch.", StringComparison.Ordinal) == true;

    /// <summary>The message and the exception with its stack trace.</summary>
    public static string Text(this FakeLogRecord record) => $"{record.Message} {record.Exception}";

    /// <summary>Every record, one a line, as a console logger would show it.</summary>
    public static string AllText(this FakeLogCollector logs) =>
        string.Join('\n', logs.GetSnapshot().Select(r => $"{r.Level} {r.Category}[{r.Id.Id}] {r.Text()}"));
}
