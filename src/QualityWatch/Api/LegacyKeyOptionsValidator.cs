using Microsoft.Extensions.Options;

namespace QualityWatch.Api;

/// <summary>Each <c>Ingest:ApiKeys</c> key long enough; duplicates and the loopback rule are <see cref="AuthOptionsValidator"/>'s.</summary>
internal sealed class LegacyKeyOptionsValidator : IValidateOptions<LegacyKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, LegacyKeyOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.ApiKeys[i]) || options.ApiKeys[i].Length < 16)
            {
                // The key itself is never echoed: it is a secret even when it is a bad one.
                errors.Add($"Ingest:ApiKeys:{i} must be at least 16 characters.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
