using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace QualityWatch.Redaction;

internal sealed partial class RedactionOptionsValidator : IValidateOptions<RedactionOptions>
{
    public ValidateOptionsResult Validate(string? name, RedactionOptions options)
    {
        var errors = new List<string>();
        var timeout = options.CustomPatternTimeout;
        var timeoutIsValid = timeout > TimeSpan.Zero && timeout <= RedactionOptions.MaxCustomPatternTimeout;
        if (!timeoutIsValid)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{RedactionOptions.SectionName}:CustomPatternTimeout must be > 0 and <= 00:00:10 (10 s), was {timeout}."));
        }

        // A short key would let anyone holding the database confirm a guessed email by hashing it.
        if (options.IdKey is { } idKey && idKey.Length is > 0 and < RedactionOptions.MinIdKeyLength)
        {
            errors.Add($"{RedactionOptions.SectionName}:IdKey must be at least {RedactionOptions.MinIdKeyLength} characters, was {idKey.Length}; omit it to use a generated key file.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.CustomPatterns.Count; i++)
        {
            var pattern = options.CustomPatterns[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"{RedactionOptions.SectionName}:CustomPatterns:{i}");
            CheckName(errors, key, pattern.Name, names);
            // Compiling needs a valid timeout; a bad one is already reported above.
            CheckPattern(errors, key, pattern.Pattern, timeoutIsValid ? timeout : RedactionOptions.MaxCustomPatternTimeout);
            if (pattern.Placeholder is not null && string.IsNullOrWhiteSpace(pattern.Placeholder))
            {
                // An empty placeholder would delete matches invisibly; omitting it gives the default.
                errors.Add($"{key}:Placeholder must not be empty; omit it to use [NAME_REDACTED].");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckName(List<string> errors, string key, string? name, HashSet<string> seen)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{key}:Name is required.");
        }
        else if (!NameShape().IsMatch(name))
        {
            errors.Add($"{key}:Name must match [a-z0-9_]+, was '{name}'.");
        }
        else if (PiiTypes.Reserved.Contains(name))
        {
            errors.Add($"{key}:Name '{name}' is reserved for a built-in detector ({string.Join(", ", PiiTypes.Reserved)}).");
        }
        else if (!seen.Add(name))
        {
            errors.Add($"{key}:Name '{name}' is used by more than one custom pattern.");
        }
    }

    private static void CheckPattern(List<string> errors, string key, string? pattern, TimeSpan timeout)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            errors.Add($"{key}:Pattern is required.");
            return;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, Redactor.CustomPatternOptions, timeout);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{key}:Pattern is not a valid regular expression: {ex.Message}");
            return;
        }

        try
        {
            // A pattern such as "x*" matches the empty string and would find "PII" everywhere.
            if (regex.IsMatch(string.Empty))
            {
                errors.Add($"{key}:Pattern must not match the empty string, was '{pattern}'.");
            }
        }
        catch (RegexMatchTimeoutException)
        {
            errors.Add($"{key}:Pattern timed out on the empty string; it cannot be used, was '{pattern}'.");
        }
    }

    [GeneratedRegex("^[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
