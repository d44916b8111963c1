using Microsoft.Extensions.Options;

namespace QualityWatch.Backfill;

internal sealed class BackfillOptionsValidator : IValidateOptions<BackfillOptions>
{
    public ValidateOptionsResult Validate(string? name, BackfillOptions options)
    {
        var errors = new List<string>();
        if (options.Mode is not (null or BackfillModes.Flex or BackfillModes.Standard or BackfillModes.Batch))
        {
            errors.Add($"Backfill:Mode must be flex, standard or batch, was '{options.Mode}'.");
        }

        if (options.EstimatedOutputTokens is < 1 or > 100_000)
        {
            errors.Add($"Backfill:EstimatedOutputTokens must be between 1 and 100000, was {options.EstimatedOutputTokens}.");
        }

        if (options.ProgressInterval < TimeSpan.FromMilliseconds(100) || options.ProgressInterval > TimeSpan.FromHours(1))
        {
            errors.Add($"Backfill:ProgressInterval must be between 00:00:00.1 and 01:00:00, was {options.ProgressInterval}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
