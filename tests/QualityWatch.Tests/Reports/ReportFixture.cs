using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Calibration;
using QualityWatch.Reports;
using QualityWatch.Tests.Support;
using QualityWatch.Tests.Trends;

namespace QualityWatch.Tests.Reports;

/// <summary>
/// Two days of stream "support" in a migrated temp database: 2026-03-09 with 1 of 10 judged
/// hallucinating, 2026-03-10 with 3 of 20 (15%), 1000 interactions and 20 samples that day.
/// </summary>
internal sealed class ReportFixture : IDisposable
{
    private ReportFixture(TrendsDb db, FakeTimeProvider time, ReportsOptions options)
    {
        Db = db;
        Time = time;
        Options = options;
        Store = new ReportStore(db.Connections);
        var calibrations = new CalibrationReader(db.Connections, Microsoft.Extensions.Options.Options.Create(new CalibrationOptions()), time);
        Builder = new DailyReportBuilder(
            db.Queries, new ReportQueries(db.Connections, new QualityWatch.Judging.CurrentRubric(QualityWatch.Judging.Rubric.DefaultVersion)), new QualityWatch.Trends.VersionChanges(db.Connections), db.Calendar, new CorrectedRates(calibrations), Microsoft.Extensions.Options.Options.Create(options));
        Sender = new DailyReportSender(Builder, Store, Outbox, db.Rollup, db.Calendar, Microsoft.Extensions.Options.Options.Create(options), time, NullLogger<DailyReportSender>.Instance);
    }

    public TrendsDb Db { get; }

    public FakeTimeProvider Time { get; }

    public ReportsOptions Options { get; }

    public ReportStore Store { get; }

    public DailyReportBuilder Builder { get; }

    public DailyReportSender Sender { get; }

    public CapturingOutbox Outbox { get; } = new();

    public static async Task<ReportFixture> CreateAsync(string now = "2026-03-11T05:00:00Z", string zone = "UTC", ReportsOptions? options = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var db = await TrendsDb.CreateAsync(zone, time);
        Seed(db);
        return new ReportFixture(db, time, options ?? new ReportsOptions());
    }

    public void SetNow(string iso) => Time.SetUtcNow(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    private static void Seed(TrendsDb db)
    {
        for (var i = 0; i < 10; i++)
        {
            db.Sample($"d9-{i}", $"2026-03-09T12:{i:00}:00Z");
            db.Verdict($"d9-{i}", accuracy: 4, tone: 5, hallucination: i == 0, judgedAt: $"2026-03-09T13:{i:00}:00Z", cost: 0.01);
        }

        for (var i = 0; i < 20; i++)
        {
            var hallucinated = i < 3;
            db.Sample($"d10-{i}", $"2026-03-10T09:{i:00}:00Z", promptVersion: i < 10 ? "p1" : "p2",
                response: hallucinated ? $"Refund {i} was sent to [CARD_REDACTED] already." : "Your order shipped.");
            db.Verdict($"d10-{i}", accuracy: hallucinated ? 1 + i : 4, tone: 4, hallucination: hallucinated, judgedAt: $"2026-03-10T10:{i:00}:00Z",
                cost: 0.02, claims: hallucinated ? $$"""["refund {{i}} already sent"]""" : "[]");
        }

        db.Volume("2026-03-09T12:00:00Z", 400);
        db.Volume("2026-03-10T09:00:00Z", 600);
        db.Volume("2026-03-10T09:00:00Z", 400, promptVersion: "p2");
    }

    public void Dispose() => Db.Dispose();
}
