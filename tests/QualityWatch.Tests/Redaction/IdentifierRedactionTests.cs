using System.Net;
using QualityWatch.Redaction;
using QualityWatch.Sampling;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Redaction;

/// <summary>Identifiers carrying PII are stored redacted, yet stay idempotency keys and can be looked up as sent.</summary>
public sealed class IdentifierRedactionTests : IDisposable
{
    private const string PiiId = "ticket jane.doe@example.com 7";
    private readonly TempDirectory temp = new();
    private readonly TempDirectory other = new();

    public void Dispose()
    {
        temp.Dispose();
        other.Dispose();
    }

    private static Dictionary<string, string?> EveryOne(string? idKey = null) => new()
    {
        ["Sampling:EveryN"] = "1",
        ["Redaction:IdKey"] = idKey,
    };

    private static async Task<System.Text.Json.JsonElement> PostAsync(InProcessHost host, params string[] ids)
    {
        var response = await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Batch(ids.Length, i => Some.Interaction(id: ids[i]))));
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    private static List<string> StoredIds(string databasePath) => Db.Query<string>(databasePath, "SELECT interaction_id FROM samples ORDER BY interaction_id");

    [Fact]
    public async Task SampleLookup_BySentOrStoredId_FindsTheSample_AndAnIdWithoutPiiIsKeptAsSent()
    {
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, EveryOne());
        await PostAsync(host, PiiId, "order-2026-0042");

        var stored = StoredIds(temp.DatabasePath);
        Assert.Contains("order-2026-0042", stored);
        var redacted = Assert.Single(stored, id => id != "order-2026-0042");
        Assert.Matches(@"^ticket \[EMAIL_REDACTED\] 7~[a-p]{16}$", redacted);

        foreach (var id in new[] { PiiId, redacted })
        {
            var response = await host.Client.GetAsync($"/v1/samples/{Uri.EscapeDataString(id)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(redacted, (await response.ReadJsonAsync()).GetProperty("interaction_id").GetString());
        }

        var plain = await host.Client.GetAsync("/v1/samples/order-2026-0042");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync($"/v1/samples/{Uri.EscapeDataString("ticket john@example.com 7")}")).StatusCode);
    }

    [Fact]
    public async Task SamePiiId_IsADuplicateAcrossARestart_WithTheGeneratedKeyFileKeptPrivate()
    {
        await using (var host = await InProcessHost.StartAsync(temp.DatabasePath, EveryOne()))
        {
            var first = await PostAsync(host, PiiId, "ticket john.roe@example.com 7");
            Assert.Equal(2, first.GetProperty("accepted").GetInt32());
        }

        var keyFile = temp.DatabasePath + IdentifierKey.FileSuffix;
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        await using (var host = await InProcessHost.StartAsync(temp.DatabasePath, EveryOne()))
        {
            var again = await PostAsync(host, PiiId);
            Assert.Equal(1, again.GetProperty("duplicates").GetInt32());
            Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        }

        // Two ids that differ only in their PII stay two samples.
        Assert.Equal(2, StoredIds(temp.DatabasePath).Count);
    }

    [Fact]
    public async Task DamagedKeyFile_StopsTheStart_NamingTheFile()
    {
        var keyFile = temp.DatabasePath + IdentifierKey.FileSuffix;
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        await File.WriteAllTextAsync(keyFile, "not a key");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => InProcessHost.StartAsync(temp.DatabasePath, EveryOne()));

        Assert.Contains(keyFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredIdKey_GivesTwoDatabasesTheSameStoredId_AndWritesNoKeyFile()
    {
        var key = new string('k', 40);
        await using (var host = await InProcessHost.StartAsync(temp.DatabasePath, EveryOne(key)))
        {
            await PostAsync(host, PiiId);
        }

        await using (var host = await InProcessHost.StartAsync(other.DatabasePath, EveryOne(key)))
        {
            await PostAsync(host, PiiId);
        }

        Assert.Equal(StoredIds(temp.DatabasePath), StoredIds(other.DatabasePath));
        Assert.False(File.Exists(temp.DatabasePath + IdentifierKey.FileSuffix));
    }

    [Fact]
    public async Task HashMode_ReplicasWithDifferentKeys_PickTheSameInteractions_ByTheIdAsSent()
    {
        var settings = new Dictionary<string, string?> { ["Sampling:Mode"] = "Hash", ["Sampling:EveryN"] = "10" };
        var ids = Enumerable.Range(0, 1_000).Select(i => $"conv-{i} user{i}@example.com").ToArray();
        foreach (var replica in new[] { temp, other })
        {
            await using var host = await InProcessHost.StartAsync(replica.DatabasePath, settings);
            (await host.Client.PostAsync("/v1/interactions", Some.Ndjson(ids.Select(id => Some.Interaction(id))))).EnsureSuccessStatusCode();
        }

        static List<string> Picked(string databasePath) => [.. StoredIds(databasePath).Select(id => id[..id.IndexOf(' ', StringComparison.Ordinal)]).Order(StringComparer.Ordinal)];
        var expected = ids.Where(id => Sampler.HashFallsInOneIn(id, 10)).Select(id => id[..id.IndexOf(' ', StringComparison.Ordinal)]).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Picked(temp.DatabasePath));
        Assert.Equal(expected, Picked(other.DatabasePath));

        // Each replica generated its own key, so the stored ids differ, but never hold the email.
        Assert.NotEqual(StoredIds(temp.DatabasePath), StoredIds(other.DatabasePath));
        Assert.All(StoredIds(temp.DatabasePath), id => Assert.DoesNotContain("@example.com", id, StringComparison.Ordinal));
    }
}
