using System.Text.Json;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Reviews;

/// <summary>The queue's label target: Neyman's split between the judged strata once each has its floor, and the distance to the wanted interval.</summary>
public sealed class ReviewLabelTargetTests : IAsyncLifetime
{
    private ReviewHost host = null!;

    public async Task InitializeAsync() => host = await ReviewHost.StartAsync(new Dictionary<string, string?> { ["Reviews:MinLabelsPerStratum"] = "5" });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Queue_BeforeLabels_PlansWithTheAssumedJudge_AndHasNoIntervalYet()
    {
        ReviewSeed.Judged(host.DatabasePath, yes: 60, no: 940);

        var queue = await QueueAsync("?stream=default&limit=10");

        var target = queue.GetProperty("label_target");
        Assert.Equal("planning judge", target.GetProperty("basis").GetString());
        Assert.Equal(JsonValueKind.Null, target.GetProperty("interval_width_now").ValueKind);
        Assert.Equal(0.02, target.GetProperty("goal").GetDouble());
        Assert.Equal(0, target.GetProperty("labels").GetInt64());
        Assert.InRange(target.GetProperty("judged_yes_share").GetDouble(), 0.2, 0.45);
        Assert.True(target.GetProperty("target").GetInt64() > 100);
        // Below the floor of 5 per stratum the first ten alternate.
        Assert.Equal(5, Strata(queue).Count(s => s == "judged_yes"));
    }

    [Fact]
    public async Task Queue_WithLabels_DrawsByNeymansShare_NotHalfAndHalf_AndSaysHowFarFromTheTarget()
    {
        var (yes, no) = ReviewSeed.Judged(host.DatabasePath, yes: 60, no: 940);
        // 15 judged-yes labels (10 true), 25 judged-no (1 true): the judged-no stratum carries most of the variance.
        foreach (var (id, truth) in yes.Take(15).Select((id, i) => (id, i < 10)).Concat(no.Take(25).Select((id, i) => (id, i == 0))))
        {
            (await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(id, truth))).EnsureSuccessStatusCode();
        }

        var queue = await QueueAsync("?stream=default&limit=30");

        var target = queue.GetProperty("label_target");
        Assert.Equal("labels", target.GetProperty("basis").GetString());
        Assert.Equal(40, target.GetProperty("labels").GetInt64());
        var share = target.GetProperty("judged_yes_share").GetDouble();
        Assert.InRange(share, 0.05, 0.2);
        var perStratum = target.GetProperty("per_stratum");
        Assert.Equal(15, perStratum.GetProperty("judged_yes").GetProperty("have").GetInt64());
        Assert.Equal(25, perStratum.GetProperty("judged_no").GetProperty("have").GetInt64());
        var wantYes = perStratum.GetProperty("judged_yes").GetProperty("want").GetInt64();
        var wantNo = perStratum.GetProperty("judged_no").GetProperty("want").GetInt64();
        Assert.Equal(wantYes + wantNo, target.GetProperty("target").GetInt64());
        Assert.True(wantNo > 4 * wantYes, $"want {wantYes} judged-yes and {wantNo} judged-no");
        Assert.True(target.GetProperty("interval_width_now").GetDouble() > 0.02, "40 labels do not reach the 2-point goal");
        // Half and half would draw 20 judged-yes of the 30; Neyman's share of 70 labels is under 14, and 15 are in.
        Assert.Equal(0, Strata(queue).Count(s => s == "judged_yes"));
    }

    private static List<string> Strata(JsonElement queue) =>
        [.. queue.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("stratum").GetString()!)];

    private async Task<JsonElement> QueueAsync(string query)
    {
        var response = await host.GetAsync(ReviewHost.Alice, "/v1/reviews/queue" + query);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }
}
