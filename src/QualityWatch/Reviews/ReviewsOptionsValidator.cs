using Microsoft.Extensions.Options;

namespace QualityWatch.Reviews;

internal sealed class ReviewsOptionsValidator : IValidateOptions<ReviewsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewsOptions options)
    {
        var errors = new List<string>();
        if (!(options.JudgedPositiveShare is > 0 and < 1))
        {
            errors.Add($"Reviews:JudgedPositiveShare must be strictly between 0 and 1 (a share of the labels), was {options.JudgedPositiveShare}.");
        }

        if (options.MaxNoteLength is < 1 or > 100_000)
        {
            errors.Add($"Reviews:MaxNoteLength must be from 1 to 100000 characters, was {options.MaxNoteLength}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
