using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using QualityWatch.Simulator.Faults;
using QualityWatch.Simulator.Stats;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Judging;

/// <summary>Whatever the judge API does, each sample ends with exactly one verdict or failed with a reason.</summary>
public sealed class JudgeFaultTests
{
    private static int GenerateCalls(JudgeHarness harness) => harness.Simulator.Stats.Records.Count(r => r.Kind == EndpointKind.GenerateContent);

    [Fact]
    public async Task Judge_429WithRetryInfo_WaitsTheRequestedDelayThenJudgesOnce()
    {
        await using var harness = await JudgeHarness.StartAsync();
        harness.Simulator.Faults.Enqueue(SimulatedFault.TooManyRequests(retryDelay: TimeSpan.FromSeconds(1.5)));

        await harness.SendAsync("Fine answer.");
        var counts = await harness.SettleAsync();

        Assert.Equal(1, counts.GetValueOrDefault("done"));
        var calls = harness.Simulator.Stats.Records.Where(r => r.Kind == EndpointKind.GenerateContent).OrderBy(r => r.Timestamp).ToList();
        Assert.Equal([429, 200], calls.Select(c => c.StatusCode));
        Assert.True(calls[1].Timestamp - calls[0].Timestamp >= TimeSpan.FromSeconds(1.4), $"retried after {calls[1].Timestamp - calls[0].Timestamp}");
        Assert.Equal(1, Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
    }

    [Fact]
    public async Task Judge_429sRetried_AreLoggedAtDebug_NotAsPollyWarnings()
    {
        var logs = new FakeLogCollector();
        await using var harness = await JudgeHarness.StartAsync(settings: new Dictionary<string, string?> { ["Logging:LogLevel:Polly"] = "Debug" }, logs: logs);
        harness.Simulator.Faults.Enqueue(SimulatedFault.TooManyRequests(retryDelay: TimeSpan.FromSeconds(0.2)));
        harness.Simulator.Faults.Enqueue(SimulatedFault.TooManyRequests(retryDelay: TimeSpan.FromSeconds(0.2)));

        await harness.SendAsync("Fine answer.");
        await harness.SettleAsync();

        Assert.Equal([429, 429, 200], harness.Simulator.Stats.Records.Where(r => r.Kind == EndpointKind.GenerateContent).OrderBy(r => r.Timestamp).Select(r => r.StatusCode));
        var polly = logs.GetSnapshot().Where(r => r.Category == "Polly").ToList();
        Assert.Contains(polly, r => r.Level == LogLevel.Debug && r.Message.Contains("OnRetry", StringComparison.Ordinal));
        Assert.DoesNotContain(polly, r => r.Level is LogLevel.Warning or LogLevel.Error);
    }

    [Theory]
    [InlineData("503")]
    [InlineData("500")]
    [InlineData("hang")]
    public async Task Judge_TransientFailure_IsRetriedAndTheSampleJudgedOnce(string fault)
    {
        await using var harness = await JudgeHarness.StartAsync(settings: new Dictionary<string, string?> { ["Judge:RequestTimeout"] = "00:00:01" });
        harness.Simulator.Faults.Enqueue(fault switch
        {
            "503" => SimulatedFault.ServiceUnavailable(),
            "500" => SimulatedFault.InternalError(),
            _ => SimulatedFault.Hang(),
        });

        await harness.SendAsync("Fine answer.");
        var counts = await harness.SettleAsync();

        Assert.Equal(1, counts.GetValueOrDefault("done"));
        Assert.Equal(2, GenerateCalls(harness));
        Assert.Equal(1, Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
    }

    [Fact]
    public async Task Judge_MalformedReply_IsAJudgeErrorRetriedAsANewAttempt()
    {
        await using var harness = await JudgeHarness.StartAsync();
        harness.Simulator.Faults.Enqueue(SimulatedFault.MalformedReply());

        var ids = await harness.SendAsync("Fine answer.");
        await harness.SettleAsync();

        Assert.Equal(("done", 2L), Db.Query<(string, long)>(harness.DatabasePath, "SELECT status, attempts FROM samples WHERE interaction_id = @id", new { id = ids[0] }).Single());
        Assert.Equal(2L, Db.Scalar<long>(harness.DatabasePath, "SELECT attempts FROM verdicts"));
    }

    [Fact]
    public async Task Judge_AlwaysMalformed_EndsFailedWithTheReasonVisible()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: new Dictionary<string, string?> { ["Judge:MaxAttempts"] = "2" });
        harness.Simulator.Faults.MalformedRate = 1.0;

        var ids = await harness.SendAsync("One.", "Two.");
        var counts = await harness.SettleAsync();

        Assert.Equal(2, counts.GetValueOrDefault("failed"));
        Assert.Equal(0, Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM verdicts"));
        Assert.Equal(["InvalidReply"], Db.Query<string>(harness.DatabasePath, "SELECT DISTINCT failure_kind FROM samples"));
        var listed = await (await harness.Host.Client.GetAsync("/v1/samples?status=failed")).ReadJsonAsync();
        Assert.Equal(ids.Order(), listed.EnumerateArray().Select(s => s.GetProperty("interaction_id").GetString()!).Order());
        Assert.All(listed.EnumerateArray(), s =>
        {
            Assert.StartsWith("InvalidReply:", s.GetProperty("last_error").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, s.GetProperty("attempts").GetInt32());
        });
    }

    [Fact]
    public async Task Judge_DailyQuotaExhausted_StopsCallingAndKeepsSamplesPendingWithAReason()
    {
        await using var harness = await JudgeHarness.StartAsync();
        harness.Simulator.Faults.Enqueue(SimulatedFault.DailyQuotaExhausted());

        var first = await harness.SendAsync("One.");
        await harness.SettleAsync(until: c => Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM samples WHERE last_error IS NOT NULL") == 1);
        await harness.SendAsync("Two.", "Three.");
        Assert.True(await Eventually.StaysAsync(() => GenerateCalls(harness) == 1, TimeSpan.FromSeconds(1.5)), $"{GenerateCalls(harness)} calls after the quota ran out");

        Assert.Equal(3, Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM samples WHERE status = 'pending'"));
        var sample = await (await harness.Host.Client.GetAsync($"/v1/samples/{first[0]}")).ReadJsonAsync();
        Assert.StartsWith("DailyQuota:", sample.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.Contains("paused until", sample.GetProperty("judge_state").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, sample.GetProperty("attempts").GetInt32());

        // The same decision as backfill's (BackfillFailurePolicyTests): the kind in its own column, due when the pause ends.
        var (kind, next) = Db.Query<(string, long)>(harness.DatabasePath, "SELECT failure_kind, next_attempt_at FROM samples WHERE interaction_id = @id", new { id = first[0] }).Single();
        Assert.Equal("DailyQuota", kind);
        Assert.Equal(0, DateTimeOffset.FromUnixTimeMilliseconds(next).TimeOfDay.Ticks);
    }

    [Fact]
    public async Task Judge_FlexKeepsShedding_FallsBackToStandardAndRecordsIt()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Judge:MaxRetries"] = "0",
            ["Judge:FallbackToStandardAfter"] = "00:00:00",
        });
        harness.Simulator.Faults.Enqueue(SimulatedFault.ServiceUnavailable());

        await harness.SendAsync("Fine answer.");
        await harness.SettleAsync();

        var calls = harness.Simulator.Stats.Records.Where(r => r.Kind == EndpointKind.GenerateContent).OrderBy(r => r.Timestamp).ToList();
        Assert.Equal([("flex", 503), ("standard", 200)], calls.Select(c => (c.TierRequested, c.StatusCode)));
        Assert.Equal(("standard", "standard"), Db.Query<(string, string)>(harness.DatabasePath, "SELECT service_tier_requested, service_tier FROM verdicts").Single());
    }

    [Fact]
    public async Task Judge_WithoutFallback_StaysInFlexAcrossSheddingAttempts()
    {
        await using var harness = await JudgeHarness.StartAsync(settings: new Dictionary<string, string?> { ["Judge:MaxRetries"] = "0" });
        harness.Simulator.Faults.Enqueue(SimulatedFault.ServiceUnavailable(), SimulatedFault.ServiceUnavailable());

        await harness.SendAsync("Fine answer.");
        await harness.SettleAsync();

        var calls = harness.Simulator.Stats.Records.Where(r => r.Kind == EndpointKind.GenerateContent).ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal("flex", c.TierRequested));
        Assert.Equal(3L, Db.Scalar<long>(harness.DatabasePath, "SELECT attempts FROM verdicts"));
    }

    [Theory]
    [InlineData("gemini")]
    [InlineData("openai")]
    public async Task Judge_WrongApiKey_PausesWithoutBurningAttempts(string provider)
    {
        await using var harness = await JudgeHarness.StartAsync(provider, new Dictionary<string, string?> { ["Judge:ApiKey"] = "wrong-key-0123456789" });

        var ids = await harness.SendAsync("One.", "Two.");
        await harness.SettleAsync(until: _ => Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM samples WHERE last_error IS NOT NULL") == 2);

        Assert.True(await Eventually.StaysAsync(
            () => Db.Scalar<long>(harness.DatabasePath, "SELECT COUNT(*) FROM samples WHERE status = 'pending' AND attempts = 0") == 2, TimeSpan.FromMilliseconds(500)),
            "a refused key burnt an attempt");
        var sample = await (await harness.Host.Client.GetAsync($"/v1/samples/{ids[0]}")).ReadJsonAsync();
        Assert.StartsWith("Unauthorized:", sample.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.Contains("paused until", sample.GetProperty("judge_state").GetString(), StringComparison.Ordinal);
    }
}
