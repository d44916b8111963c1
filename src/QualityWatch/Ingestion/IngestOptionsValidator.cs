using Microsoft.Extensions.Options;

namespace QualityWatch.Ingestion;

/// <summary>Range checks; the keys are <see cref="Api.LegacyKeyOptionsValidator"/>'s and <see cref="Api.AuthOptionsValidator"/>'s.</summary>
internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var errors = new List<string>();
        Range(errors, "Ingest:MaxBodyBytes", options.MaxBodyBytes, 1024, 1L << 30);
        Range(errors, "Ingest:MaxInteractionsPerRequest", options.MaxInteractionsPerRequest, 1, 1_000_000);
        Range(errors, "Ingest:MaxFieldLength", options.MaxFieldLength, 1, 10_000_000);
        Range(errors, "Ingest:QueueCapacity", options.QueueCapacity, 1, 1_000_000);
        Range(errors, "Ingest:MaxInteractionsPerCommit", options.MaxInteractionsPerCommit, 1, 1_000_000);
        if (options.DedupWindow < TimeSpan.Zero || options.DedupWindow > TimeSpan.FromDays(30))
        {
            errors.Add($"Ingest:DedupWindow must be between 00:00:00 and 30.00:00:00, was {options.DedupWindow}.");
        }

        if (options.MaxTimestampAge < TimeSpan.FromHours(1) || options.MaxTimestampAge > TimeSpan.FromDays(3650))
        {
            errors.Add($"Ingest:MaxTimestampAge must be between 01:00:00 and 3650.00:00:00, was {options.MaxTimestampAge}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} must be between {min} and {max}, was {value}.");
        }
    }
}
