using Microsoft.Extensions.Options;
using QualityWatch.Judging;

namespace QualityWatch.Canary;

/// <summary>
/// One canary run: judges every reference item (and up to <c>MaxReviewedItems</c> reviewed samples) not yet judged
/// today by the current judge model and rubric, through the same <see cref="JudgeStep"/> as live samples (rate limits,
/// pricing), within the canary's daily budget; then stores the day's counts per item set with the drift test.
/// </summary>
internal sealed class CanaryRunner(
    CanaryStore store,
    ReferenceSet reference,
    JudgeStep judge,
    IJudgeProvider provider,
    Rubric rubric,
    IOptions<CanaryOptions> options,
    TimeProvider time,
    ILogger<CanaryRunner> logger)
{
    private const long DayMs = 86_400_000;

    /// <summary>Today's run (UTC day).</summary>
    public Task<IReadOnlyList<CanaryRunRow>> RunAsync(CancellationToken cancellationToken) =>
        RunAsync(time.GetUtcNow().ToUnixTimeMilliseconds() / DayMs * DayMs, cancellationToken);

    /// <summary>The run for the UTC day starting at <paramref name="day"/> (Unix ms): tests and benches step days themselves.</summary>
    public async Task<IReadOnlyList<CanaryRunRow>> RunAsync(long day, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var model = provider.Model;
        var set = $"reference-{reference.Version}";
        var items = reference.Items
            .Select(i => new CanaryItem(i.Id, set, i.Context, i.Prompt, settings.SendTruthMarkers ? i.Response : ReferenceSet.WithoutMarkers(i.Response), i.Hallucination))
            .Concat(await store.ReviewedAsync(settings.MaxReviewedItems, cancellationToken))
            .ToList();
        var done = await store.JudgedAsync(day, model, rubric.Version, cancellationToken);
        var todo = items.Where(i => !done.Contains(i.Id)).ToList();
        var spend = new CanarySpend(await store.SpentAsync(day, cancellationToken), settings.DailyBudgetUsd);
        Log.RunStarted(logger, model, rubric.Version, todo.Count, items.Count - todo.Count);

        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = cancellationToken }, async (item, token) =>
        {
            if (!spend.TryStart())
            {
                return;
            }

            var sample = new SampleForJudging(item.Id, "canary", item.Prompt, item.Response, item.Context, 1, null, null);
            var result = await judge.CallAsync(sample, settings.ServiceTier, token, token);
            spend.Add(result.CostUsd);
            if (result.Verdict is { } verdict)
            {
                await store.AddAsync(day, item, model, rubric.Version, verdict.Hallucination, result.CostUsd, time.GetUtcNow().ToUnixTimeMilliseconds(), token);
            }
            else
            {
                // A failed call is asked again at the next run; today's figures count only answers.
                Log.ItemFailed(logger, item.Id, result.Failure?.Reason ?? "no answer");
            }
        });

        if (spend.Refused > 0)
        {
            Log.BudgetSpent(logger, spend.Refused, settings.DailyBudgetUsd);
        }

        var runs = new List<CanaryRunRow>();
        foreach (var counts in await store.CountsAsync(day, model, rubric.Version, cancellationToken))
        {
            var left = items.Count(i => i.Set == counts.ItemSet) - (int)counts.Items;
            var withBaseline = await store.WithBaselineAsync(counts with { Unanswered = Math.Max(0, left), FinishedAt = time.GetUtcNow().ToUnixTimeMilliseconds() }, settings.BaselineRuns, cancellationToken);
            var run = CanaryDrift.Test(await store.WithPairsAsync(withBaseline, cancellationToken), settings.FalseAlarmRate);
            await store.SaveAsync(run, cancellationToken);
            runs.Add(run);
            Log.RunFinished(logger, model, rubric.Version, run.ItemSet, run.Items, run.Agreed, run.Drift == 1, run.SpecificityZ ?? double.NaN, run.SensitivityZ ?? double.NaN);
        }

        return runs;
    }
}
