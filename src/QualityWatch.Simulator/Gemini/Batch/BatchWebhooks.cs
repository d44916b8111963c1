using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using QualityWatch.Simulator.Judging;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Gemini.Batch;

/// <summary>
/// Static webhooks for batch completion, delivered per the Standard Webhooks spec: headers
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>
/// (<c>v1,</c> + base64 HMAC-SHA256 over <c>id.timestamp.body</c> keyed with the <c>whsec_</c> secret).
/// </summary>
internal sealed class BatchWebhooks(SimulatorOptions options, IHttpClientFactory http, TimeProvider time, ILogger<BatchWebhooks> logger)
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<WebhookDelivery> sent = new();

    /// <summary>Every delivery attempted, in order, so a test can replay or tamper with a real one.</summary>
    public IReadOnlyList<WebhookDelivery> Sent => [.. sent];

    public void Send(BatchJob job)
    {
        if (options.Batch.WebhookUri is not { } uri || options.Batch.WebhookSecret is not { } secret || !job.MarkNotified())
        {
            return;
        }

        var type = job.State switch
        {
            "BATCH_STATE_SUCCEEDED" => "batch.succeeded",
            "BATCH_STATE_EXPIRED" => "batch.expired",
            _ => "batch.failed",
        };
        var now = time.GetUtcNow();
        var body = new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = ProtoTimestamp.Format(now),
            ["data"] = new JsonObject { ["id"] = job.Name, ["name"] = job.Name, ["state"] = job.State, ["output_file_uri"] = job.OutputFile },
        }.ToJsonString(WireJson.NodeOptions);
        var id = $"msg_{Guid.NewGuid():N}";
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        _ = Task.Run(async () =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("webhook-id", id);
                request.Headers.Add("webhook-timestamp", timestamp);
                request.Headers.Add("webhook-signature", $"v1,{signature}");
                using var client = http.CreateClient();
                using var response = await client.SendAsync(request);
                sent.Enqueue(new WebhookDelivery(type, id, timestamp, $"v1,{signature}", body, (int)response.StatusCode));
                Log.WebhookDelivered(logger, type, job.Name, (int)response.StatusCode);
            }
            catch (HttpRequestException ex)
            {
                sent.Enqueue(new WebhookDelivery(type, id, timestamp, $"v1,{signature}", body, null));
                Log.WebhookFailed(logger, type, job.Name, ex.Message);
            }
        });
    }
}
