using System.Text.Json;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Reviews;

/// <summary><c>GET /v1/reviews/queue</c>: the stratified draw, boost-first, never a sample the reviewer labelled.</summary>
public sealed class ReviewQueueTests : IAsyncLifetime
{
    private ReviewHost host = null!;

    public async Task InitializeAsync() => host = await ReviewHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Queue_RareHallucinations_DrawsHalfJudgedYesHalfJudgedNo()
    {
        // 5 % judged hallucinated: a uniform draw of 10 would hold one or none.
        ReviewSeed.Judged(host.DatabasePath, yes: 10, no: 190);

        var samples = await QueueAsync(ReviewHost.Alice, "?limit=10");

        Assert.Equal(10, samples.Count);
        Assert.Equal(5, samples.Count(s => s.GetProperty("stratum").GetString() == "judged_yes"));
        Assert.All(samples, s => Assert.Equal(s.GetProperty("stratum").GetString() == "judged_yes", s.GetProperty("verdict").GetProperty("hallucination").GetBoolean()));
    }

    [Fact]
    public async Task Queue_TooFewJudgedYes_FillsWithJudgedNo()
    {
        ReviewSeed.Judged(host.DatabasePath, yes: 2, no: 50);

        var samples = await QueueAsync(ReviewHost.Alice, "?limit=10");

        Assert.Equal(10, samples.Count);
        Assert.Equal(2, samples.Count(s => s.GetProperty("stratum").GetString() == "judged_yes"));
    }

    [Fact]
    public async Task Queue_OneAtATime_AlternatesStrataAsLabelsArrive()
    {
        ReviewSeed.Judged(host.DatabasePath, yes: 10, no: 100);
        var strata = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var next = Assert.Single(await QueueAsync(ReviewHost.Alice, "?limit=1"));
            strata.Add(next.GetProperty("stratum").GetString()!);
            (await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(next.GetProperty("interaction_id").GetString()!, hallucination: false))).EnsureSuccessStatusCode();
        }

        Assert.Equal(3, strata.Count(s => s == "judged_yes"));
        Assert.All(strata.Zip(strata.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task Queue_NeverOffersASampleTheReviewerLabelled_ButOffersItToOthers()
    {
        var (yes, no) = ReviewSeed.Judged(host.DatabasePath, yes: 3, no: 3);
        foreach (var id in yes.Concat(no).Take(4))
        {
            (await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(id, hallucination: true))).EnsureSuccessStatusCode();
        }

        var alices = (await QueueAsync(ReviewHost.Alice, "?limit=10")).Select(Id).ToList();
        var bobs = await QueueAsync(ReviewHost.Bob, "?limit=10");

        Assert.Equal(yes.Concat(no).Skip(4).Order(), alices.Order());
        Assert.Equal(yes.Concat(no).Order(), bobs.Select(Id).Order());

        // Within a stratum Bob gets the samples nobody labelled first: a second reviewer adds new samples before overlaps.
        var bobsNo = bobs.Where(s => s.GetProperty("stratum").GetString() == "judged_no").ToList();
        Assert.Equal(no.Skip(1).Order(), bobsNo.Take(2).Select(Id).Order());
        Assert.Equal([0, 0, 1], bobsNo.Select(s => s.GetProperty("other_labels").GetInt32()));
    }

    [Fact]
    public async Task Queue_SamplesOfAVersionInItsBoostWindow_ComeFirst()
    {
        ReviewSeed.Judged(host.DatabasePath, yes: 20, no: 80, promptVersion: "v1");
        var boosted = ReviewSeed.Judged(host.DatabasePath, yes: 2, no: 2, promptVersion: "v2", reason: "boost");
        ReviewSeed.BoostRunning(host.DatabasePath, "v2");

        var samples = await QueueAsync(ReviewHost.Alice, "?limit=6");

        Assert.Equal(boosted.Yes.Concat(boosted.No).Order(), samples.Take(4).Select(Id).Order());
        Assert.All(samples.Take(4), s => Assert.True(s.GetProperty("boosted").GetBoolean()));
        Assert.All(samples.Skip(4), s => Assert.False(s.GetProperty("boosted").GetBoolean()));
        Assert.Equal(3, samples.Count(s => s.GetProperty("stratum").GetString() == "judged_yes"));
    }

    [Fact]
    public async Task Queue_BoostOver_BoostSamplesAreDrawnLikeAnyOther()
    {
        ReviewSeed.Judged(host.DatabasePath, yes: 0, no: 200, promptVersion: "v1");
        ReviewSeed.Judged(host.DatabasePath, yes: 0, no: 2, promptVersion: "v2", reason: "boost");

        var samples = await QueueAsync(ReviewHost.Alice, "?limit=50");

        // No boost row for v2: none is marked, and the two are wherever the random order put them.
        Assert.All(samples, s => Assert.False(s.GetProperty("boosted").GetBoolean()));
    }

    [Fact]
    public async Task Queue_ShowsRedactedTextsVerdictAndTheLabelCounts()
    {
        var (yes, _) = ReviewSeed.Judged(host.DatabasePath, yes: 2, no: 0, stream: "support");
        ReviewSeed.Judged(host.DatabasePath, yes: 2, no: 0, stream: "sales");
        await host.PostAsync(ReviewHost.Bob, ReviewHost.Label(yes[0], hallucination: true));

        var queue = await (await host.GetAsync(ReviewHost.Alice, "/v1/reviews/queue?stream=support")).ReadJsonAsync();

        Assert.Equal("alice", queue.GetProperty("reviewer").GetString());
        Assert.Equal(1, queue.GetProperty("label_target").GetProperty("labels").GetInt32());
        Assert.Equal(1, queue.GetProperty("labelled").GetProperty("judged_yes").GetInt32());
        var samples = queue.GetProperty("samples").EnumerateArray().ToList();
        Assert.Equal(2, samples.Count);
        Assert.All(samples, s => Assert.Equal("support", s.GetProperty("stream").GetString()));
        var labelled = samples.Single(s => Id(s) == yes[0]);
        Assert.Equal(1, labelled.GetProperty("other_labels").GetInt32());
        Assert.Contains("March 3", labelled.GetProperty("response").GetString(), StringComparison.Ordinal);
        Assert.Equal("Order 118822 shipped via DHL.", labelled.GetProperty("context").GetString());
        Assert.Equal("judge-a", labelled.GetProperty("verdict").GetProperty("judge_model").GetString());
        Assert.Single(labelled.GetProperty("verdict").GetProperty("unsupported_claims").EnumerateArray());
    }

    private static string Id(JsonElement sample) => sample.GetProperty("interaction_id").GetString()!;

    private async Task<List<JsonElement>> QueueAsync(string key, string query)
    {
        var response = await host.GetAsync(key, "/v1/reviews/queue" + query);
        response.EnsureSuccessStatusCode();
        return [.. (await response.ReadJsonAsync()).GetProperty("samples").EnumerateArray()];
    }
}
