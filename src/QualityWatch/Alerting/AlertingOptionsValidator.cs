using System.Globalization;
using Microsoft.Extensions.Options;

namespace QualityWatch.Alerting;

internal sealed class AlertingOptionsValidator : IValidateOptions<AlertingOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertingOptions options)
    {
        var errors = new List<string>();
        if (options.EvaluationInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Alerting:EvaluationInterval must be at least 1 second, was {options.EvaluationInterval}.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var key = $"Alerting:Rules:{i}";
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add($"{key}:Name is required.");
            }
            else if (!names.Add(rule.Name))
            {
                errors.Add($"{key}:Name '{rule.Name}' is used twice.");
            }

            if (!AlertRuleKinds.All.Contains(rule.Kind))
            {
                errors.Add($"{key}:Kind must be one of {string.Join(", ", AlertRuleKinds.All)}, was '{rule.Kind}'.");
            }

            if (string.IsNullOrWhiteSpace(rule.Severity))
            {
                errors.Add($"{key}:Severity is required.");
            }

            CheckRule(errors, key, rule);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckRule(List<string> errors, string key, AlertRuleOptions rule)
    {
        NonNegative(errors, $"{key}:For", rule.For);
        NonNegative(errors, $"{key}:ResolveAfter", rule.ResolveAfter);
        Positive(errors, $"{key}:FlapWindow", rule.FlapWindow);
        if (rule.MaxFlaps < 1)
        {
            errors.Add(Invariant($"{key}:MaxFlaps must be >= 1, was {rule.MaxFlaps}."));
        }

        if (rule.ResolveLevel is { } resolveLevel && (resolveLevel is <= 0 or >= 1 || resolveLevel > (rule.Threshold ?? HallucinationRateRule.DefaultThreshold)))
        {
            errors.Add(Invariant($"{key}:ResolveLevel must be above 0 and at most the rule's Threshold, was {resolveLevel}."));
        }

        if (rule.ResolveLevel is not null && rule.ResolveOnUpperBound)
        {
            errors.Add($"{key}:ResolveLevel and {key}:ResolveOnUpperBound cannot both be set: choose one resolve level.");
        }

        if (rule.Rate is { } rate && !RateBases.All.Contains(rate))
        {
            errors.Add($"{key}:Rate must be one of {string.Join(", ", RateBases.All)}, or unset (corrected once a calibration exists), was '{rate}'.");
        }

        Positive(errors, $"{key}:RepeatInterval", rule.RepeatInterval);
        Positive(errors, $"{key}:Window", rule.Window);
        Positive(errors, $"{key}:MaxAge", rule.MaxAge);
        Positive(errors, $"{key}:StalledAfter", rule.StalledAfter);
        Positive(errors, $"{key}:BaselineLookback", rule.BaselineLookback);
        Positive(errors, $"{key}:NoTrafficAfter", rule.NoTrafficAfter);
        if (rule.Threshold is { } threshold && threshold is <= 0 or >= 1)
        {
            errors.Add(Invariant($"{key}:Threshold must be between 0 and 1, was {threshold}."));
        }

        if (rule.MinSamples < 1)
        {
            errors.Add(Invariant($"{key}:MinSamples must be >= 1, was {rule.MinSamples}."));
        }

        if (rule.Level is < 1 or > 5)
        {
            errors.Add(Invariant($"{key}:Level must be between 1 and 5, was {rule.Level}."));
        }

        if (rule.BaselineRate is { } p0 && p0 is <= 0 or >= 1)
        {
            errors.Add(Invariant($"{key}:BaselineRate must be between 0 and 1, was {p0}."));
        }

        if (rule.TargetRate is { } p1 && (p1 is <= 0 or >= 1 || (rule.BaselineRate is { } b && p1 <= b)))
        {
            errors.Add(Invariant($"{key}:TargetRate must be between 0 and 1 and above BaselineRate, was {p1}."));
        }

        if (rule.BaselineMultiplier <= 1)
        {
            errors.Add(Invariant($"{key}:BaselineMultiplier must be above 1, was {rule.BaselineMultiplier}."));
        }

        if (!double.IsFinite(rule.BaselineStandardErrors) || rule.BaselineStandardErrors is < 0 or > 5)
        {
            errors.Add(Invariant($"{key}:BaselineStandardErrors must be between 0 and 5, was {rule.BaselineStandardErrors}."));
        }

        if (rule.FalseAlarmsPer30Days <= 0)
        {
            errors.Add(Invariant($"{key}:FalseAlarmsPer30Days must be above 0, was {rule.FalseAlarmsPer30Days}."));
        }

        if (rule.DeployTestShare is < 0 or >= 1)
        {
            errors.Add(Invariant($"{key}:DeployTestShare must be at least 0 and below 1, was {rule.DeployTestShare}."));
        }

        if (rule.VersionsPerDay <= 0 || rule.DeployTestSamples < 1)
        {
            errors.Add(Invariant($"{key}:VersionsPerDay must be above 0 and DeployTestSamples at least 1, were {rule.VersionsPerDay} and {rule.DeployTestSamples}."));
        }

        if (rule.MinBaselineSamples < 1)
        {
            errors.Add(Invariant($"{key}:MinBaselineSamples must be >= 1, was {rule.MinBaselineSamples}."));
        }
    }

    private static void NonNegative(List<string> errors, string key, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"{key} must not be negative, was {value}.");
        }
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be positive, was {value}.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
