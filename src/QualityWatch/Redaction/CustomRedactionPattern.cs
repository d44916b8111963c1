namespace QualityWatch.Redaction;

/// <summary>One operator-supplied pattern, applied after the built-in detectors.</summary>
internal sealed class CustomRedactionPattern
{
    /// <summary>
    /// Required. Type key under which matches are counted, e.g. <c>order_secret</c>;
    /// lower-case letters, digits and '_' only, unique, and not a built-in key such as <c>email</c>.
    /// </summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Required. A .NET regular expression; every non-empty match is replaced.</summary>
    public string Pattern { get; set; } = string.Empty;

    /// <summary>
    /// Literal replacement text (no <c>$1</c> substitutions). Optional; default
    /// <c>[{Name upper-cased}_REDACTED]</c>, e.g. <c>[ORDER_SECRET_REDACTED]</c>.
    /// </summary>
    public string? Placeholder { get; set; }
}
