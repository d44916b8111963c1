using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using QualityWatch.Simulator.Gemini.Files;

namespace QualityWatch.Simulator.Gemini.Batch;

/// <summary>
/// The simulator's batch jobs. Jobs run in the background after Batch:ProcessingDelay; a test can
/// <see cref="Hold"/> them pending, <see cref="Expire"/> one, then <see cref="Release"/> the rest.
/// </summary>
public sealed class BatchStore
{
    private readonly ConcurrentDictionary<string, BatchJob> jobs = new(StringComparer.Ordinal);
    private readonly SimulatorOptions options;
    private readonly TimeProvider time;
    private readonly FileStore files;
    private readonly BatchWebhooks webhooks;
    private GenerateContentEndpoint? generator;
    private volatile bool held;

    internal BatchStore(SimulatorOptions options, TimeProvider time, FileStore files, BatchWebhooks webhooks)
    {
        this.options = options;
        this.time = time;
        this.files = files;
        this.webhooks = webhooks;
    }

    /// <summary>Jobs created so far: a client that submits twice shows up here.</summary>
    public int Created => jobs.Count;

    /// <summary>The display names of every job created, in no particular order.</summary>
    public IReadOnlyList<string> DisplayNames => [.. jobs.Values.Select(j => j.DisplayName)];

    /// <summary>While held, new and pending jobs stay pending.</summary>
    public void Hold() => held = true;

    /// <summary>Processes every pending job now and lets new ones run again.</summary>
    public void Release()
    {
        held = false;
        foreach (var job in jobs.Values)
        {
            Process(job);
        }
    }

    /// <summary>Webhooks sent so far, as sent, with the receiver's status.</summary>
    public IReadOnlyList<WebhookDelivery> Webhooks => webhooks.Sent;

    /// <summary>
    /// While set, a create request makes its job but never answers until the client gives up: the
    /// client's process "crashes" with the job created but its name unknown.
    /// </summary>
    public bool StallCreateReplies { get; set; }

    /// <summary>Ends a pending job as EXPIRED (no results), as the API does after 48 h.</summary>
    public bool Expire(string name) => End(name, "BATCH_STATE_EXPIRED");

    /// <summary>Ends a pending job as FAILED (no results).</summary>
    public bool Fail(string name) => End(name, "BATCH_STATE_FAILED");

    private bool End(string name, string state)
    {
        if (!jobs.TryGetValue(name, out var job))
        {
            return false;
        }

        lock (job)
        {
            if (job.Done)
            {
                return false;
            }

            Finish(job, state);
        }

        webhooks.Send(job);
        return true;
    }

    internal void Attach(GenerateContentEndpoint endpoint) => generator = endpoint;

    internal BatchJob Add(string model, string displayName, IReadOnlyList<(string? Key, JsonNode? Request)> requests, string? inputFile)
    {
        var job = new BatchJob($"batches/{Guid.NewGuid():N}"[..32], model, displayName, requests, inputFile, time.GetUtcNow());
        jobs[job.Name] = job;
        _ = Task.Run(async () =>
        {
            if (options.Batch.ProcessingDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.Batch.ProcessingDelay, time);
            }

            Process(job);
        });
        return job;
    }

    internal BatchJob? Find(string name) => jobs.GetValueOrDefault(name);

    internal IEnumerable<BatchJob> All => jobs.Values.OrderBy(j => j.Created);

    private void Process(BatchJob job)
    {
        lock (job)
        {
            if (held || job.Done)
            {
                return;
            }

            if (time.GetUtcNow() - job.Created >= options.Batch.ExpireAfter)
            {
                Finish(job, "BATCH_STATE_EXPIRED");
            }
            else
            {
                job.State = "BATCH_STATE_RUNNING";
                foreach (var (key, request) in job.Requests)
                {
                    var item = generator!.Evaluate(job.Model, request);
                    if (key is not null)
                    {
                        item["key"] = key;
                    }

                    job.Results.Add(item);
                }

                if (job.InputFile is not null)
                {
                    var lines = job.Results.Select(r => r.ToJsonString(QualityWatch.Simulator.Wire.WireJson.NodeOptions));
                    job.OutputFile = files.Add($"batch-{job.Name["batches/".Length..]}", "application/jsonl", Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")).Name;
                }

                Finish(job, "BATCH_STATE_SUCCEEDED");
            }
        }

        webhooks.Send(job);
    }

    private void Finish(BatchJob job, string state)
    {
        job.State = state;
        job.Updated = time.GetUtcNow();
        job.Ended = job.Updated;
    }
}
