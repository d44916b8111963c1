using Microsoft.Extensions.Options;
using Quartz;
using QualityWatch.Judging;

namespace QualityWatch.Canary;

internal sealed class CanaryOptionsValidator : IValidateOptions<CanaryOptions>
{
    public ValidateOptionsResult Validate(string? name, CanaryOptions options)
    {
        var errors = new List<string>();
        if (!IsCron(options.Schedule))
        {
            errors.Add($"Canary:Schedule must be a Quartz cron expression (seconds first, e.g. '0 30 3 * * ?'), was '{options.Schedule}'.");
        }

        if (options.ServiceTier is not (JudgeTiers.Flex or JudgeTiers.Standard))
        {
            errors.Add($"Canary:ServiceTier must be '{JudgeTiers.Flex}' or '{JudgeTiers.Standard}', was '{options.ServiceTier}'.");
        }

        if (!ReferenceSet.Shipped.Contains(options.ReferenceSet, StringComparer.Ordinal))
        {
            errors.Add($"Canary:ReferenceSet must be one of the reference sets built into this QualityWatch ({string.Join(", ", ReferenceSet.Shipped)}), was '{options.ReferenceSet}'.");
        }

        if (options.MaxReviewedItems is < 0 or > 10_000)
        {
            errors.Add($"Canary:MaxReviewedItems must be from 0 to 10000, was {options.MaxReviewedItems}.");
        }

        if (options.DailyBudgetUsd <= 0)
        {
            errors.Add($"Canary:DailyBudgetUsd must be above 0 (USD per UTC day), was {options.DailyBudgetUsd}.");
        }

        if (!(options.FalseAlarmRate is > 0 and < 0.5))
        {
            errors.Add($"Canary:FalseAlarmRate must be strictly between 0 and 0.5 (a probability per run), was {options.FalseAlarmRate}.");
        }

        if (options.BaselineRuns is < 1 or > 90)
        {
            errors.Add($"Canary:BaselineRuns must be from 1 to 90, was {options.BaselineRuns}.");
        }

        if (options.MaxConcurrency is < 1 or > 64)
        {
            errors.Add($"Canary:MaxConcurrency must be from 1 to 64, was {options.MaxConcurrency}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
