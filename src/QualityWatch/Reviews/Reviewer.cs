using System.Security.Claims;
using QualityWatch.Redaction;

namespace QualityWatch.Reviews;

/// <summary>
/// Who is labelling: the authenticated name (an API key's <c>Name</c>, or the user a trusted proxy names).
/// A proxy user is often an e-mail address, so the name is stored identifier-redacted: a name with PII
/// becomes its redacted text and a keyed hash, still one distinct reviewer per person.
/// </summary>
internal sealed class Reviewer(IdentifierRedactor identifiers)
{
    /// <summary>The name a label is stored under; <c>open</c> when the API has no keys.</summary>
    public string Of(ClaimsPrincipal user) => identifiers.Redact(user.Identity?.Name is { Length: > 0 } name ? name : "anonymous");
}
