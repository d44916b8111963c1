using Microsoft.Extensions.Options;

namespace QualityWatch.Health;

internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        options.JudgeWindow <= TimeSpan.Zero || options.JudgeWindow > TimeSpan.FromDays(7)
            ? ValidateOptionsResult.Fail($"Health:JudgeWindow must be between 00:00:00.001 and 7.00:00:00, was {options.JudgeWindow}.")
            : ValidateOptionsResult.Success;
}
