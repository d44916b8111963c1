using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using QualityWatch.Judging;
using QualityWatch.Judging.Gemini.Wire;

namespace QualityWatch.Backfill.Batch;

/// <summary>
/// The Gemini Batch API over REST: <c>models/{model}:batchGenerateContent</c> with inline requests
/// up to Batch:MaxInlineBytes, else a JSONL file sent through the resumable Files upload; get,
/// list, and output-file download. Creation is not idempotent, so its client never retries a POST.
/// </summary>
internal sealed class GeminiBatchClient(IHttpClientFactory httpFactory, IOptions<JudgeOptions> judge, IOptions<BatchOptions> options)
{
    public const string HttpClientName = "gemini-batch";

    /// <summary>Creates the job; returns its name (<c>batches/…</c>) and the uploaded input file, if any.</summary>
    public async Task<(string Name, string? InputFile)> CreateAsync(string displayName, IReadOnlyList<(string Key, GenerateContentRequest Request)> requests, CancellationToken cancellationToken)
    {
        var wire = requests.Select(r => (r.Key, Request: JsonSerializer.SerializeToNode(r.Request, GeminiJsonContext.Default.GenerateContentRequest)!)).ToList();
        var inline = new JsonArray([.. wire.Select(r => (JsonNode)new JsonObject { ["request"] = r.Request.DeepClone(), ["metadata"] = new JsonObject { ["key"] = r.Key } })]);
        JsonObject input;
        string? file = null;
        if (Encoding.UTF8.GetByteCount(inline.ToJsonString()) <= options.Value.MaxInlineBytes)
        {
            input = new JsonObject { ["requests"] = new JsonObject { ["requests"] = inline } };
        }
        else
        {
            var lines = string.Join('\n', wire.Select(r => new JsonObject { ["key"] = r.Key, ["request"] = r.Request.DeepClone() }.ToJsonString())) + "\n";
            file = await UploadAsync(displayName, Encoding.UTF8.GetBytes(lines), cancellationToken);
            input = new JsonObject { ["fileName"] = file };
        }

        var body = new JsonObject { ["batch"] = new JsonObject { ["displayName"] = displayName, ["inputConfig"] = input } };
        using var client = httpFactory.CreateClient(HttpClientName);
        using var response = await client.PostAsync($"v1beta/models/{judge.Value.ResolvedModel}:batchGenerateContent", Json(body), cancellationToken);
        var operation = await ReadAsync(response, "create", cancellationToken);
        return (operation["name"]!.GetValue<string>(), file);
    }

    public async Task<BatchStatus> GetAsync(string name, CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync($"v1beta/{name}", cancellationToken);
        return BatchStatus.Read(await ReadAsync(response, "get", cancellationToken));
    }

    /// <summary>The job with this display name, if the API has one: how a crash during creation is resolved.</summary>
    public async Task<string?> FindAsync(string displayName, CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(HttpClientName);
        string? token = null;
        do
        {
            using var response = await client.GetAsync($"v1beta/batches?pageSize=100{(token is null ? "" : $"&pageToken={Uri.EscapeDataString(token)}")}", cancellationToken);
            var page = await ReadAsync(response, "list", cancellationToken);
            foreach (var operation in (page["operations"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (operation["metadata"]?["displayName"]?.GetValue<string>() == displayName)
                {
                    return operation["name"]!.GetValue<string>();
                }
            }

            token = page["nextPageToken"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(token));
        return null;
    }

    public async Task<IReadOnlyList<JsonObject>> DownloadAsync(string file, CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync($"download/v1beta/{file}:download?alt=media", cancellationToken);
        await EnsureAsync(response, "download", cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonNode.Parse(l)).OfType<JsonObject>()];
    }

    private async Task<string> UploadAsync(string displayName, byte[] content, CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(HttpClientName);
        using var start = new HttpRequestMessage(HttpMethod.Post, "upload/v1beta/files")
        {
            Content = Json(new JsonObject { ["file"] = new JsonObject { ["display_name"] = displayName } }),
        };
        start.Headers.Add("X-Goog-Upload-Protocol", "resumable");
        start.Headers.Add("X-Goog-Upload-Command", "start");
        start.Headers.Add("X-Goog-Upload-Header-Content-Length", content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Headers.Add("X-Goog-Upload-Header-Content-Type", "application/jsonl");
        using var started = await client.SendAsync(start, cancellationToken);
        await EnsureAsync(started, "upload start", cancellationToken);
        var url = started.Headers.TryGetValues("X-Goog-Upload-URL", out var values) ? values.First() : throw new BatchApiException("upload start: no X-Goog-Upload-URL");

        using var upload = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(content) };
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue("application/jsonl");
        upload.Headers.Add("X-Goog-Upload-Command", "upload, finalize");
        upload.Headers.Add("X-Goog-Upload-Offset", "0");
        using var uploaded = await client.SendAsync(upload, cancellationToken);
        return (await ReadAsync(uploaded, "upload", cancellationToken))["file"]!["name"]!.GetValue<string>();
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        await EnsureAsync(response, what, cancellationToken);
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject ?? throw new BatchApiException($"{what}: not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new BatchApiException($"{what}: body is not JSON ({ex.Message})");
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = JsonNode.Parse(body.Length > 0 && body[0] == '{' ? body : "{}")?["error"]?["status"]?.GetValue<string>();
            throw new BatchApiException($"{what}: HTTP {(int)response.StatusCode} {status}");
        }
    }
}
