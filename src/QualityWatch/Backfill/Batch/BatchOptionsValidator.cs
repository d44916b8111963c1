using Microsoft.Extensions.Options;

namespace QualityWatch.Backfill.Batch;

internal sealed class BatchOptionsValidator : IValidateOptions<BatchOptions>
{
    public ValidateOptionsResult Validate(string? name, BatchOptions options)
    {
        var errors = new List<string>();
        if (options.MaxRequestsPerJob is < 1 or > 1_000_000)
        {
            errors.Add($"Batch:MaxRequestsPerJob must be between 1 and 1000000, was {options.MaxRequestsPerJob}.");
        }

        if (options.MaxInlineBytes is < 1024 or > 20 * 1024 * 1024)
        {
            errors.Add($"Batch:MaxInlineBytes must be between 1024 and 20971520 (20 MB), was {options.MaxInlineBytes}.");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.MaxPollInterval < options.PollInterval)
        {
            errors.Add($"Batch:PollInterval must be at least 00:00:00.01 and at most Batch:MaxPollInterval, were {options.PollInterval} and {options.MaxPollInterval}.");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            errors.Add($"Batch:MaxAttempts must be between 1 and 20, was {options.MaxAttempts}.");
        }

        if (options.CollectLease < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Batch:CollectLease must be at least 00:00:01, was {options.CollectLease}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
