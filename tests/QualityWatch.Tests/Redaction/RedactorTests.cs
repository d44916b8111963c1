using QualityWatch.Redaction;

namespace QualityWatch.Tests.Redaction;

public sealed class RedactorTests
{
    private readonly Redactor redactor = TestRedactors.Create();

    [Theory]
    [InlineData("4111111111111111")]
    [InlineData("5500 0000 0000 0004")]
    [InlineData("3782-822463-10005")]
    public void Redact_LuhnValidCard_IsReplaced(string card)
    {
        var counts = new RedactionCounts();

        Assert.Equal("paid with [CARD_REDACTED]", redactor.Redact($"paid with {card}", counts));
        Assert.Equal(1, counts[PiiTypes.Card]);
    }

    [Theory]
    [InlineData("4111111111111112")]
    [InlineData("5500 0000 0000 0005")]
    [InlineData("3782-822463-10006")]
    public void Redact_LuhnInvalidCard_IsLeftUntouched(string notACard)
    {
        var counts = new RedactionCounts();

        var output = redactor.Redact($"paid with {notACard}, not 6011111111111117", counts);

        Assert.Equal($"paid with {notACard}, not [CARD_REDACTED]", output);
        Assert.Equal("card=1", TestRedactors.Describe(counts));
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("CH9300762011623852957")]
    [InlineData("IT60 X054 2811 1010 0000 0123 456")]
    public void Redact_Mod97ValidIban_IsReplaced(string iban)
    {
        var counts = new RedactionCounts();

        Assert.Equal("to [IBAN_REDACTED] today", redactor.Redact($"to {iban} today", counts));
        Assert.Equal(1, counts[PiiTypes.Iban]);
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 02")]
    [InlineData("CH9300762011623852958")]
    [InlineData("IT61 X054 2811 1010 0000 0123 456")]
    // Digit groups that would pass as a Luhn-valid card or a phone on their own.
    [InlineData("DE89 3704 0044 0532 0130 01")]
    [InlineData("NL12 0201 2345 6789")]
    public void Redact_Mod97InvalidIban_IsLeftUntouched(string notAnIban)
    {
        var counts = new RedactionCounts();

        var output = redactor.Redact($"to {notAnIban} or NL91ABNA0417164300", counts);

        Assert.Equal($"to {notAnIban} or [IBAN_REDACTED]", output);
        Assert.Equal("iban=1", TestRedactors.Describe(counts));
    }

    [Fact]
    public void Redact_IbanBeforeCard_CardShapedTailOfIbanIsNotHalfRedacted()
    {
        // "3704 0044 0532 0130" alone would be a 16-digit run; it must go with its IBAN.
        var counts = new RedactionCounts();

        Assert.Equal("[IBAN_REDACTED]", redactor.Redact("DE89 3704 0044 0532 0130 00", counts));
        Assert.Equal("iban=1", TestRedactors.Describe(counts));
    }

    [Fact]
    public void Redact_CardBeforePhone_CardIsNotEatenAsPhone()
    {
        var counts = new RedactionCounts();

        Assert.Equal("[CARD_REDACTED]", redactor.Redact("4111 1111 1111 1111", counts));
        Assert.Equal("card=1", TestRedactors.Describe(counts));
    }

    [Fact]
    public void Redact_MixedText_EveryKindReplacedAndCountedPerType()
    {
        const string input =
            "Hi, I'm Ana (ana.silva@example.com, +44 20 7946 0958 or 555-123-4567). " +
            "Refund card 4111 1111 1111 1111 or IBAN GB82 WEST 1234 5698 7654 32; " +
            "SSN 123-45-6789, logged in from 203.0.113.7 and 2001:db8::42. " +
            "Order ORD-2024-118822 on 2024-03-15 for $1,299.99, app v2.3.1.";
        const string expected =
            "Hi, I'm Ana ([EMAIL_REDACTED], [PHONE_REDACTED] or [PHONE_REDACTED]). " +
            "Refund card [CARD_REDACTED] or IBAN [IBAN_REDACTED]; " +
            "SSN [SSN_REDACTED], logged in from [IP_REDACTED] and [IP_REDACTED]. " +
            "Order ORD-2024-118822 on 2024-03-15 for $1,299.99, app v2.3.1.";
        var counts = new RedactionCounts();

        Assert.Equal(expected, redactor.Redact(input, counts));
        Assert.Equal("card=1;email=1;iban=1;ip=2;phone=2;ssn=1", TestRedactors.Describe(counts));
        Assert.Equal(8, counts.Total);
    }

    [Fact]
    public void Redact_SeveralCallsIntoOneCounts_CountsAccumulate()
    {
        var counts = new RedactionCounts();

        var prompt = redactor.Redact("I am bob@example.com, call 555-123-4567", counts);
        var response = redactor.Redact("Thanks bob@example.com, noted.", counts);
        var context = redactor.Redact("crm: bob@example.com / 4111111111111111", counts);

        Assert.Equal("I am [EMAIL_REDACTED], call [PHONE_REDACTED]", prompt);
        Assert.Equal("Thanks [EMAIL_REDACTED], noted.", response);
        Assert.Equal("crm: [EMAIL_REDACTED] / [CARD_REDACTED]", context);
        Assert.Equal(3, counts[PiiTypes.Email]);
        Assert.Equal(1, counts[PiiTypes.Phone]);
        Assert.Equal(1, counts[PiiTypes.Card]);
        Assert.Equal(5, counts.Total);
    }

    [Fact]
    public void Redact_CustomPattern_ReplacedWithDefaultPlaceholderAndCountedUnderItsName()
    {
        var custom = TestRedactors.Create(new CustomRedactionPattern { Name = "order_secret", Pattern = @"\bSECRET-[0-9]{4}\b" });
        var counts = new RedactionCounts();

        var output = custom.Redact("codes SECRET-1234 and SECRET-9876 for jo@example.com", counts);

        Assert.Equal("codes [ORDER_SECRET_REDACTED] and [ORDER_SECRET_REDACTED] for [EMAIL_REDACTED]", output);
        Assert.Equal("email=1;order_secret=2", TestRedactors.Describe(counts));
    }

    [Fact]
    public void Redact_CustomPatternWithPlaceholder_UsesItLiterally()
    {
        var custom = TestRedactors.Create(new CustomRedactionPattern { Name = "employee_id", Pattern = "EMP[0-9]{5}", Placeholder = "<$0 hidden>" });
        var counts = new RedactionCounts();

        Assert.Equal("badge <$0 hidden>", custom.Redact("badge EMP12345", counts));
        Assert.Equal(1, counts["employee_id"]);
    }

    [Fact]
    public void Redact_CustomPatternsRunInConfiguredOrderAfterBuiltIns()
    {
        // The built-in email goes first, so a custom pattern sees the placeholder, not the address.
        var custom = TestRedactors.Create(
            new CustomRedactionPattern { Name = "first", Pattern = "alpha" },
            new CustomRedactionPattern { Name = "second", Pattern = @"\[FIRST_REDACTED\]|example" });
        var counts = new RedactionCounts();

        Assert.Equal("[SECOND_REDACTED] [EMAIL_REDACTED]", custom.Redact("alpha x@example.com", counts));
        Assert.Equal("email=1;first=1;second=1", TestRedactors.Describe(counts));
    }

    [Fact]
    public void Redact_CustomPatternTimesOut_WholeTextBecomesRedactionFailed()
    {
        var slow = TestRedactors.Create(
            TimeSpan.FromMilliseconds(1),
            new CustomRedactionPattern { Name = "catastrophic", Pattern = "(a+)+$" });
        var counts = new RedactionCounts();
        var input = "mail me at bob@example.com " + new string('a', 5000) + "!";

        var output = slow.Redact(input, counts);

        Assert.Equal(PiiTypes.RedactionFailedPlaceholder, output);
        Assert.Equal("[REDACTION_FAILED]", output);
        // Nothing of the failed text is counted as found: only the failure is.
        Assert.Equal("redaction_failed=1", TestRedactors.Describe(counts));
    }

    [Fact]
    public void Redact_TimeoutOnOneText_EarlierCountsInSameObjectAreKept()
    {
        var slow = TestRedactors.Create(
            TimeSpan.FromMilliseconds(1),
            new CustomRedactionPattern { Name = "catastrophic", Pattern = "(a+)+$" });
        var counts = new RedactionCounts();

        Assert.Equal("[EMAIL_REDACTED]", slow.Redact("x@example.com", counts));
        Assert.Equal("[REDACTION_FAILED]", slow.Redact(new string('a', 5000) + "!", counts));
        Assert.Equal("email=1;redaction_failed=1", TestRedactors.Describe(counts));
    }

    [Fact]
    public void Redact_PiiNextToPlaceholderOfAnotherType_IsStillFound()
    {
        var counts = new RedactionCounts();

        Assert.Equal(
            "[EMAIL_REDACTED],[PHONE_REDACTED],[IP_REDACTED]",
            redactor.Redact("a@b.co,+14155552671,192.168.0.1", counts));
        Assert.Equal("email=1;ip=1;phone=1", TestRedactors.Describe(counts));
    }

    [Fact]
    public void Redact_LargeInput_IsScannedInTimeAndPiiAtTheEndIsFound()
    {
        // Guards the linear-scan design of the built-in patterns: a quadratic scan of this input (~130 kB,
        // ~10^10 steps) would blow the built-in timeout many times over and turn it into [REDACTION_FAILED],
        // while a linear one stays far under it even in a Debug build on a loaded 2-core machine.
        var noise = string.Concat(Enumerable.Repeat("1 2 3 4 5 6 7 8 9 0 ", 4_000))
            + new string('x', 20_000) + string.Concat(Enumerable.Repeat("a.b.", 4_000))
            + string.Concat(Enumerable.Repeat("AB12 CDEF ", 1_000)) + string.Concat(Enumerable.Repeat("::", 4_000));
        var counts = new RedactionCounts();

        var output = redactor.Redact(noise + " bob@example.com 4111 1111 1111 1111", counts);

        Assert.Equal(noise + " [EMAIL_REDACTED] [CARD_REDACTED]", output);
        Assert.Equal("card=1;email=1", TestRedactors.Describe(counts));
    }

    [Fact]
    public void Redact_IsThreadSafe()
    {
        var results = new string[64];

        Parallel.For(0, results.Length, i =>
            results[i] = redactor.Redact($"user{i}@example.com paid 4111 1111 1111 1111 from 10.0.0.{i}", new RedactionCounts()));

        Assert.All(results, r => Assert.Equal("[EMAIL_REDACTED] paid [CARD_REDACTED] from [IP_REDACTED]", r));
    }

    [Fact]
    public void Redact_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => redactor.Redact(null!, new RedactionCounts()));
        Assert.Throws<ArgumentNullException>(() => redactor.Redact("x", null!));
    }
}
