using Microsoft.Extensions.Options;

namespace QualityWatch.Hosting;

internal sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options)
    {
        var errors = new List<string>();
        OptionRange.Check(errors, "Shutdown:Timeout", options.Timeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));

        // The grace is spent inside the timeout; what remains is for the rollup and the checkpoint.
        if (options.JudgeGrace < TimeSpan.Zero || options.JudgeGrace >= options.Timeout)
        {
            errors.Add($"Shutdown:JudgeGrace must be at least 00:00:00 and shorter than Shutdown:Timeout ({options.Timeout}), was {options.JudgeGrace}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
