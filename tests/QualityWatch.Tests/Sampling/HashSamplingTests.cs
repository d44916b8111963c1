using QualityWatch.Sampling;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Sampling;

public sealed class HashSamplingTests : IDisposable
{
    private readonly TempDirectory replicaA = new();
    private readonly TempDirectory replicaB = new();

    public void Dispose()
    {
        replicaA.Dispose();
        replicaB.Dispose();
    }

    [Fact]
    public async Task HashMode_TwoReplicasWithoutSharedState_PickTheSameInteractions()
    {
        var settings = new Dictionary<string, string?> { ["Sampling:Mode"] = "Hash", ["Sampling:EveryN"] = "50" };
        var ids = Enumerable.Range(0, 5_000).Select(i => $"conv-{i}:turn-{i % 7}").ToArray();

        // Each replica sees the ids in a different order, as behind a load balancer.
        await using (var a = await InProcessHost.StartAsync(replicaA.DatabasePath, settings))
        {
            await a.Client.PostAsync("/v1/interactions", Some.Ndjson(ids.Take(2_500).Select(id => Some.Interaction(id))));
            await a.Client.PostAsync("/v1/interactions", Some.Ndjson(ids.Skip(2_500).Select(id => Some.Interaction(id))));
        }

        await using (var b = await InProcessHost.StartAsync(replicaB.DatabasePath, settings))
        {
            await b.Client.PostAsync("/v1/interactions", Some.Ndjson(ids.Reverse().Take(2_500).Select(id => Some.Interaction(id))));
            await b.Client.PostAsync("/v1/interactions", Some.Ndjson(ids.Reverse().Skip(2_500).Select(id => Some.Interaction(id))));
        }

        const string sql = "SELECT interaction_id FROM samples ORDER BY interaction_id";
        var fromA = Db.Query<string>(replicaA.DatabasePath, sql);
        var fromB = Db.Query<string>(replicaB.DatabasePath, sql);
        Assert.Equal(fromA, fromB);
        Assert.All(fromA, id => Assert.Equal("hash", Db.Scalar<string>(replicaA.DatabasePath, "SELECT sample_reason FROM samples WHERE interaction_id = @id", new { id })));

        // Binomial(5000, 1/50): mean 100, sd ~9.9; 60..140 is four standard deviations.
        Assert.InRange(fromA.Count, 60, 140);
    }

    [Fact]
    public void HashFallsInOneIn_MatchesTheDocumentedSha256Rule()
    {
        // Pinned from an independent implementation of the README's rule (first 8 bytes of
        // SHA-256 over UTF-8, big-endian, mod N): a changed hash would silently re-shuffle
        // which samples replicas pick, and mixed versions would disagree.
        var picked = Enumerable.Range(0, 1_000).Where(i => Sampler.HashFallsInOneIn($"id-{i}", 10)).ToArray();

        Assert.Equal(103, picked.Length);
        Assert.Equal([17, 38, 57, 63, 70, 88, 96, 98], picked[..8]);
        Assert.True(Enumerable.Range(0, 100).All(i => Sampler.HashFallsInOneIn($"id-{i}", 1)));
    }
}
