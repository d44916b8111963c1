using System.Text;
using System.Text.Json.Nodes;
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

    [Fact]
    public async Task Ingest_SeededPiiInIdentifierFields_NeverReachesTheDatabaseItsWalTheLogsOrTheApi()
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = temp.DatabasePath,
            ["Sampling__EveryN"] = "1",
            ["Redaction__CustomPatterns__0__Name"] = "order_secret",
            ["Redaction__CustomPatterns__0__Pattern"] = "SECRET-[0-9]{6}",
            ["Logging__LogLevel__Default"] = "Trace",
        };
        var batch = Some.Batch(SeededPii.Length, i =>
        {
            var item = Some.Interaction(
                id: $"ticket {SeededPii[i]} x{i}",
                promptVersion: $"pv {SeededPii[i]}",
                model: $"model {SeededPii[i]}",
                labels: new Dictionary<string, string> { [$"key {SeededPii[i]}"] = "gold" });
            item["conversation_id"] = $"conv {SeededPii[i]}";
            return item;
        });
        string output;
        List<byte[]> whileRunning;
        var answers = new StringBuilder();
        await using (var service = await ServiceProcess.StartAsync(environment, temp.Path))
        {
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            var first = await (await client.PostAsync("/v1/interactions", Some.Json(batch))).ReadJsonAsync();
            Assert.Equal(SeededPii.Length, first.GetProperty("sampled").GetInt32());

            // The same raw ids again: still the same stored ids, so all duplicates.
            var again = await (await client.PostAsync("/v1/interactions", Some.Json(JsonNode.Parse(batch.ToJsonString())!))).ReadJsonAsync();
            Assert.Equal(SeededPii.Length, again.GetProperty("duplicates").GetInt32());
            Assert.Equal(0, again.GetProperty("accepted").GetInt32());

            // Read while the service runs, so the WAL (folded away at a clean stop) is scanned too.
            whileRunning = [.. DatabaseFiles().Select(File.ReadAllBytes)];
            Assert.Contains(DatabaseFiles(), f => f.EndsWith("-wal", StringComparison.Ordinal));

            var list = await client.GetStringAsync("/v1/samples?limit=100");
            answers.Append(list).Append(await client.GetStringAsync("/v1/versions"));
            foreach (var id in Db.Query<string>(temp.DatabasePath, "SELECT interaction_id FROM samples"))
            {
                answers.Append(await client.GetStringAsync($"/v1/samples/{Uri.EscapeDataString(id)}"));
            }

            output = service.Output;
        }

        var bytes = whileRunning.Concat(DatabaseFiles().Select(File.ReadAllBytes)).ToArray();
        var api = answers.ToString();
        Assert.All(SeededPii, pii =>
        {
            var needle = Encoding.UTF8.GetBytes(pii);
            Assert.DoesNotContain(bytes, b => b.AsSpan().IndexOf(needle) >= 0);
            Assert.DoesNotContain(pii, output, StringComparison.Ordinal);
            Assert.DoesNotContain(pii, api, StringComparison.Ordinal);
        });

        // Every identifier is there, redacted: typed placeholders, and distinct through the keyed hash.
        var stored = Db.Query<(string Id, string Conversation, string Model, string Version, string Labels)>(
            temp.DatabasePath, "SELECT interaction_id, conversation_id, model, prompt_version, labels FROM samples");
        Assert.Equal(SeededPii.Length, stored.Count);
        Assert.All(stored, s => Assert.Matches(@"^ticket .*\[[A-Z_]+_REDACTED\].*~[a-p]{16}$", s.Id));
        Assert.Equal(SeededPii.Length, stored.Select(s => s.Model).Distinct().Count());
        Assert.Equal(SeededPii.Length, stored.Select(s => s.Version).Distinct().Count());
        Assert.Equal(SeededPii.Length, stored.Select(s => s.Conversation).Distinct().Count());
        Assert.All(stored, s => Assert.Contains("_REDACTED]", s.Labels, StringComparison.Ordinal));
        Assert.Equal(SeededPii.Length, Db.Scalar<long>(temp.DatabasePath, "SELECT COUNT(*) FROM sampling_versions WHERE dimension = 'prompt_version'"));
    }

    private string[] DatabaseFiles() => Directory.GetFiles(Path.GetDirectoryName(temp.DatabasePath)!);
}
