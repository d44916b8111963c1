using System.Globalization;
using Microsoft.Extensions.Options;

namespace QualityWatch.Reviews;

internal sealed class ReviewsOptionsValidator : IValidateOptions<ReviewsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewsOptions options)
    {
        var errors = new List<string>();
        if (options.JudgedPositiveShare is { } share && !(share is > 0 and < 1))
        {
            errors.Add(Invariant($"Reviews:JudgedPositiveShare must be strictly between 0 and 1 (a share of the labels), or unset for the optimal share, was {share}."));
        }

        if (!(options.TargetIntervalWidth is > 0 and < 1))
        {
            errors.Add(Invariant($"Reviews:TargetIntervalWidth must be strictly between 0 and 1 (a width on the rate scale, 0.02 = 2 points), was {options.TargetIntervalWidth}."));
        }

        if (options.MinLabelsPerStratum is < 1 or > 100_000)
        {
            errors.Add(Invariant($"Reviews:MinLabelsPerStratum must be from 1 to 100000, was {options.MinLabelsPerStratum}."));
        }

        if (options.MaxNoteLength is < 1 or > 100_000)
        {
            errors.Add($"Reviews:MaxNoteLength must be from 1 to 100000 characters, was {options.MaxNoteLength}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
