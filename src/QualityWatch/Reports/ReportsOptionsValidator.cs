using Microsoft.Extensions.Options;
using QualityWatch.Hosting;

namespace QualityWatch.Reports;

internal sealed class ReportsOptionsValidator : IValidateOptions<ReportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportsOptions options)
    {
        var errors = new List<string>();
        OptionRange.Check(errors, "Reports:CatchUpDays", options.CatchUpDays, 1, 31);
        OptionRange.Check(errors, "Reports:ChartDays", options.ChartDays, 2, 90);
        OptionRange.Check(errors, "Reports:WorstExamples", options.WorstExamples, 0, 20);
        if (!(options.HallucinationThreshold > 0 && options.HallucinationThreshold < 1))
        {
            errors.Add($"Reports:HallucinationThreshold must be a fraction between 0 and 1 (0.05 = 5%), was {options.HallucinationThreshold}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
