using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityWatch.Ingestion;
using QualityWatch.Redaction;
using QualityWatch.Storage;
using QualityWatch.Tests.Redaction;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Ingestion;

/// <summary>Repeated identifier values skip the detectors once known clean; a value with PII is redacted every time and never remembered.</summary>
public sealed class CleanIdentifiersTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private CleanIdentifiers Create() => new(new IdentifierRedactor(
        TestRedactors.Create(),
        new IdentifierKey(
            Options.Create(new RedactionOptions { IdKey = "clean-identifiers-test-key-0123456789" }),
            new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = temp.DatabasePath })),
            NullLogger<IdentifierKey>.Instance)));

    [Fact]
    public void RedactRepeated_ValueWithPii_IsRedactedEveryTime_AndNeverKept()
    {
        var identifiers = Create();
        const string pii = "prompt-v2 jane.doe@example.com";

        var first = identifiers.RedactRepeated(pii);
        var second = identifiers.RedactRepeated(pii);

        Assert.StartsWith("prompt-v2 [EMAIL_REDACTED]~", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.Equal(0, identifiers.Count);
    }

    [Fact]
    public void RedactRepeated_CleanValue_IsKeptAsSent_AndRemembered_UpToTheCapacity()
    {
        var identifiers = Create();

        Assert.Same("gpt-4o-mini", identifiers.RedactRepeated("gpt-4o-mini"));
        Assert.Same("gpt-4o-mini", identifiers.RedactRepeated("gpt-4o-mini"));
        Assert.Equal(1, identifiers.Count);

        for (var i = 0; i < CleanIdentifiers.Capacity * 2; i++)
        {
            identifiers.RedactRepeated("version-" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(CleanIdentifiers.Capacity, identifiers.Count);
    }

    [Fact]
    public void Redact_PerInteractionValue_IsNeverRemembered()
    {
        var identifiers = Create();

        Assert.Same("order-42", identifiers.Redact("order-42"));

        Assert.Equal(0, identifiers.Count);
    }

    [Fact]
    public async Task Ingest_RepeatedModelAndVersionWithPii_AreStoredRedactedInEveryRequest_AndCleanOnesAsSent()
    {
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Sampling:EveryN"] = "1" });
        for (var round = 0; round < 3; round++)
        {
            var body = Some.Batch(2, i => Some.Interaction(
                model: i == 0 ? "gpt-4o-mini" : "model of jane.doe@example.com",
                promptVersion: i == 0 ? "v1" : "v1 call +44 20 7946 0958"));
            var response = await host.Client.PostAsync("/v1/interactions", Some.Json(body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var stored = Db.Query<(string Model, string PromptVersion)>(temp.DatabasePath, "SELECT model AS Model, prompt_version AS PromptVersion FROM samples");
        Assert.Equal(6, stored.Count);
        Assert.Equal(3, stored.Count(s => s is ("gpt-4o-mini", "v1")));
        Assert.Equal(3, stored.Count(s => s.Model.StartsWith("model of [EMAIL_REDACTED]~", StringComparison.Ordinal) &&
                                          s.PromptVersion.StartsWith("v1 call [PHONE_REDACTED]~", StringComparison.Ordinal)));
        Assert.DoesNotContain(stored, s => s.Model.Contains("jane", StringComparison.Ordinal) || s.PromptVersion.Contains("7946", StringComparison.Ordinal));
    }
}
