using Microsoft.Extensions.Options;

namespace QualityWatch.Hosting;

internal sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options) =>
        options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(10)
            ? ValidateOptionsResult.Fail($"Shutdown:Timeout must be between 00:00:01 and 00:10:00, was {options.Timeout}.")
            : ValidateOptionsResult.Success;
}
