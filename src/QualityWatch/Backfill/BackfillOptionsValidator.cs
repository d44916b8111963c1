using Microsoft.Extensions.Options;
using QualityWatch.Hosting;

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

        OptionRange.Check(errors, "Backfill:EstimatedOutputTokens", options.EstimatedOutputTokens, 1, 100_000);

        OptionRange.Check(errors, "Backfill:ProgressInterval", options.ProgressInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
