using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using QualityWatch.Backfill;
using QualityWatch.Judging.Gemini;

namespace QualityWatch.Judging.Batch;

/// <summary>
/// Judges the backfill queue through Gemini Batch API jobs at the batch price: reserve pending
/// pairs into a job row, create the job, poll with backoff, then map every result line back to its
/// sample by key. Failed lines go back to the queue for a later job; expired jobs are resubmitted.
/// </summary>
internal sealed class BatchJudge(
    GeminiBatchClient client,
    BatchJobs jobs,
    CostCalculator cost,
    IOptions<JudgeOptions> judge,
    IOptions<BatchOptions> options,
    TimeProvider time,
    ILogger<BatchJudge> logger)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(1);

    /// <summary>Runs until no pair of the rubric is pending or in a job; returns why it stopped early, or null.</summary>
    public async Task<string?> RunAsync(Rubric rubric, Func<Task> onProgress, CancellationToken cancellationToken)
    {
        if (judge.Value.Provider != JudgeProviders.Gemini)
        {
            return "batch mode needs Judge:Provider gemini";
        }

        while (true)
        {
            try
            {
                await CreatePendingJobsAsync(rubric, cancellationToken);
                await PollDueAsync(rubric.Version, cancellationToken);
            }
            catch (Exception ex) when (ex is BatchApiException or HttpRequestException)
            {
                // The job rows are durable: the next round (or run) picks up where this one failed.
                Backfill.Log.BatchCallFailed(logger, ex.Message);
            }

            await onProgress();
            var (open, nextPoll) = await jobs.OpenAsync(rubric.Version, cancellationToken);
            if (open == 0)
            {
                return null;
            }

            var wait = nextPoll is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) - time.GetUtcNow() : MaxWait;
            await Task.Delay(wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait > MaxWait ? MaxWait : wait, time, cancellationToken);
        }
    }

    private async Task CreatePendingJobsAsync(Rubric rubric, CancellationToken cancellationToken)
    {
        // First the jobs a crash left between reservation and a stored name: adopt or resubmit them.
        var unsent = (await jobs.InStateAsync(rubric.Version, "creating", DateTimeOffset.MaxValue, cancellationToken)).ToList();
        while (true)
        {
            var job = unsent.Count > 0 ? unsent[0] : await jobs.ReserveAsync(rubric.Version, judge.Value.ResolvedModel, options.Value.MaxRequestsPerJob, time.GetUtcNow(), cancellationToken);
            if (job is null)
            {
                return;
            }

            if (unsent.Count > 0)
            {
                unsent.RemoveAt(0);
                if (await client.FindAsync(job.DisplayName, cancellationToken) is { } existing)
                {
                    Backfill.Log.BatchAdopted(logger, existing, job.DisplayName);
                    await jobs.SubmittedAsync(job.Id, existing, null, time.GetUtcNow(), TimeSpan.Zero, cancellationToken);
                    continue;
                }
            }

            var samples = await jobs.SamplesAsync(job.Id, cancellationToken);
            var requests = samples.Select(s => (s.InteractionId, Request(rubric, s))).ToList();
            var (name, file) = await client.CreateAsync(job.DisplayName, requests, cancellationToken);
            await jobs.SubmittedAsync(job.Id, name, file, time.GetUtcNow(), options.Value.PollInterval, cancellationToken);
            Backfill.Log.BatchCreated(logger, name, requests.Count, file is null ? "inline" : "file");
        }
    }

    private async Task PollDueAsync(string rubric, CancellationToken cancellationToken)
    {
        foreach (var job in await jobs.InStateAsync(rubric, "running", time.GetUtcNow(), cancellationToken))
        {
            var status = await client.GetAsync(job.RemoteName!, cancellationToken);
            if (!status.Done)
            {
                var backoff = TimeSpan.FromTicks(Math.Min(options.Value.MaxPollInterval.Ticks, options.Value.PollInterval.Ticks * (1L << (int)Math.Min(job.Polls, 16))));
                await jobs.PollLaterAsync(job.Id, time.GetUtcNow() + backoff, cancellationToken);
                continue;
            }

            await CollectAsync(job, status, cancellationToken);
        }
    }

    private async Task CollectAsync(BatchJobRow job, BatchStatus status, CancellationToken cancellationToken)
    {
        var verdicts = new List<VerdictRecord>();
        var failures = new List<BatchItemFailure>();
        var state = status.State switch { BatchStatus.Succeeded => "done", BatchStatus.Expired => "expired", _ => "failed" };
        if (state == "done")
        {
            var lines = status.Inlined?.OfType<JsonObject>().ToList() ?? (status.ResponsesFile is { } file ? [.. await client.DownloadAsync(file, cancellationToken)] : []);
            var now = time.GetUtcNow();
            foreach (var line in lines)
            {
                var key = line["metadata"]?["key"]?.GetValue<string>() ?? line["key"]?.GetValue<string>();
                if (key is null)
                {
                    continue; // unmapped lines cannot be trusted; their pairs go back to the queue
                }

                var (verdict, usage, problem) = Read(line);
                var usd = cost.Estimate(judge.Value.ResolvedModel, usage, BackfillModes.Batch);
                if (verdict is not null)
                {
                    verdicts.Add(VerdictRecord.Of(key, job.Rubric, verdict, JudgeProviders.Gemini, judge.Value.ResolvedModel, BackfillModes.Batch, BackfillModes.Batch,
                        TimeSpan.Zero, 1, usage, usd, now));
                }
                else
                {
                    failures.Add(new BatchItemFailure(key, problem!, (double)usd));
                }
            }
        }

        await jobs.FinishAsync(job.Id, state, verdicts, failures, options.Value.MaxAttempts, time.GetUtcNow(), cancellationToken);
        Backfill.Log.BatchCollected(logger, job.RemoteName!, status.State, verdicts.Count, failures.Count);
    }

    private static (Verdict? Verdict, JudgeUsage Usage, string? Problem) Read(JsonObject line)
    {
        if (line["response"] is not JsonObject response)
        {
            return (null, default, $"error: {line["error"]?["status"]?.GetValue<string>() ?? "no response"}");
        }

        var (text, problem, usage) = GeminiReply.Read(response.ToJsonString());
        if (problem is not null)
        {
            return (null, usage, $"{nameof(JudgeFailureKind.InvalidReply)}: {problem}");
        }

        return VerdictParser.TryParse(text, out var verdict, out var error) ? (verdict, usage, null) : (null, usage, $"{nameof(JudgeFailureKind.InvalidReply)}: {error}");
    }

    // A batch line is a plain GenerateContentRequest: the batch itself is the tier.
    private static JsonObject Request(Rubric rubric, SampleForJudging sample)
    {
        var request = GeminiWire.GenerateRequest(rubric.Text, Rubric.SampleText(sample), null, JudgeTiers.Standard);
        request.Remove("serviceTier");
        request.Remove("cachedContent");
        return request;
    }
}
