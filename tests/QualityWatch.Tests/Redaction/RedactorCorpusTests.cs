using QualityWatch.Redaction;

namespace QualityWatch.Tests.Redaction;

public sealed class RedactorCorpusTests
{
    private readonly Redactor redactor = TestRedactors.Create();

    [Theory]
    [MemberData(nameof(RedactionCorpus.TruePositives), MemberType = typeof(RedactionCorpus))]
    public void Redact_TruePositive_IsReplacedAndCounted(string input, string expected, string expectedCounts)
    {
        var counts = new RedactionCounts();

        var output = redactor.Redact(input, counts);

        Assert.Equal(expected, output);
        Assert.Equal(expectedCounts, TestRedactors.Describe(counts));
    }

    [Theory]
    [MemberData(nameof(RedactionCorpus.MustSurvive), MemberType = typeof(RedactionCorpus))]
    public void Redact_NoPii_TextSurvivesUntouched(string input)
    {
        var alone = new RedactionCounts();
        var withPii = new RedactionCounts();

        var output = redactor.Redact(input, alone);
        // The same text next to real PII: proves the redactor is active on this input, and that
        // the text still survives when something else in the same string is replaced.
        var outputWithPii = redactor.Redact(input + " / mail bob@example.com", withPii);

        Assert.Equal(input, output);
        Assert.Equal(0, alone.Total);
        Assert.Equal(input + " / mail [EMAIL_REDACTED]", outputWithPii);
        Assert.Equal("email=1", TestRedactors.Describe(withPii));
    }
}
