using QualityWatch.Reviews;

namespace QualityWatch.Tests.Reviews;

public sealed class ReviewsOptionsValidatorTests
{
    [Fact]
    public void Validate_ShareOutsideZeroToOneOrNoNoteRoom_NamesTheKeys()
    {
        var result = new ReviewsOptionsValidator().Validate(null, new ReviewsOptions { JudgedPositiveShare = 1, MaxNoteLength = 0, TargetIntervalWidth = 0, MinLabelsPerStratum = 0 });

        Assert.True(result.Failed);
        Assert.Contains("Reviews:JudgedPositiveShare", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Reviews:MaxNoteLength", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Reviews:TargetIntervalWidth", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Reviews:MinLabelsPerStratum", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new ReviewsOptionsValidator().Validate(null, new ReviewsOptions()).Succeeded);
    }
}
