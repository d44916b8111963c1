using System.CommandLine;
using System.Globalization;
using Dapper;
using QualityWatch.Bench.Shared;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Stats;

namespace QualityWatch.Bench.Cost;

/// <summary>
/// <c>cost</c>: judge tokens and USD per 1,000 verdicts with the explicit rubric cache on and off, in
/// Flex and standard. Each combination judges the same samples on a fresh service, database and
/// simulator, with no latency and no faults: only what is billed matters here.
/// </summary>
internal static class JudgeCost
{
    public static Command Command() => BenchVerb.Create(
        "cost",
        "judge cost per sample with and without the cached rubric prefix",
        RunAsync,
        BenchOption.Int("--samples", 1000, "samples to judge"),
        BenchOption.Results(),
        BenchOption.NoWrite());

    public const string Heading = "## Judge cost";

    private static readonly CostCombination[] Combinations =
    [
        new(true, "standard"),
        new(false, "standard"),
        new(true, "flex"),
        new(false, "flex"),
    ];

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var samples = a.Int("--samples");
        var results = new List<CostResult>();
        foreach (var combination in Combinations)
        {
            var result = await RunCombinationAsync(combination, samples);
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{combination.Name}: {result.Verdicts} verdicts, {result.PromptTokens} prompt tokens ({result.CachedTokens} cached), {result.OutputTokens} output, billed ${result.BilledUsd:0.000000}, estimated ${result.EstimatedUsd:0.000000}"));
        }

        var section = CostReport.Section(results, samples);
        Console.WriteLine();
        Console.WriteLine(section);
        if (!a.Flag("--no-write"))
        {
            ResultsFile.WriteSection(a.ResultsPath(), Heading, section);
        }

        return results.All(r => r.Verdicts == samples) ? 0 : 1;
    }

    private static async Task<CostResult> RunCombinationAsync(CostCombination combination, int samples)
    {
        await using var rig = await JudgeRig.StartAsync(new SimulatorOptions(), new Dictionary<string, string?>
        {
            ["Judge:ServiceTier"] = combination.Tier,
            ["Judge:Cache:Enabled"] = combination.CacheEnabled ? "true" : "false",
            ["Judge:RequestsPerMinute"] = "1000000",
            ["Judge:MaxConcurrency"] = "16",
        });

        // The same ids and texts in every combination, so only the settings differ.
        var queued = await rig.QueueAsync("cost", samples);
        var counts = await rig.DrainAsync(TimeSpan.FromMinutes(5));
        if (counts.GetValueOrDefault("done") != queued)
        {
            await Console.Error.WriteLineAsync($"cost: {combination.Name}: {queued} queued but {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}");
        }

        var stats = rig.Simulator.Stats;
        var answers = stats.Records.Where(r => r.Kind == EndpointKind.GenerateContent && r.StatusCode == 200).ToList();
        using var db = rig.Open();
        var stored = db.QuerySingle<(long Verdicts, long Prompt, long Cached, long Output, double Usd)>(
            "SELECT COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(cached_tokens), 0), COALESCE(SUM(output_tokens + thinking_tokens), 0), COALESCE(SUM(cost_usd), 0) FROM verdicts");

        // The simulator's own price list, with nothing at the cached rate: what caching saved.
        var prices = new SimulatorPrices();
        var uncached = db.Query<(string Tier, long Prompt, long Output)>("SELECT service_tier, prompt_tokens, output_tokens + thinking_tokens FROM verdicts")
            .Sum(v => prices.Cost(v.Tier, (int)v.Prompt, 0, (int)v.Output));

        if (answers.Sum(r => (long)r.PromptTokens) != stored.Prompt || answers.Sum(r => (long)r.CachedTokens) != stored.Cached)
        {
            await Console.Error.WriteLineAsync($"cost: {combination.Name}: the service stored other token counts than the simulator reported.");
        }

        return new CostResult(
            combination,
            stored.Verdicts,
            answers.Count,
            stored.Prompt,
            stored.Cached,
            stored.Output,
            stats.Billed.Values.Sum(b => b.Usd),
            (decimal)stored.Usd,
            uncached,
            stats.Count(EndpointKind.CacheCreate));
    }
}
