using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using QualityWatch.Backfill.Batch.Wire;
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
        IReadOnlyList<InlinedRequest> inline = [.. requests.Select(r => new InlinedRequest(r.Request, new BatchItemMetadata(r.Key)))];
        BatchInputConfig input;
        string? file = null;
        if (Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(inline, BatchJsonContext.Default.IReadOnlyListInlinedRequest)) <= options.Value.MaxInlineBytes)
        {
            input = new BatchInputConfig(new InlinedRequests(inline), null);
        }
        else
        {
            var lines = string.Join('\n', requests.Select(r => JsonSerializer.Serialize(new BatchFileLine(r.Key, r.Request), BatchJsonContext.Default.BatchFileLine))) + "\n";
            file = await UploadAsync(displayName, Encoding.UTF8.GetBytes(lines), cancellationToken);
            input = new BatchInputConfig(null, file);
        }

        var body = new CreateBatchRequest(new BatchSpec(displayName, input));
        using var client = httpFactory.CreateClient(HttpClientName);
        using var response = await client.PostAsync(
            $"v1beta/models/{judge.Value.ResolvedModel}:batchGenerateContent", JudgeHttp.Json(body, BatchJsonContext.Default.CreateBatchRequest), cancellationToken);
        var operation = await ReadAsync(response, "create", BatchJsonContext.Default.BatchOperation, cancellationToken);
        return (operation.Name ?? throw new BatchApiException("create: the operation has no name"), file);
    }

    public async Task<BatchStatus> GetAsync(string name, CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync($"v1beta/{name}", cancellationToken);
        return BatchStatus.Read(await ReadAsync(response, "get", BatchJsonContext.Default.BatchOperation, cancellationToken));
    }

    /// <summary>The job with this display name, if the API has one: how a crash during creation is resolved.</summary>
    public async Task<string?> FindAsync(string displayName, CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(HttpClientName);
        string? token = null;
        do
        {
            using var response = await client.GetAsync($"v1beta/batches?pageSize=100{(token is null ? "" : $"&pageToken={Uri.EscapeDataString(token)}")}", cancellationToken);
            var page = await ReadAsync(response, "list", BatchJsonContext.Default.ListBatchesResponse, cancellationToken);
            foreach (var operation in page.Operations ?? [])
            {
                if (operation.Metadata?.DisplayName == displayName)
                {
                    return operation.Name ?? throw new BatchApiException("list: an operation has no name");
                }
            }

            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));
        return null;
    }

    public async Task<IReadOnlyList<BatchResult>> DownloadAsync(string file, CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync($"download/v1beta/{file}:download?alt=media", cancellationToken);
        await EnsureAsync(response, "download", cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonSerializer.Deserialize(line, BatchJsonContext.Default.BatchResult)).OfType<BatchResult>()];
    }

    private async Task<string> UploadAsync(string displayName, byte[] content, CancellationToken cancellationToken)
    {
        using var client = httpFactory.CreateClient(HttpClientName);
        using var start = new HttpRequestMessage(HttpMethod.Post, "upload/v1beta/files")
        {
            Content = JudgeHttp.Json(new UploadStartRequest(new UploadFile(displayName)), BatchJsonContext.Default.UploadStartRequest),
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
        var reply = await ReadAsync(uploaded, "upload", BatchJsonContext.Default.UploadReply, cancellationToken);
        return reply.File?.Name ?? throw new BatchApiException("upload: the reply names no file");
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what, JsonTypeInfo<T> wire, CancellationToken cancellationToken)
    {
        await EnsureAsync(response, what, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(cancellationToken), wire) ?? throw new BatchApiException($"{what}: not a JSON object");
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
            throw new BatchApiException($"{what}: HTTP {(int)response.StatusCode} {JudgeHttp.ErrorOf(body)?.Status}");
        }
    }
}
