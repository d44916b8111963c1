using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using QualityWatch.Simulator.Gemini.Files;
using QualityWatch.Simulator.Stats;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Gemini.Batch;

/// <summary>
/// <c>POST /v1beta/models/{model}:batchGenerateContent</c> (inline requests or an uploaded JSONL
/// file), <c>GET /v1beta/batches/{id}</c> and <c>GET /v1beta/batches</c>, answering Operations.
/// </summary>
internal sealed class BatchEndpoints(BatchStore store, FileStore files, SimulatorOptions options, SimulatorStats stats, TimeProvider time)
{
    private const string BatchType = "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch";
    private const string OutputType = "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput";

    public async Task CreateAsync(HttpContext context, string model)
    {
        stats.Received(EndpointKind.BatchCreate, time.GetUtcNow());
        var (reply, job) = await ReadCreateAsync(context, model);
        if (job is not null && store.StallCreateReplies)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        await (reply ?? FilesEndpoints.Json(Operation(job!))).WriteAsync(context, context.RequestAborted);
    }

    public async Task GetAsync(HttpContext context, string id)
    {
        stats.Received(EndpointKind.BatchGet, time.GetUtcNow());
        var reply = GeminiAuth.Check(context.Request, options)
            ?? (store.Find($"batches/{id}") is { } job ? FilesEndpoints.Json(Operation(job)) : GoogleErrors.NotFound($"Batch batches/{id} not found."));
        await reply.WriteAsync(context, context.RequestAborted);
    }

    /// <summary>Lists without inlined responses, as the real List API does.</summary>
    public async Task ListAsync(HttpContext context)
    {
        stats.Received(EndpointKind.BatchList, time.GetUtcNow());
        var reply = GeminiAuth.Check(context.Request, options)
            ?? FilesEndpoints.Json(new JsonObject { ["operations"] = new JsonArray([.. store.All.Select(j => (JsonNode)Operation(j, withResults: false))]) });
        await reply.WriteAsync(context, context.RequestAborted);
    }

    private async Task<(WireReply? Error, BatchJob? Job)> ReadCreateAsync(HttpContext context, string model)
    {
        if (GeminiAuth.Check(context.Request, options) is { } denied)
        {
            return (denied, null);
        }

        var (body, malformed) = await JsonBody.ReadAsync(context);
        if (body?["batch"] is not JsonObject batch)
        {
            return (GoogleErrors.InvalidArgument(malformed ?? "* BatchGenerateContentRequest.batch: batch is required\n"), null);
        }

        var displayName = JsonFields.String(JsonFields.Get(batch, "displayName"));
        var input = JsonFields.Get(batch, "inputConfig") as JsonObject;
        if (string.IsNullOrEmpty(displayName) || input is null)
        {
            return (GoogleErrors.InvalidArgument("* GenerateContentBatch: display_name and input_config are required\n"), null);
        }

        if (JsonFields.String(JsonFields.Get(input, "fileName")) is { } fileName)
        {
            if (files.Find(fileName) is not { } file)
            {
                return (GoogleErrors.NotFound($"File {fileName} not found."), null);
            }

            var lines = Encoding.UTF8.GetString(file.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var requests = lines.Select(l => JsonNode.Parse(l)).Select(l => (JsonFields.String(l?["key"]), l?["request"])).ToList();
            return (null, store.Add(model, displayName, requests, fileName));
        }

        if (JsonFields.Get(input, "requests")?["requests"] is not JsonArray inline || inline.Count == 0)
        {
            return (GoogleErrors.InvalidArgument("* GenerateContentBatch.input_config: requests or file_name is required\n"), null);
        }

        if (Encoding.UTF8.GetByteCount(inline.ToJsonString()) > 20 * 1024 * 1024)
        {
            return (GoogleErrors.InvalidArgument("Inline batch requests exceed 20 MB; upload them as a JSONL file."), null);
        }

        var items = inline.Select(i => (JsonFields.String(i?["metadata"]?["key"]), i?["request"]?.DeepClone())).ToList();
        return (null, store.Add(model, displayName, items, null));
    }

    private static JsonObject Operation(BatchJob job, bool withResults = true)
    {
        lock (job)
        {
            var failed = job.Results.Count(r => r.ContainsKey("error"));
            var metadata = new JsonObject
            {
                ["@type"] = BatchType,
                ["name"] = job.Name,
                ["model"] = $"models/{job.Model}",
                ["displayName"] = job.DisplayName,
                ["createTime"] = ProtoTimestamp.Format(job.Created),
                ["updateTime"] = ProtoTimestamp.Format(job.Updated),
                ["state"] = job.State,
                ["batchStats"] = new JsonObject
                {
                    // int64 fields travel as JSON strings.
                    ["requestCount"] = Count(job.Requests.Count),
                    ["successfulRequestCount"] = Count(job.Results.Count - failed),
                    ["failedRequestCount"] = Count(failed),
                    ["pendingRequestCount"] = Count(job.Done ? 0 : job.Requests.Count),
                },
            };
            if (job.Ended is { } ended)
            {
                metadata["endTime"] = ProtoTimestamp.Format(ended);
            }

            var operation = new JsonObject { ["name"] = job.Name, ["metadata"] = metadata, ["done"] = job.Done };
            if (job.State == "BATCH_STATE_SUCCEEDED")
            {
                var output = new JsonObject { ["@type"] = OutputType };
                if (job.OutputFile is not null)
                {
                    output["responsesFile"] = job.OutputFile;
                }
                else if (withResults)
                {
                    output["inlinedResponses"] = new JsonObject { ["inlinedResponses"] = new JsonArray([.. job.Results.Select(Inlined)]) };
                }

                operation["response"] = output;
            }

            return operation;
        }
    }

    // Inline results carry the request's metadata back, not a top-level key.
    private static JsonNode Inlined(JsonObject result)
    {
        var copy = (JsonObject)result.DeepClone();
        if (copy.Remove("key", out var key))
        {
            copy["metadata"] = new JsonObject { ["key"] = key };
        }

        return copy;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
