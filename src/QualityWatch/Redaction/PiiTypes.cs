namespace QualityWatch.Redaction;

/// <summary>
/// Type keys (as they appear in <see cref="RedactionCounts"/> and the stored <c>redactions</c> JSON)
/// and the placeholders that replace each kind of PII.
/// </summary>
internal static class PiiTypes
{
    public const string Email = "email";
    public const string Card = "card";
    public const string Iban = "iban";
    public const string Ssn = "ssn";
    public const string Ip = "ip";
    public const string Phone = "phone";

    /// <summary>Counted when a whole text was replaced because redaction could not finish in time.</summary>
    public const string RedactionFailed = "redaction_failed";

    public const string EmailPlaceholder = "[EMAIL_REDACTED]";
    public const string CardPlaceholder = "[CARD_REDACTED]";
    public const string IbanPlaceholder = "[IBAN_REDACTED]";
    public const string SsnPlaceholder = "[SSN_REDACTED]";
    public const string IpPlaceholder = "[IP_REDACTED]";
    public const string PhonePlaceholder = "[PHONE_REDACTED]";
    public const string RedactionFailedPlaceholder = "[REDACTION_FAILED]";

    /// <summary>
    /// Keys a custom pattern may not use: sharing one would merge its count with a built-in
    /// detector's and make the stored counts ambiguous.
    /// </summary>
    public static IReadOnlyList<string> Reserved { get; } = [Email, Card, Iban, Ssn, Ip, Phone, RedactionFailed];

    /// <summary>The default placeholder for a type key: <c>order_secret</c> → <c>[ORDER_SECRET_REDACTED]</c>.</summary>
    public static string PlaceholderFor(string type)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        return $"[{type.ToUpperInvariant()}_REDACTED]";
    }
}
