using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QualityWatch.Health;
using QualityWatch.Judging;
using QualityWatch.Tests.Trends;

namespace QualityWatch.Tests.Health;

public sealed class JudgeHealthCheckTests : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly JudgeStatus status = new();
    private TrendsDb? db;

    public void Dispose() => db?.Dispose();

    [Fact]
    public async Task FailureAfterAVerdictWithinTheWindow_IsHealthy_UntilTheWindowPasses()
    {
        var check = await CreateAsync(samplesWaiting: true);
        status.Record(Verdict(), time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(1));
        status.Record(JudgeOutcome.Failed(JudgeFailureKind.Transient, "connection failed: ConnectionError"), time.GetUtcNow());

        var recent = await check.CheckHealthAsync(new HealthCheckContext());
        time.Advance(Window);
        var stale = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, recent.Status);
        Assert.Equal(HealthStatus.Unhealthy, stale.Status);
        Assert.Contains("Transient: connection failed", stale.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerdictAfterAFailure_IsHealthyLongAfterTheWindow()
    {
        var check = await CreateAsync(samplesWaiting: true);
        status.Record(JudgeOutcome.Failed(JudgeFailureKind.Transient, "HTTP 500"), time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(1));
        status.Record(Verdict(), time.GetUtcNow());
        time.Advance(Window * 4);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Theory]
    [InlineData("Transient", HealthStatus.Unhealthy)]
    [InlineData("CircuitOpen", HealthStatus.Unhealthy)]
    [InlineData("Unauthorized", HealthStatus.Unhealthy)]
    [InlineData("Rejected", HealthStatus.Unhealthy)]
    [InlineData("DailyQuota", HealthStatus.Degraded)]
    [InlineData("RateLimited", HealthStatus.Healthy)]
    [InlineData("Unavailable", HealthStatus.Healthy)]
    [InlineData("InvalidReply", HealthStatus.Healthy)]
    public async Task OnlyFailuresThatMeanUnreachableOrMisconfigured_MakeItUnhealthy(string kindName, HealthStatus expected)
    {
        var kind = Enum.Parse<JudgeFailureKind>(kindName);
        var check = await CreateAsync(samplesWaiting: true);
        status.Record(JudgeOutcome.Failed(kind, "judge said no"), time.GetUtcNow());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public async Task UnreachableJudgeWithNothingWaiting_IsHealthy()
    {
        var check = await CreateAsync(samplesWaiting: false);
        status.Record(JudgeOutcome.Failed(JudgeFailureKind.Transient, "connection failed: ConnectionError"), time.GetUtcNow());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("No sample is waiting", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoApiKey_IsDisabledNamingTheProvidersVariable()
    {
        var check = await CreateAsync(samplesWaiting: false, apiKey: null, provider: JudgeProviders.OpenAi);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(ComponentStates.Disabled, ComponentStates.Of(new HealthReportEntry(result.Status, result.Description, TimeSpan.Zero, null, result.Data)));
        Assert.Contains("OPENAI_API_KEY", result.Description, StringComparison.Ordinal);
    }

    private static JudgeOutcome Verdict() => JudgeOutcome.Success(new Verdict(5, 5, false, [], "fine"), default, JudgeTiers.Flex);

    private async Task<JudgeHealthCheck> CreateAsync(bool samplesWaiting, string? apiKey = "key-0123456789abcdef", string provider = JudgeProviders.Gemini)
    {
        db = await TrendsDb.CreateAsync(time: time);
        if (samplesWaiting)
        {
            db.Sample("waiting-1", "2026-03-02T09:00:00Z", status: "pending");
        }

        return new JudgeHealthCheck(
            Options.Create(new JudgeOptions { ApiKey = apiKey, Provider = provider }),
            Options.Create(new HealthOptions { JudgeWindow = Window }),
            status,
            db.Connections,
            time);
    }
}
