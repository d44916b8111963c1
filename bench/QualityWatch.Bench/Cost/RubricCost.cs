using System.CommandLine;
using System.Globalization;
using System.Text;
using QualityWatch.Bench.Shared;
using QualityWatch.Canary;
using QualityWatch.Judging;

namespace QualityWatch.Bench.Cost;

/// <summary>
/// <c>cost-rubric</c>: USD per 1,000 verdicts per judge model, rubric (v1, v3), prefix cache on and off, Flex and
/// standard, from the rubrics' token estimates, the canary reference set's samples as typical per-sample text and the
/// service's own price table (<see cref="ModelPrice.Defaults"/>). A model, not a run: the cache is taken to hit on
/// every call but the first while the prefix reaches the model's implicit-cache minimum, and never below it.
/// </summary>
internal static class RubricCost
{
    public const string Heading = "## Judge cost by rubric";

    public static Command Command() => BenchVerb.Create(
        "cost-rubric",
        "USD per 1,000 verdicts by model, rubric, cache and tier, from token counts and the price table",
        Run,
        BenchOption.Int("--output-tokens", 184, "output + thinking tokens per verdict (the simulator's verdicts average about 120 + 64 thinking)"),
        BenchOption.Results(),
        BenchOption.NoWrite());

    // Implicit-cache minimum prompt tokens per model, from shared/reference/judge-apis.md (the 2026-07-07 copy of the caching page).
    private static readonly (string Model, int CacheMinTokens)[] Models = [("gemini-2.5-flash", 2_048), ("gemini-3.5-flash", 4_096)];

