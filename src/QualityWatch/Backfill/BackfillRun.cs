using System.Globalization;
using Microsoft.Extensions.Options;
using QualityWatch.Judging;
using QualityWatch.Backfill.Batch;
using QualityWatch.Storage;

namespace QualityWatch.Backfill;

/// <summary>One invocation of the backfill command: load, estimate, confirm, judge, report.</summary>
internal sealed class BackfillRun(IServiceProvider services, BackfillArguments args, Rubric rubric, TextWriter output, TextWriter errors, bool interactive, TextReader? confirm)
{
    private readonly BackfillWork queue = services.GetRequiredService<BackfillWork>();
    private readonly TimeProvider time = services.GetRequiredService<TimeProvider>();
    private BackfillCounts? start;

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var judge = services.GetRequiredService<IOptions<JudgeOptions>>().Value;
        var options = services.GetRequiredService<IOptions<BackfillOptions>>().Value;
        var mode = args.Mode ?? options.Mode ?? (judge.ServiceTier == JudgeTiers.Flex ? BackfillModes.Flex : BackfillModes.Standard);
        var estimate = await PrepareAsync(cancellationToken);
        PrintEstimate(estimate, mode);
        if (args.DryRun)
        {
            output.WriteLine("Dry run: nothing was stored or sent.");
            return 0;
        }

        start = await queue.CountsAsync(rubric.Version, cancellationToken);
        if (start.Open == 0)
        {
            output.WriteLine("Nothing to judge.");
            return 0;
        }

        if (string.IsNullOrEmpty(judge.ApiKey))
        {
            await errors.WriteLineAsync("backfill: no judge API key (set Judge:ApiKey or GEMINI_API_KEY / OPENAI_API_KEY); the samples stay queued for a later run.");
            return 1;
        }

        if (!args.Yes && !await ConfirmAsync(estimate.CostFor(mode), mode))
        {
            output.WriteLine("Not judged; the samples stay queued. Run again (with --yes) to judge them.");
            return 1;
        }

        var progress = new BackfillProgress(output, interactive, time, options.ProgressInterval, start.Open);
        async Task Report(bool final = false)
        {
            var now = await queue.CountsAsync(rubric.Version, CancellationToken.None);
            progress.Report(now.Done - start.Done, now.SpentUsd - start.SpentUsd, final);
        }

        var stop = mode == BackfillModes.Batch
            ? await services.GetRequiredService<BatchJudge>().RunAsync(rubric, () => Report(), cancellationToken)
            : await services.GetRequiredService<BackfillJudge>().RunAsync(mode, () => Report(), cancellationToken);
        await Report(final: true);
        var end = await queue.CountsAsync(rubric.Version, CancellationToken.None);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Judged {end.Done - start.Done:N0} samples with rubric {rubric.Version} in {mode} mode for {BackfillCommand.Money((decimal)(end.SpentUsd - start.SpentUsd))}; {end.Failed:N0} failed. Verdicts land in the interactions' own hours and days (GET /v1/trends)."));
        if (stop is not null)
        {
            await errors.WriteLineAsync($"backfill: stopped early: {stop}. Run the same command again to resume.");
            return 1;
        }

        return end.Failed > 0 ? 1 : 0;
    }

    public async Task ReportInterruptedAsync()
    {
        var now = await queue.CountsAsync(rubric.Version, CancellationToken.None);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Interrupted: {now.Done - (start?.Done ?? now.Done):N0} judged in this run, {now.Open:N0} still queued ({now.Batched:N0} in batch jobs). Run the same command again to resume; no sample is judged twice."));
    }

    /// <summary>Stores and queues (or, for a dry run, does so in a transaction it rolls back) and estimates what is queued.</summary>
    private async Task<BackfillEstimate> PrepareAsync(CancellationToken cancellationToken)
    {
        await using var connection = await services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(cancellationToken);
        Microsoft.Data.Sqlite.SqliteTransaction transaction;
        if (args.Rejudge)
        {
            transaction = connection.BeginTransaction();
            var queued = await BackfillWork.EnqueueRejudgeAsync(connection, transaction, rubric.Version, args.Stream, args.From, args.To, time.GetUtcNow());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Re-judge with rubric {rubric.Version}: {queued:N0} stored samples newly queued; their earlier verdicts are kept."));
        }
        else
        {
            var loaded = services.GetRequiredService<BackfillLoader>().Load(connection, args, rubric.Version, errors, keepOpen: args.DryRun, cancellationToken);
            transaction = loaded.Pending ?? connection.BeginTransaction();
            var s = loaded.Summary;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Read {s.Lines:N0} lines from {s.Files:N0} file(s): {s.Bad:N0} skipped as invalid, {s.OutOfScope:N0} outside --stream/--from/--to."));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Sampled {s.Sampled:N0}: {s.Stored:N0} newly stored, {s.Queued:N0} newly queued for rubric {rubric.Version}."));
        }

        using (transaction)
        {
            await BackfillWork.RetryFailedAsync(connection, transaction, rubric.Version, time.GetUtcNow());
            await BackfillWork.ResumePausedAsync(connection, transaction, rubric.Version, time.GetUtcNow());
            var estimate = await services.GetRequiredService<BackfillEstimator>().EstimateAsync(connection, transaction, rubric);
            if (args.DryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return estimate;
        }
    }

    private void PrintEstimate(BackfillEstimate e, string mode)
    {
        var u = e.Usage;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Estimate for {e.Samples:N0} samples with {e.Model}, rubric {e.Rubric}: ~{u.PromptTokens:N0} input tokens ({u.CachedTokens:N0} cached), ~{u.OutputTokens:N0} output tokens ({e.OutputPerVerdict:N0} a verdict, {(e.OutputLearned ? "learned from past verdicts" : "Backfill:EstimatedOutputTokens")})."));
        foreach (var (name, usd) in new[] { (BackfillModes.Standard, e.StandardUsd), (BackfillModes.Flex, e.FlexUsd), (BackfillModes.Batch, e.BatchUsd) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-9}{BackfillCommand.Money(usd),12}{(name == mode ? "  <- this run" : "")}"));
        }
    }

    private async Task<bool> ConfirmAsync(decimal cost, string mode)
    {
        if (confirm is null)
        {
            await errors.WriteLineAsync("backfill: not a terminal, so not asking: add --yes to judge.");
            return false;
        }

        output.Write($"Judge them now in {mode} mode for about {BackfillCommand.Money(cost)}? [y/N] ");
        output.Flush();
        var answer = (await confirm.ReadLineAsync())?.Trim();
        return answer is "y" or "Y" or "yes";
    }
}
