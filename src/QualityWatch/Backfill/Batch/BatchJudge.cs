using Microsoft.Extensions.Options;
using QualityWatch.Judging;
using QualityWatch.Judging.Gemini;
using QualityWatch.Judging.Gemini.Wire;

namespace QualityWatch.Backfill.Batch;

/// <summary>
/// Judges the backfill queue through Gemini Batch API jobs at the batch price: reserve pending
/// pairs into a job row, create the job, then let <see cref="BatchCollection"/> poll and collect it
/// (or the service's collector, whichever claims it first). Failed lines go back to the queue for a
/// later job; expired jobs are resubmitted.
/// </summary>
internal sealed class BatchJudge(
    GeminiBatchClient client,
    BatchJobs jobs,
    BatchCollection collection,
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
                await collection.PollDueAsync(rubric.Version, cancellationToken);
            }
            catch (Exception ex) when (ex is BatchApiException or HttpRequestException)
            {
                // The job rows are durable: the next round (or run) picks up where this one failed.
                Log.BatchCallFailed(logger, ex.Message);
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
                    Log.BatchAdopted(logger, existing, job.DisplayName);
                    await jobs.SubmittedAsync(job.Id, existing, null, time.GetUtcNow(), TimeSpan.Zero, cancellationToken);
                    continue;
                }
            }

            var samples = await jobs.SamplesAsync(job.Id, cancellationToken);
            var requests = samples.Select(s => (s.InteractionId, Request(rubric, s))).ToList();
            var (name, file) = await client.CreateAsync(job.DisplayName, requests, cancellationToken);
            await jobs.SubmittedAsync(job.Id, name, file, time.GetUtcNow(), options.Value.PollInterval, cancellationToken);
            Log.BatchCreated(logger, name, requests.Count, file is null ? "inline" : "file");
        }
    }

    // A batch line is a plain GenerateContentRequest: the batch itself is the tier, and there is no explicit cache.
    private static GenerateContentRequest Request(Rubric rubric, SampleForJudging sample) =>
        GeminiWire.GenerateRequest(rubric.Text, Rubric.SampleText(sample), cachedContent: null, tier: null);
}
