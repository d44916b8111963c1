using Microsoft.Extensions.Options;
using QualityWatch.Hosting;

namespace QualityWatch.Backfill.Batch;

internal sealed class BatchOptionsValidator : IValidateOptions<BatchOptions>
{
    public ValidateOptionsResult Validate(string? name, BatchOptions options)
    {
        var errors = new List<string>();
        OptionRange.Check(errors, "Batch:MaxRequestsPerJob", options.MaxRequestsPerJob, 1, 1_000_000);

        OptionRange.Check(errors, "Batch:MaxInlineBytes", options.MaxInlineBytes, 1024, 20 * 1024 * 1024, "20 MB");

        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.MaxPollInterval < options.PollInterval)
        {
            errors.Add($"Batch:PollInterval must be at least 00:00:00.01 and at most Batch:MaxPollInterval, were {options.PollInterval} and {options.MaxPollInterval}.");
        }

        OptionRange.Check(errors, "Batch:MaxAttempts", options.MaxAttempts, 1, 20);

        if (options.CollectLease < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Batch:CollectLease must be at least 00:00:01, was {options.CollectLease}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
