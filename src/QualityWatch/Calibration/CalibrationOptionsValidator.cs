using Microsoft.Extensions.Options;

namespace QualityWatch.Calibration;

internal sealed class CalibrationOptionsValidator : IValidateOptions<CalibrationOptions>
{
    public ValidateOptionsResult Validate(string? name, CalibrationOptions options) =>
        options.CacheDuration < TimeSpan.Zero || options.CacheDuration > TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Fail($"Calibration:CacheDuration must be from 00:00:00 to 01:00:00 (0 reads on every request), was {options.CacheDuration}.")
            : ValidateOptionsResult.Success;
}
