using Microsoft.Extensions.Options;
using QualityWatch.Hosting;

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

        OptionRange.Check(errors, "Trends:RollupInterval", options.RollupInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
