using Microsoft.Extensions.Time.Testing;
using QualityWatch.Notifications;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Notifications;

/// <summary>Retry, backoff, give-up and the record of every attempt, on a fake clock with a scripted channel.</summary>
public sealed class DeliveryRunnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Runner_RetryableFailures_WaitOutTheirBackoffThenSendAndRecordEveryAttempt()
    {
        var channel = new ScriptedChannel("fake", n => n < 3 ? DeliveryResult.Retry($"HTTP 503 try {n}") : DeliveryResult.Success);
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        await using var harness = await NotificationHarness.StartAsync(temp.DatabasePath, time, Retry(), channel);
        await harness.EnqueueAsync(SomeNotification.Firing());

        Assert.Equal(1, await harness.RunAsync());
        Assert.Equal(0, await harness.RunAsync());
        var firstRetryAt = NextAttemptAt(temp);
        Assert.InRange(firstRetryAt, Start.AddSeconds(5), Start.AddSeconds(10));

        time.SetUtcNow(firstRetryAt.AddMilliseconds(-1));
        Assert.Equal(0, await harness.RunAsync());
        time.SetUtcNow(firstRetryAt);
        Assert.Equal(1, await harness.RunAsync());
        var secondRetryAt = NextAttemptAt(temp);
        Assert.InRange(secondRetryAt - firstRetryAt, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        time.SetUtcNow(secondRetryAt);
        Assert.Equal(1, await harness.RunAsync());

        Assert.Equal(3, channel.Calls.Count);
        Assert.Single(channel.Calls.Select(c => c.Id).Distinct());
        var attempts = Db.Query<(long Attempt, long At, string Outcome, string? Error)>(
            temp.DatabasePath, "SELECT attempt, attempted_at, outcome, error FROM notification_attempts ORDER BY attempt");
        Assert.Equal([1L, 2, 3], attempts.Select(a => a.Attempt));
        Assert.Equal(["retry", "retry", "sent"], attempts.Select(a => a.Outcome));
        Assert.Equal(["HTTP 503 try 1", "HTTP 503 try 2", null], attempts.Select(a => a.Error));
        Assert.Equal([Start, firstRetryAt, secondRetryAt], attempts.Select(a => DateTimeOffset.FromUnixTimeMilliseconds(a.At)));
        var delivery = Db.Query<(string Status, long Attempts, string Reason, long? SentAt)>(
            temp.DatabasePath, "SELECT status, attempts, reason, sent_at FROM notification_deliveries").Single();
        Assert.Equal(("sent", 3L, "rule hallucination_rate > 5% for stream support"), (delivery.Status, delivery.Attempts, delivery.Reason));
        Assert.Equal(secondRetryAt.ToUnixTimeMilliseconds(), delivery.SentAt);
    }

    [Fact]
    public async Task Runner_PermanentFailure_IsFailedAtOnceAndNeverRetried()
    {
        var channel = new ScriptedChannel("fake", _ => DeliveryResult.Permanent("HTTP 410 Gone"));
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        await using var harness = await NotificationHarness.StartAsync(temp.DatabasePath, time, Retry(), channel);
        await harness.EnqueueAsync(SomeNotification.Firing());

        await harness.RunAsync();
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await harness.RunAsync());

        Assert.Single(channel.Calls);
        Assert.Equal("failed", Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries"));
        Assert.Equal("HTTP 410 Gone", Db.Scalar<string>(temp.DatabasePath, "SELECT last_error FROM notification_deliveries"));
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Is(5004) && r.Text().Contains("HTTP 410 Gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Runner_ChannelThrows_CountsAsARetryableAttempt()
    {
        var channel = new ScriptedChannel("fake", n => n == 1 ? throw new InvalidOperationException("boom") : DeliveryResult.Success);
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        await using var harness = await NotificationHarness.StartAsync(temp.DatabasePath, time, Retry(), channel);
        await harness.EnqueueAsync(SomeNotification.Firing());

        await harness.RunAsync();
        Assert.Equal("pending", Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries"));
        Assert.Equal("internal error: InvalidOperationException: boom", Db.Scalar<string>(temp.DatabasePath, "SELECT last_error FROM notification_deliveries"));

        time.Advance(TimeSpan.FromMinutes(1));
        await harness.RunAsync();
        Assert.Equal("sent", Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries"));
    }

    [Fact]
    public async Task Runner_StillFailingAtMaxAttempts_IsMarkedFailed()
    {
        var channel = new ScriptedChannel("fake", _ => DeliveryResult.Retry("connection refused"));
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        await using var harness = await NotificationHarness.StartAsync(temp.DatabasePath, time, Retry(maxAttempts: 3), channel);
        await harness.EnqueueAsync(SomeNotification.Firing());

        for (var i = 0; i < 10; i++)
        {
            await harness.RunAsync();
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(3, channel.Calls.Count);
        Assert.Equal(["retry", "retry", "failed"], Db.Query<string>(temp.DatabasePath, "SELECT outcome FROM notification_attempts ORDER BY attempt"));
        Assert.Equal("failed", Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries"));
    }

    [Fact]
    public async Task Runner_StillFailingPastMaxAge_IsMarkedFailed()
    {
        var channel = new ScriptedChannel("fake", _ => DeliveryResult.Retry("connection refused"));
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(Start);
        await using var harness = await NotificationHarness.StartAsync(temp.DatabasePath, time, Retry(maxAge: "00:02:00"), channel);
        await harness.EnqueueAsync(SomeNotification.Firing());

        await harness.RunAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        await harness.RunAsync();
        Assert.Equal("pending", Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries"));
        time.Advance(TimeSpan.FromMinutes(1));
        await harness.RunAsync();

        Assert.Equal(3, channel.Calls.Count);
        Assert.Equal("failed", Db.Scalar<string>(temp.DatabasePath, "SELECT status FROM notification_deliveries"));
    }

    private static Dictionary<string, string?> Retry(int maxAttempts = 20, string maxAge = "1.00:00:00") => new()
    {
        ["Notifications:Retry:InitialDelay"] = "00:00:10",
        ["Notifications:Retry:MaxDelay"] = "00:00:20",
        ["Notifications:Retry:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Retry:MaxAge"] = maxAge,
    };

    private static DateTimeOffset NextAttemptAt(TempDirectory temp) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Db.Scalar<long>(temp.DatabasePath, "SELECT next_attempt_at FROM notification_deliveries"));
}
