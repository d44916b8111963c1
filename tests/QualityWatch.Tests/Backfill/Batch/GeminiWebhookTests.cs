using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using QualityWatch.Signing;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Backfill.Batch;

/// <summary>
/// Real signed webhooks from the simulator to the service on 127.0.0.1, with polling set to an hour:
/// whatever the service collects within the test, it collected because a webhook woke it.
/// </summary>
public sealed class GeminiWebhookTests
{
    [Fact]
    public async Task Succeeded_Webhook_CollectsAtOnceDespiteHourlyPolling()
    {
        await using var rig = await WebhookRig.StartAsync(samples: 12, perJob: 12);
        Assert.Equal(0, rig.Scalar("SELECT COUNT(*) FROM verdicts"));

        rig.Simulator.Batches.Release();

        Assert.True(await Eventually.TrueAsync(() => rig.Scalar("SELECT COUNT(*) FROM verdicts") == 12, TimeSpan.FromSeconds(30)), "verdicts stored after the webhook");
        var delivery = Assert.Single(rig.Simulator.Batches.Webhooks);
        Assert.Equal(("batch.succeeded", 202), (delivery.Type, delivery.Status));
        Assert.Equal(1, rig.Scalar("SELECT COUNT(*) FROM batch_jobs WHERE state = 'done' AND polls = 0"));
        Assert.Equal(1, rig.Simulator.Stats.MaxVerdictsForOneText);
    }

    [Fact]
    public async Task FailedThenBadDeliveriesThenExpired_EachAnsweredRightly_NothingCollectedTwice()
    {
        await using var rig = await WebhookRig.StartAsync(samples: 20, perJob: 10);
        var names = Db.Query<string>(rig.DatabasePath, "SELECT remote_name FROM batch_jobs ORDER BY id").ToList();

        // batch.failed: the job is collected as failed and its samples go back to the queue.
        Assert.True(rig.Simulator.Batches.Fail(names[0]));
        Assert.True(await Eventually.TrueAsync(() => rig.Scalar("SELECT COUNT(*) FROM batch_jobs WHERE state = 'failed'") == 1, TimeSpan.FromSeconds(30)));
        var failed = Assert.Single(rig.Simulator.Batches.Webhooks);
        Assert.Equal(("batch.failed", 202), (failed.Type, failed.Status));
        Assert.Equal(10, rig.Scalar("SELECT COUNT(*) FROM backfill_work WHERE status = 'pending'"));

        // The second job still runs. The failed job's webhook made it due too (every running job is), so
        // it was polled once; from here only a delivery that acts makes the service poll it again.
        var polls = () => rig.Scalar($"SELECT polls FROM batch_jobs WHERE remote_name = '{names[1]}'");
        Assert.True(await Eventually.TrueAsync(() => polls() == 1, TimeSpan.FromSeconds(30)));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var key = WebhookSigner.KeyOf(WebhookRig.Secret)!;
        string Sign(string id, long at, string body) => WebhookSigner.Sign(key, id, at, body);
        var stamp = now.ToString(CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.NoContent, await rig.PostAsync(failed.Id, failed.Timestamp, failed.Signature, failed.Body)); // replay
        Assert.Equal(HttpStatusCode.Unauthorized, await rig.PostAsync("msg_tampered", failed.Timestamp, failed.Signature, failed.Body));
        Assert.Equal(HttpStatusCode.Unauthorized, await rig.PostAsync(failed.Id + "x", failed.Timestamp, failed.Signature, failed.Body.Replace("failed", "succeeded", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Unauthorized, await rig.PostAsync("msg_stale", (now - 301).ToString(CultureInfo.InvariantCulture), Sign("msg_stale", now - 301, failed.Body), failed.Body));
        Assert.Equal(HttpStatusCode.Unauthorized, await rig.PostAsync("msg_future", (now + 301).ToString(CultureInfo.InvariantCulture), Sign("msg_future", now + 301, failed.Body), failed.Body));
        Assert.Equal(HttpStatusCode.BadRequest, await rig.PostAsync("msg_malformed", stamp, Sign("msg_malformed", now, "{\"type\":"), "{\"type\":"));
        Assert.Equal(HttpStatusCode.NoContent, await rig.PostAsync("msg_other", stamp, Sign("msg_other", now, """{"type":"video.generated"}"""), """{"type":"video.generated"}"""));
        Assert.True(await Eventually.StaysAsync(() => polls() == 1, TimeSpan.FromMilliseconds(300)), $"{polls()} polls: a refused delivery woke the collector");
        Assert.Equal(2, rig.Scalar("SELECT COUNT(*) FROM webhook_deliveries")); // the real delivery and the unknown event

        // A fresh, well-signed delivery (another signature beside it, as during secret rotation) does act.
        const string body = """{"type":"batch.succeeded","data":{"name":"batches/other"}}""";
        Assert.Equal(HttpStatusCode.Accepted, await rig.PostAsync("msg_fresh", stamp, $"v1,bm90IHRoaXMgb25l {Sign("msg_fresh", now, body)}", body));
        Assert.True(await Eventually.TrueAsync(() => polls() == 2, TimeSpan.FromSeconds(30)), "the running job was polled after the valid delivery");

        // batch.expired: collected as expired; the next backfill resubmits both jobs' samples, and the
        // service and the backfill, both polling, store each verdict once.
        Assert.True(rig.Simulator.Batches.Expire(names[1]));
        Assert.True(await Eventually.TrueAsync(() => rig.Scalar("SELECT COUNT(*) FROM batch_jobs WHERE state = 'expired'") == 1, TimeSpan.FromSeconds(30)));
        Assert.Equal(20, rig.Scalar("SELECT COUNT(*) FROM backfill_work WHERE status = 'pending'"));
        rig.Simulator.Batches.Release();
        var resumed = await rig.BackfillAsync();

        Assert.True(resumed.Exit == 0, resumed.Output + resumed.Errors);
        Assert.Equal(20, rig.Scalar("SELECT COUNT(*) FROM verdicts"));
        Assert.Equal(1, rig.Simulator.Stats.MaxVerdictsForOneText);
        Assert.Equal(4, rig.Simulator.Batches.Created);
        Assert.Equal(2, rig.Scalar("SELECT COUNT(*) FROM batch_jobs WHERE state = 'done'"));
        Assert.Equal(10, rig.Scalar("SELECT COUNT(*) FROM backfill_work WHERE attempts = 1")); // expiry spends no attempt
        Assert.Equal(10, rig.Scalar("SELECT COUNT(*) FROM backfill_work WHERE attempts = 2"));
    }

    [Fact]
    public async Task Disabled_EndpointIsNotMapped()
    {
        using var temp = new TempDirectory();
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath);

        using var response = await host.Client.PostAsync("/v1/webhooks/gemini", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "Batch:Webhook:Secret is required")]
    [InlineData("plain-secret-without-prefix", "Batch:Webhook:Secret must be 'whsec_'")]
    [InlineData("whsec_c2hvcnQ=", "Batch:Webhook:Secret must be 'whsec_'")]
    public async Task Enabled_WithoutUsableSecret_RefusesToStart_WithoutEchoingIt(string? secret, string expected)
    {
        using var temp = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["Batch:Webhook:Enabled"] = "true", ["Batch:Webhook:Secret"] = secret };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => InProcessHost.StartAsync(temp.DatabasePath, settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret ?? "no secret", error.Message, StringComparison.Ordinal);
    }
}
