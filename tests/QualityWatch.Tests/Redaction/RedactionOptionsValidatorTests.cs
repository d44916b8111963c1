using QualityWatch.Redaction;

namespace QualityWatch.Tests.Redaction;

public sealed class RedactionOptionsValidatorTests
{
    private static IEnumerable<string> Errors(RedactionOptions options) =>
        new RedactionOptionsValidator().Validate(null, options).Failures ?? [];

    private static RedactionOptions With(params CustomRedactionPattern[] patterns) => new() { CustomPatterns = [.. patterns] };

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new RedactionOptions();

        Assert.True(new RedactionOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.CustomPatternTimeout);
        Assert.Empty(options.CustomPatterns);
    }

    [Fact]
    public void Validate_ShortIdKey_ErrorNamesTheKey_AndALongOneSucceeds()
    {
        var error = Assert.Single(Errors(new RedactionOptions { IdKey = "too-short" }));

        Assert.StartsWith("Redaction:IdKey must be at least 32 characters, was 9", error, StringComparison.Ordinal);
        Assert.Empty(Errors(new RedactionOptions { IdKey = new string('k', 32) }));
    }

    [Fact]
    public void Validate_WellFormedCustomPatterns_Succeed()
    {
        var options = With(
            new CustomRedactionPattern { Name = "order_secret", Pattern = @"SECRET-\d+" },
            new CustomRedactionPattern { Name = "emp_2", Pattern = "EMP[0-9]{5}", Placeholder = "[EMPLOYEE]" });

        Assert.Empty(Errors(options));
    }

    [Fact]
    public void Validate_InvalidRegex_ErrorNamesPatternKeyAndReason()
    {
        var options = With(new CustomRedactionPattern { Name = "broken", Pattern = "(unclosed" });

        var error = Assert.Single(Errors(options));

        Assert.StartsWith("Redaction:CustomPatterns:0:Pattern is not a valid regular expression: ", error, StringComparison.Ordinal);
        Assert.Contains("Not enough )'s", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingName_ErrorNamesNameKey()
    {
        var options = With(
            new CustomRedactionPattern { Name = "ok", Pattern = "x" },
            new CustomRedactionPattern { Name = "", Pattern = "y" });

        Assert.Equal(["Redaction:CustomPatterns:1:Name is required."], Errors(options));
    }

    [Fact]
    public void Validate_NameWithBadCharacters_ErrorSaysWhatIsAllowed()
    {
        var options = With(
            new CustomRedactionPattern { Name = "ok", Pattern = "x" },
            new CustomRedactionPattern { Name = "X Y", Pattern = "y" });

        Assert.Equal(["Redaction:CustomPatterns:1:Name must match [a-z0-9_]+, was 'X Y'."], Errors(options));
    }

    [Fact]
    public void Validate_DuplicateName_ErrorNamesSecondKey()
    {
        var options = With(
            new CustomRedactionPattern { Name = "secret", Pattern = "x" },
            new CustomRedactionPattern { Name = "secret", Pattern = "y" });

        Assert.Equal(["Redaction:CustomPatterns:1:Name 'secret' is used by more than one custom pattern."], Errors(options));
    }

    [Fact]
    public void Validate_BuiltInName_IsReserved()
    {
        var options = With(new CustomRedactionPattern { Name = "email", Pattern = "x" });

        Assert.Equal(
            ["Redaction:CustomPatterns:0:Name 'email' is reserved for a built-in detector (email, card, iban, ssn, ip, phone, redaction_failed)."],
            Errors(options));
    }

    [Fact]
    public void Validate_MissingPattern_ErrorNamesPatternKey()
    {
        var options = With(new CustomRedactionPattern { Name = "empty", Pattern = "" });

        Assert.Equal(["Redaction:CustomPatterns:0:Pattern is required."], Errors(options));
    }

    [Fact]
    public void Validate_PatternMatchingEmptyString_IsRejected()
    {
        var options = With(new CustomRedactionPattern { Name = "star", Pattern = "x*" });

        Assert.Equal(["Redaction:CustomPatterns:0:Pattern must not match the empty string, was 'x*'."], Errors(options));
    }

    [Fact]
    public void Validate_EmptyPlaceholder_IsRejected()
    {
        var options = With(new CustomRedactionPattern { Name = "p", Pattern = "x", Placeholder = " " });

        Assert.Equal(["Redaction:CustomPatterns:0:Placeholder must not be empty; omit it to use [NAME_REDACTED]."], Errors(options));
    }

    [Theory]
    [InlineData(0, "00:00:00")]
    [InlineData(-1, "-00:00:00.0010000")]
    [InlineData(10_001, "00:00:10.0010000")]
    public void Validate_BadTimeout_ErrorNamesTimeoutKeyAndRange(int milliseconds, string shown)
    {
        var options = new RedactionOptions { CustomPatternTimeout = TimeSpan.FromMilliseconds(milliseconds) };

        Assert.Equal([$"Redaction:CustomPatternTimeout must be > 0 and <= 00:00:10 (10 s), was {shown}."], Errors(options));
    }

    [Fact]
    public void Validate_TimeoutOfExactlyTenSeconds_IsAllowed()
    {
        var options = new RedactionOptions { CustomPatternTimeout = TimeSpan.FromSeconds(10) };

        Assert.Empty(Errors(options));
    }

    [Fact]
    public void Validate_SeveralProblems_AllReported()
    {
        var options = new RedactionOptions
        {
            CustomPatternTimeout = TimeSpan.Zero,
            CustomPatterns = [new CustomRedactionPattern { Name = "", Pattern = "[" }],
        };

        var errors = Errors(options).ToList();

        Assert.Equal(3, errors.Count);
        Assert.Contains("Redaction:CustomPatternTimeout must be > 0 and <= 00:00:10 (10 s), was 00:00:00.", errors);
        Assert.Contains("Redaction:CustomPatterns:0:Name is required.", errors);
        Assert.Contains(errors, e => e.StartsWith("Redaction:CustomPatterns:0:Pattern is not a valid regular expression: ", StringComparison.Ordinal));
    }
}
