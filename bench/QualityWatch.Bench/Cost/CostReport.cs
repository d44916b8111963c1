using System.Text;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Cost;

/// <summary>The <c>## Judge cost</c> section of bench/RESULTS.md: per 1,000 verdicts, and the ratios between settings.</summary>
internal static class CostReport
{
    public static string Section(IReadOnlyList<CostResult> results, int samples)
    {
        var table = new MarkdownTable(["setting", "verdicts", "input tokens", "of which cached", "output tokens", "USD billed", "USD estimated by the service", "USD if nothing cached"]);
        foreach (var r in results)
        {
            table.Add(r.Combination.Name, Fmt.N0(r.Verdicts), Fmt.N0(r.Per1000(r.PromptTokens)), Fmt.N0(r.Per1000(r.CachedTokens)), Fmt.N0(r.Per1000(r.OutputTokens)),
                Fmt.Usd(r.Per1000(r.BilledUsd)), Fmt.Usd(r.Per1000(r.EstimatedUsd)), Fmt.Usd(r.Per1000(r.UncachedUsd)));
        }

        var text = new StringBuilder();
        text.Append(JudgeCost.Heading).Append(" (").Append(Machine.Today()).Append(")\n\n");
        text.Append("`cost` judges the same ").Append(Fmt.N0(samples)).Append(" samples (~280 tokens of context, prompt and response each) once per setting, each on a fresh\n")
            .Append("service, database and judge simulator (Gemini protocol, gemini-2.5-flash list prices: input $0.30, cached $0.03, output\n")
            .Append("$2.50 per 1M tokens; Flex half), no latency, no faults. Tokens are the usage the simulator reported, as the service stored\n")
            .Append("it with each verdict (input includes cached; output includes thinking). Figures are **per 1,000 verdicts**; \"USD billed\"\n")
            .Append("is what the simulator charged, \"estimated\" the service's `verdicts.cost_usd`, \"if nothing cached\" the same tokens at the\n")
            .Append("full input price. With the cache off the rubric goes as `systemInstruction` in every request, and the simulator reports\n")
            .Append("an implicit hit for a prefix of ≥ 1,024 tokens seen within 5 minutes, as Gemini 2.5 may but does not promise.\n\n");
        text.Append(table).Append('\n');

        var on = results.Where(r => r.Combination.CacheEnabled).ToDictionary(r => r.Combination.Tier);
        var off = results.Where(r => !r.Combination.CacheEnabled).ToDictionary(r => r.Combination.Tier);
        text.Append("Ratios (USD billed per 1,000 verdicts):\n");
        foreach (var tier in on.Keys.Where(off.ContainsKey))
        {
            var (cached, plain) = (on[tier], off[tier]);
            text.Append("- cache on / off, ").Append(tier).Append(": **").Append(Fmt.Times((double)cached.Per1000(cached.BilledUsd), (double)plain.Per1000(plain.BilledUsd), 3))
                .Append("** with implicit caching hitting as the simulator models it; ")
                .Append(Fmt.Times((double)cached.Per1000(cached.BilledUsd), (double)plain.Per1000(plain.UncachedUsd), 3))
                .Append(" if implicit caching never hits (Gemini promises no saving from it)\n");
        }

        foreach (var (name, set) in new[] { ("on", on), ("off", off) })
        {
            if (set.TryGetValue("flex", out var flex) && set.TryGetValue("standard", out var standard))
            {
                text.Append("- flex / standard, cache ").Append(name).Append(": **").Append(Fmt.Times((double)flex.Per1000(flex.BilledUsd), (double)standard.Per1000(standard.BilledUsd), 3)).Append("**\n");
            }
        }

        if (on.Values.FirstOrDefault() is { Answers: > 0 } explicitRun)
        {
            // Gemini bills explicit cache storage per token-hour; the simulator does not, so it is stated, not added.
            var rubricTokens = explicitRun.CachedTokens / explicitRun.Answers;
            text.Append("- not in the table: the explicit cache's storage, ").Append(Fmt.N0(rubricTokens))
                .Append(" tokens at Gemini's $1.00 per 1M tokens per hour = ").Append(Fmt.Usd(rubricTokens / 1_000_000m)).Append(" per hour, whatever the volume\n");
        }

        var cheapest = results.MinBy(r => r.Per1000(r.BilledUsd))!;
        var dearest = results.MaxBy(r => r.Per1000(r.BilledUsd))!;
        text.Append("- dearest (").Append(dearest.Combination.Name).Append(") / cheapest (").Append(cheapest.Combination.Name).Append("): ")
            .Append(Fmt.Times((double)dearest.Per1000(dearest.BilledUsd), (double)cheapest.Per1000(cheapest.BilledUsd), 2)).Append('\n');
        return text.ToString();
    }
}
