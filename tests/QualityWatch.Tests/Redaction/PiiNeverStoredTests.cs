using System.Text;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Redaction;

/// <summary>Raw PII sent to ingest must not be anywhere in the SQLite files or the service's logs.</summary>
public sealed class PiiNeverStoredTests : IDisposable
{
    private static readonly string[] SeededPii =
    [
        "jane.doe@example.com",
        "+44 20 7946 0958",
        "(415) 555-2671",
        "4111 1111 1111 1111",
        "5500-0000-0000-0004",
        "123-45-6789",
        "GB82 WEST 1234 5698 7654 32",
        "DE89370400440532013000",
        "192.168.10.23",
        "2001:db8::8a2e:370:7334",
        "SECRET-424242",
    ];

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Ingest_SeededPii_NeverReachesTheDatabaseFilesOrTheLogs()
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = temp.DatabasePath,
            ["Sampling__EveryN"] = "1",
            ["Redaction__CustomPatterns__0__Name"] = "order_secret",
            ["Redaction__CustomPatterns__0__Pattern"] = "SECRET-[0-9]{6}",
            // The most verbose logging there is: even then no raw text may appear.
            ["Logging__LogLevel__Default"] = "Trace",
        };
        var ids = new List<string>();
        string output;
        await using (var service = await ServiceProcess.StartAsync(environment, temp.Path))
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            var batch = Some.Batch(SeededPii.Length, i => Some.Interaction(
                prompt: $"Hi, I am reachable at {SeededPii[i]} today.",
                response: $"Thanks, we noted {SeededPii[i]}.",
                context: $"CRM record: {SeededPii[i]}; tier gold.",
                labels: new Dictionary<string, string> { ["customer"] = SeededPii[i] }));
            ids.AddRange(batch.Select(n => n!["id"]!.GetValue<string>()));

            var response = await client.PostAsync("/v1/interactions", Some.Json(batch));

            Assert.Equal(SeededPii.Length, (await response.ReadJsonAsync()).GetProperty("sampled").GetInt32());
            output = service.Output;
        }

        var files = Directory.GetFiles(Path.GetDirectoryName(temp.DatabasePath)!);
        Assert.Contains(files, f => f.EndsWith("qualitywatch.db", StringComparison.Ordinal));
        var bytes = files.Select(File.ReadAllBytes).ToArray();
        Assert.All(SeededPii, pii =>
        {
            var needle = Encoding.UTF8.GetBytes(pii);
            Assert.DoesNotContain(bytes, b => b.AsSpan().IndexOf(needle) >= 0);
            Assert.DoesNotContain(pii, output, StringComparison.Ordinal);
        });

        // And the samples are there, with typed placeholders and counts instead.
        var stored = Db.Query<(string Prompt, string Redactions)>(temp.DatabasePath, "SELECT prompt, redactions FROM samples ORDER BY interaction_id");
        Assert.Equal(SeededPii.Length, stored.Count);
        Assert.All(stored, s => Assert.Matches(@"\[[A-Z_]+_REDACTED\]", s.Prompt));
        Assert.Contains(stored, s => s.Prompt.Contains("[EMAIL_REDACTED]", StringComparison.Ordinal) && s.Redactions.Contains("\"email\":4", StringComparison.Ordinal));
    }
}
