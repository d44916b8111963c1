using Microsoft.Extensions.Options;
using QualityWatch.Hosting;

namespace QualityWatch.Health;

internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var errors = new List<string>();
        if (options.JudgeWindow <= TimeSpan.Zero || options.JudgeWindow > TimeSpan.FromDays(7))
        {
            errors.Add($"Health:JudgeWindow must be between 00:00:00.001 and 7.00:00:00, was {options.JudgeWindow}.");
        }

        OptionRange.Check(errors, "Health:StatusInterval", options.StatusInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
