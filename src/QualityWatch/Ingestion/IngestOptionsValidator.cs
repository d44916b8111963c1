using Microsoft.Extensions.Options;
using QualityWatch.Hosting;

namespace QualityWatch.Ingestion;

/// <summary>Range checks; the keys are <see cref="Api.LegacyKeyOptionsValidator"/>'s and <see cref="Api.AuthOptionsValidator"/>'s.</summary>
internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var errors = new List<string>();
        OptionRange.Check(errors, "Ingest:MaxBodyBytes", options.MaxBodyBytes, 1024, 1L << 30);
        OptionRange.Check(errors, "Ingest:MaxInteractionsPerRequest", options.MaxInteractionsPerRequest, 1, 1_000_000);
        OptionRange.Check(errors, "Ingest:MaxFieldLength", options.MaxFieldLength, 1, 10_000_000);
        OptionRange.Check(errors, "Ingest:QueueCapacity", options.QueueCapacity, 1, 1_000_000);
        OptionRange.Check(errors, "Ingest:MaxInteractionsPerCommit", options.MaxInteractionsPerCommit, 1, 1_000_000);
        OptionRange.Check(errors, "Ingest:DedupWindow", options.DedupWindow, TimeSpan.Zero, TimeSpan.FromDays(30));
        OptionRange.Check(errors, "Ingest:MaxTimestampAge", options.MaxTimestampAge, TimeSpan.FromHours(1), TimeSpan.FromDays(3650));

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
