using Microsoft.Extensions.Options;

namespace QualityWatch.Trends;

internal sealed class TrendsOptionsValidator : IValidateOptions<TrendsOptions>
{
    public ValidateOptionsResult Validate(string? name, TrendsOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TimeZone))
        {
            errors.Add("Trends:TimeZone is required (an IANA time zone such as UTC or Europe/Berlin).");
        }
        else if (!TrendCalendar.TryFindZone(options.TimeZone, out _))
        {
            errors.Add($"Trends:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        if (options.RollupInterval < TimeSpan.FromSeconds(1) || options.RollupInterval > TimeSpan.FromDays(1))
        {
            errors.Add($"Trends:RollupInterval must be between 00:00:01 and 1.00:00:00, was {options.RollupInterval}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
