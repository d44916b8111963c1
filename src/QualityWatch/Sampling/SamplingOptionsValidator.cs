using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace QualityWatch.Sampling;

internal sealed partial class SamplingOptionsValidator : IValidateOptions<SamplingOptions>
{
    public ValidateOptionsResult Validate(string? name, SamplingOptions options)
    {
        var errors = new List<string>();
        CheckRate(errors, "Sampling", options.EveryN, options.Mode);
        CheckBoost(errors, "Sampling:Boost", options.Boost);
        CheckBudget(errors, "Sampling", options.Budget, options.Mode);
        CheckVersions(errors, options);

        var names = new HashSet<string>(StringComparer.Ordinal) { SamplingOptions.DefaultStream };
        for (var i = 0; i < options.Streams.Count; i++)
        {
            var stream = options.Streams[i];
            var key = $"Sampling:Streams:{i}";
            if (string.IsNullOrWhiteSpace(stream.Name))
            {
                errors.Add($"{key}:Name is required.");
            }
            else if (!StreamName().IsMatch(stream.Name))
            {
                errors.Add($"{key}:Name must be 1-64 letters, digits, '.', '_' or '-', was '{stream.Name}'.");
            }
            else if (!names.Add(stream.Name))
            {
                errors.Add($"{key}:Name '{stream.Name}' is used twice (or is the reserved name 'default').");
            }

            if (stream.Match.Count == 0)
            {
                errors.Add($"{key}:Match must name at least one label, e.g. \"Match\": {{ \"dataset\": \"customer-support-v2\" }}.");
            }

            CheckRate(errors, key, stream.EveryN, stream.Mode);
            if (stream.Boost is not null)
            {
                CheckBoost(errors, $"{key}:Boost", stream.Boost);
            }

            CheckBudget(errors, key, stream.Budget ?? options.Budget, stream.Mode);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckVersions(List<string> errors, SamplingOptions options)
    {
        if (options.MaxVersionsPerStream < 1)
        {
            errors.Add($"Sampling:MaxVersionsPerStream must be >= 1, was {options.MaxVersionsPerStream}.");
        }

        if (options.ForgetVersionsAfter <= TimeSpan.Zero)
        {
            errors.Add($"Sampling:ForgetVersionsAfter must be a positive duration, was {options.ForgetVersionsAfter}.");
            return;
        }

        // A version forgotten before it counts as silent would come back as new and boost early.
        var silentAfter = options.Streams.Select(s => s.Boost?.SilentAfter ?? TimeSpan.Zero).Append(options.Boost.SilentAfter).Max();
        if (options.ForgetVersionsAfter < silentAfter)
        {
            errors.Add($"Sampling:ForgetVersionsAfter must be at least the longest Boost:SilentAfter ({silentAfter}), was {options.ForgetVersionsAfter}.");
        }
    }

    private static void CheckRate(List<string> errors, string key, int everyN, SamplingMode mode)
    {
        if (everyN < 1)
        {
            errors.Add($"{key}:EveryN must be >= 1, was {everyN}.");
        }

        if (!Enum.IsDefined(mode))
        {
            errors.Add($"{key}:Mode must be EveryN or Hash, was {mode}.");
        }
    }

    private static void CheckBoost(List<string> errors, string key, BoostOptions boost)
    {
        if (boost.EveryN < 1)
        {
            errors.Add($"{key}:EveryN must be >= 1, was {boost.EveryN}.");
        }

        if (boost.Duration <= TimeSpan.Zero)
        {
            errors.Add($"{key}:Duration must be a positive duration, was {boost.Duration}.");
        }

        if (boost.MaxSamples < 0)
        {
            errors.Add($"{key}:MaxSamples must be >= 0 (0 = no cap), was {boost.MaxSamples}.");
        }

        if (boost.SilentAfter <= TimeSpan.Zero)
        {
            errors.Add($"{key}:SilentAfter must be a positive duration, was {boost.SilentAfter}.");
        }

        if (!Judging.JudgeTiers.IsKnown(boost.JudgeTier))
        {
            errors.Add($"{key}:JudgeTier must be flex, standard or priority, was '{boost.JudgeTier}'.");
        }
    }

    private static void CheckBudget(List<string> errors, string key, BudgetOptions budget, SamplingMode mode)
    {
        if (budget.Daily < 0 || budget.TokensPerSample <= 0 || budget.UsdPerSample <= 0 || budget.BoostCostRatio <= 0)
        {
            errors.Add($"{key}:Budget: Daily must be >= 0 and TokensPerSample, UsdPerSample, BoostCostRatio > 0.");
        }

        if (!Enum.IsDefined(budget.Unit))
        {
            errors.Add($"{key}:Budget:Unit must be Samples, Tokens or Usd, was {budget.Unit}.");
        }

        // Pacing needs the one writer's counts; hash-mode replicas each see only part of the traffic.
        if (budget.Enabled && mode == SamplingMode.Hash)
        {
            errors.Add($"{key}:Budget:Daily needs Mode EveryN (a budget is paced by one writer), was Hash.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex StreamName();
}
