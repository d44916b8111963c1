using QualityWatch.Redaction;

namespace QualityWatch.Tests.Redaction;

/// <summary>
/// The digit detectors skip their regexes for a text too short in digits (or, for IBANs, without a capital) to hold
/// anything they replace: identifiers are scanned on every interaction. The shortcut must cost nothing on such a text
/// and must never skip the shortest number a detector does replace.
/// </summary>
public sealed class DetectorShortcutTests
{
    private readonly Redactor redactor = TestRedactors.Create();

    [Theory]
    [InlineData("ord-12-3456")]
    [InlineData("a1b2c3d4-7-12")]
    [InlineData("conversation 2026-11")]
    public void Detectors_IdentifierWithTooFewDigitsForAnyNumber_AllocateNothing(string id)
    {
        var counts = new RedactionCounts();
        string RunAll() => IbanDetector.Redact(CardDetector.Redact(SsnDetector.Redact(PhoneDetector.Redact(id, counts), counts), counts), counts);

        // The first call pays for JIT and the regexes' construction.
        Assert.Same(id, RunAll());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = RunAll();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(id, result);
        Assert.Equal(0, allocated);
        Assert.Equal(0, counts.Total);
    }

    [Theory]
    [InlineData("card 4222222222222 ok", "card [CARD_REDACTED] ok", PiiTypes.Card)]
    [InlineData("ssn 123-45-6789 ok", "ssn [SSN_REDACTED] ok", PiiTypes.Ssn)]
    [InlineData("call +4420794 now", "call [PHONE_REDACTED] now", PiiTypes.Phone)]
    [InlineData("call (555) 123-4567 now", "call [PHONE_REDACTED] now", PiiTypes.Phone)]
    [InlineData("call 06 1234 567 now", "call [PHONE_REDACTED] now", PiiTypes.Phone)]
    [InlineData("iban CH9300762011623852957 ok", "iban [IBAN_REDACTED] ok", PiiTypes.Iban)]
    public void Redact_ShortestNumberOfEachShape_IsStillReplaced(string text, string expected, string type)
    {
        var counts = new RedactionCounts();

        Assert.Equal(expected, redactor.Redact(text, counts));
        Assert.Equal(1, counts[type]);
    }

    [Theory]
    [InlineData("call +442079 now")]
    [InlineData("call (555) 123-456 now")]
    [InlineData("call 06 1234 56 now")]
    [InlineData("card 422222222222 ok")]
    public void Redact_OneDigitShortOfAShape_IsLeftAsItIs(string text)
    {
        var counts = new RedactionCounts();

        Assert.Equal(text, redactor.Redact(text, counts));
        Assert.Equal(0, counts.Total);
    }

    [Theory]
    [InlineData("", 1, false)]
    [InlineData("abc", 0, true)]
    [InlineData("a1b2c3", 3, true)]
    [InlineData("a1b2c3", 4, false)]
    [InlineData("1234567", 7, true)]
    public void AtLeast_CountsAsciiDigits(string text, int minimum, bool expected) =>
        Assert.Equal(expected, DigitCount.AtLeast(text, minimum));
}
