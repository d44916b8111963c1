using QualityWatch.Redaction;

namespace QualityWatch.Tests.Redaction;

public sealed class PiiTypesTests
{
    [Fact]
    public void PlaceholderFor_UpperCasesTheName()
    {
        Assert.Equal("[ORDER_SECRET_REDACTED]", PiiTypes.PlaceholderFor("order_secret"));
        Assert.Equal(PiiTypes.EmailPlaceholder, PiiTypes.PlaceholderFor(PiiTypes.Email));
        Assert.Equal(PiiTypes.IpPlaceholder, PiiTypes.PlaceholderFor(PiiTypes.Ip));
    }

    [Fact]
    public void Reserved_HoldsEveryBuiltInTypeKey()
    {
        Assert.Equal(
            ["card", "email", "iban", "ip", "phone", "redaction_failed", "ssn"],
            PiiTypes.Reserved.Order(StringComparer.Ordinal));
    }
}