    private static int Run(BenchArgs options)
    {
        var outputTokens = options.Int("--output-tokens");
        var sampleTokens = ReferenceSet.Load().Items.Average(i => Rubric.SampleText(new SampleForJudging(i.Id, "default", i.Prompt, ReferenceSet.WithoutMarkers(i.Response), i.Context, 1, null, null)).Length / 4.0);
        var prices = ModelPrice.Defaults();
        var table = new MarkdownTable(["model", "rubric", "prefix tokens", "cache", "tier", "prompt tokens / verdict", "cached / verdict", "USD per 1,000 verdicts"], labelColumns: 5);
        var costs = new Dictionary<(string, string, bool, string), decimal>();
        foreach (var (model, minTokens) in Models)
        {
            var price = prices[model];
            foreach (var version in new[] { "v1", "v3" })
            {
                var rubric = Rubric.Load(version);
                foreach (var cache in new[] { false, true })
                {
                    foreach (var tier in new[] { JudgeTiers.Standard, JudgeTiers.Flex })
                    {
                        var prompt = rubric.EstimatedTokens + sampleTokens;
                        var cached = cache && rubric.EstimatedTokens >= minTokens ? rubric.EstimatedTokens : 0;
                        var perVerdict = ((((decimal)prompt - cached) * price.InputPerMillion) + (cached * price.CachedInputPerMillion) + (outputTokens * price.OutputPerMillion))
                            * price.TierMultipliers[tier] / 1_000_000m;
                        costs[(model, version, cache, tier)] = perVerdict * 1000;
                        table.Add(model, version, Fmt.N0(rubric.EstimatedTokens), cache ? "on" : "off", tier, Fmt.N0(prompt), Fmt.N0(cached), Fmt.Usd(perVerdict * 1000));
                    }
                }
            }
        }

        var report = new StringBuilder();
        report.Append(Heading).Append("\n\n");
        report.Append(CultureInfo.InvariantCulture, $"`dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll cost-rubric --output-tokens {outputTokens}`, {Machine.Today()}.\n\n");
        report.Append(CultureInfo.InvariantCulture,
            $"A cost model, not a measured run: prompt tokens = the rubric prefix (`Rubric.EstimatedTokens`, chars / 4) + the per-sample part, here the canary reference set's average ({Fmt.F(sampleTokens, 0)} tokens); {outputTokens} output and thinking tokens per verdict; prices from the service's `Judge:Prices` defaults (gemini-3.5-flash **assumed**: $0.50 input, $0.05 cached input, $3.00 output per 1M tokens, Gemini 3 Flash's list prices with the 90 % cache discount: the reference notes this build has, `shared/reference/judge-apis.md`, give 3.5 Flash's implicit-cache minimum but no price for it, and no price page for 3.5 Flash was available), Flex at half the standard price. ");
        report.Append("Cache on: the prefix is billed as cached on every call, which a steady stream of calls within the cache window approaches, and only when the prefix reaches the model's implicit-cache minimum (2.5 Flash 2,048, 3.5 Flash 4,096 tokens, per the caching page's 2026-07-07 copy); the explicit cache's storage (about $1 per 1M tokens per hour) is not counted. Below the minimum, cache on costs what cache off does: that is implicit caching, the only kind the Interactions API offers; the service's explicit cache (`Judge:Cache`, from 1,024 tokens) does cache v1 on 2.5 Flash, as the measured `Judge cost` section shows.\n\n");
        report.Append(table).Append('\n');
        var m = "gemini-3.5-flash";
        report.Append(CultureInfo.InvariantCulture,
            $"- {m}, Flex, cache on: rubric v3 / v1 = {Fmt.Times((double)costs[(m, "v3", true, "flex")], (double)costs[(m, "v1", true, "flex")])} (v1's prefix is below 4,096 tokens, so it never caches there; v3's does).\n");
        report.Append(CultureInfo.InvariantCulture,
            $"- {m}, Flex, rubric v3: cache on / off = {Fmt.Times((double)costs[(m, "v3", true, "flex")], (double)costs[(m, "v3", false, "flex")])}; standard / Flex = {Fmt.Times((double)costs[(m, "v3", true, "standard")], (double)costs[(m, "v3", true, "flex")])}.\n");
        report.Append(CultureInfo.InvariantCulture,
            $"- gemini-2.5-flash, Flex, cache on: rubric v3 / v1 = {Fmt.Times((double)costs[("gemini-2.5-flash", "v3", true, "flex")], (double)costs[("gemini-2.5-flash", "v1", true, "flex")])}.\n");
        report.Append('\n').Append(CanaryRuns(costs));
        var text = report.ToString();
        Console.WriteLine(text);
        if (options.Write)
        {
            ResultsFile.WriteSection(options.ResultsPath(), Heading, text);
            Console.WriteLine($"Written to {options.ResultsPath()}.");
        }

        return 0;
    }

    /// <summary>What one daily canary run costs at these rates: the default reference set plus the reviewed samples it adds, in Flex.</summary>
    private static string CanaryRuns(Dictionary<(string, string, bool, string), decimal> costs)
    {
        var canary = new CanaryOptions();
        var reference = ReferenceSet.Load(canary.ReferenceSet);
        var items = reference.Items.Count + canary.MaxReviewedItems;
        var table = new MarkdownTable(["model", "rubric", "cache", "USD per canary run (Flex)", $"share of Canary:DailyBudgetUsd ${canary.DailyBudgetUsd.ToString(CultureInfo.InvariantCulture)}"], labelColumns: 3);
        foreach (var (model, _) in Models)
        {
            foreach (var version in new[] { "v1", "v3" })
            {
                foreach (var cache in new[] { false, true })
                {
                    var run = costs[(model, version, cache, JudgeTiers.Flex)] * items / 1000m;
                    table.Add(model, version, cache ? "on" : "off", Fmt.Usd(run), Fmt.Pct((double)(run / canary.DailyBudgetUsd)));
                }
            }
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"A daily canary run at these rates: reference set {reference.Version} ({Fmt.N0(reference.Items.Count)} items) plus up to `Canary:MaxReviewedItems` {canary.MaxReviewedItems} reviewed samples, {Fmt.N0(items)} verdicts in Flex (`Canary:ServiceTier`; standard doubles it), priced as above:\n\n{table}");
    }
}
