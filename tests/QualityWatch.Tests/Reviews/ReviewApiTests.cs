using System.Net;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Reviews;

/// <summary><c>POST /v1/reviews</c> and <c>GET /v1/reviews</c> on real Kestrel and a real SQLite file.</summary>
public sealed class ReviewApiTests : IAsyncLifetime
{
    private ReviewHost host = null!;

    public async Task InitializeAsync() => host = await ReviewHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Post_FirstLabel_Is201AndStoresReviewerJudgeAnswerModelRubricAndHistory()
    {
        var (yes, _) = ReviewSeed.Judged(host.DatabasePath, 1, 0, judgeModel: "judge-a", rubric: "v1");

        var response = await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(yes[0], hallucination: false, accuracy: 4, tone: 5, note: "The context does say March 3."));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var label = await response.ReadJsonAsync();
        Assert.Equal("created", label.GetProperty("outcome").GetString());
        Assert.Equal("alice", label.GetProperty("reviewer").GetString());
        Assert.False(label.GetProperty("hallucination").GetBoolean());
        Assert.Equal(4, label.GetProperty("accuracy").GetInt32());
        Assert.Equal(5, label.GetProperty("tone").GetInt32());
        Assert.True(label.GetProperty("judge").GetProperty("hallucination").GetBoolean());
        Assert.Equal("judge-a", label.GetProperty("judge").GetProperty("judge_model").GetString());
        Assert.Equal("v1", label.GetProperty("judge").GetProperty("rubric_version").GetString());
        Assert.False(label.GetProperty("agrees_with_judge").GetBoolean());
        Assert.Equal(1, label.GetProperty("version").GetInt32());
        var stored = Db.Query<(string Reviewer, long Judged, string Model, string Rubric, string Stream)>(
            host.DatabasePath, "SELECT reviewer, judged_hallucination, judge_model, rubric_version, stream FROM review_labels;");
        Assert.Equal([("alice", 1L, "judge-a", "v1", "default")], stored);
        Assert.Equal(1, Db.Scalar<long>(host.DatabasePath, "SELECT COUNT(*) FROM review_label_history WHERE version = 1;"));
    }

    [Fact]
    public async Task Post_SameBodyAgain_Is200UnchangedAndWritesNoNewVersion()
    {
        var (_, no) = ReviewSeed.Judged(host.DatabasePath, 0, 1);
        var body = ReviewHost.Label(no[0], hallucination: false, tone: 3);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync(ReviewHost.Alice, body)).StatusCode);

        var again = await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(no[0], hallucination: false, tone: 3));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var label = await again.ReadJsonAsync();
        Assert.Equal("unchanged", label.GetProperty("outcome").GetString());
        Assert.Equal(1, label.GetProperty("version").GetInt32());
        Assert.Equal(1, Db.Scalar<long>(host.DatabasePath, "SELECT COUNT(*) FROM review_label_history;"));
        Assert.Equal(1, Db.Scalar<long>(host.DatabasePath, "SELECT COUNT(*) FROM review_labels;"));
    }

    [Fact]
    public async Task Post_ChangedAnswer_UpdatesTheCurrentRowAndKeepsEveryVersion()
    {
        var (yes, _) = ReviewSeed.Judged(host.DatabasePath, 1, 0);
        await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(yes[0], hallucination: false));

        var changed = await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(yes[0], hallucination: true, note: "Missed the refund date."));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var label = await changed.ReadJsonAsync();
        Assert.Equal("updated", label.GetProperty("outcome").GetString());
        Assert.Equal(2, label.GetProperty("version").GetInt32());
        Assert.True(label.GetProperty("hallucination").GetBoolean());
        Assert.Equal(1, Db.Scalar<long>(host.DatabasePath, "SELECT COUNT(*) FROM review_labels;"));
        var history = Db.Query<(long Version, long Hallucination)>(host.DatabasePath, "SELECT version, hallucination FROM review_label_history ORDER BY version;");
        Assert.Equal([(1L, 0L), (2L, 1L)], history);
        var listed = Assert.Single((await (await host.GetAsync(ReviewHost.Reader, "/v1/reviews")).ReadJsonAsync()).EnumerateArray());
        Assert.True(listed.GetProperty("hallucination").GetBoolean());
        Assert.Equal("Missed the refund date.", listed.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Post_TwoReviewers_KeepOneLabelEach()
    {
        var (yes, _) = ReviewSeed.Judged(host.DatabasePath, 1, 0);

        await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(yes[0], hallucination: true));
        await host.PostAsync(ReviewHost.Bob, ReviewHost.Label(yes[0], hallucination: false));

        var reviewers = Db.Query<string>(host.DatabasePath, "SELECT reviewer FROM review_labels ORDER BY reviewer;");
        Assert.Equal(["alice", "bob"], reviewers);
    }

    [Fact]
    public async Task Post_PiiInNoteOrReviewerName_NeverReachesTheDatabase()
    {
        var (yes, _) = ReviewSeed.Judged(host.DatabasePath, 1, 0);

        var response = await host.PostAsync(ReviewHost.Jane, ReviewHost.Label(yes[0], hallucination: true, note: "Asked the customer at bob.smith@example.org"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (reviewer, note) = Db.Query<(string, string)>(host.DatabasePath, "SELECT reviewer, note FROM review_labels;").Single();
        Assert.DoesNotContain("example", reviewer, StringComparison.Ordinal);
        Assert.StartsWith("[EMAIL_REDACTED]~", reviewer, StringComparison.Ordinal);
        Assert.Equal("Asked the customer at [EMAIL_REDACTED]", note);
        Assert.DoesNotContain("example.org", Db.Scalar<string>(host.DatabasePath, "SELECT note FROM review_label_history;"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_UnknownSample_Is404_PendingSample_Is409()
    {
        var pending = ReviewSeed.Pending(host.DatabasePath);

        var unknown = await host.PostAsync(ReviewHost.Alice, ReviewHost.Label("never-sent", hallucination: true));
        var notJudged = await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(pending, hallucination: true));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("not_found", (await unknown.ReadJsonAsync()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Conflict, notJudged.StatusCode);
        var body = await notJudged.ReadJsonAsync();
        Assert.Equal("not_judged", body.GetProperty("error").GetString());
        Assert.Contains("pending", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Db.Scalar<long>(host.DatabasePath, "SELECT COUNT(*) FROM review_labels;"));
    }

    [Theory]
    [InlineData("""{"hallucination": true}""", "interaction_id")]
    [InlineData("""{"interaction_id": "x", "hallucination": "yes"}""", "hallucination")]
    [InlineData("""{"interaction_id": "x"}""", "hallucination")]
    [InlineData("""{"interaction_id": "x", "hallucination": true, "accuracy": 6}""", "accuracy")]
    [InlineData("""{"interaction_id": "x", "hallucination": true, "tone": 2.5}""", "tone")]
    [InlineData("""{"interaction_id": "x", "hallucination": true, "note": 7}""", "note")]
    [InlineData("""[{"interaction_id": "x", "hallucination": true}]""", "JSON object")]
    [InlineData("""{"interaction_id": "x", "hallucination": tru""", "not valid JSON")]
    public async Task Post_BadBody_Is400InvalidReviewNamingTheField(string body, string named)
    {
        var response = await host.PostRawAsync(ReviewHost.Alice, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadJsonAsync();
        Assert.Equal("invalid_review", error.GetProperty("error").GetString());
        Assert.Contains(named, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TooLongNoteOrNotJson_IsRefused()
    {
        var (yes, _) = ReviewSeed.Judged(host.DatabasePath, 1, 0);

        var longNote = await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(yes[0], true, note: new string('x', 2_001)));
        var form = await host.PostRawAsync(ReviewHost.Alice, "interaction_id=x&hallucination=true", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, longNote.StatusCode);
        Assert.Contains("Reviews:MaxNoteLength", (await longNote.ReadJsonAsync()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
    }

    [Fact]
    public async Task Roles_ReviewPosts_ReadLists_EitherDrawsTheQueue_IngestNone()
    {
        var (yes, _) = ReviewSeed.Judged(host.DatabasePath, 1, 0);

        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(ReviewHost.Reader, ReviewHost.Label(yes[0], true))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.PostAsync(ReviewHost.Shipper, ReviewHost.Label(yes[0], true))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(yes[0], true))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(ReviewHost.Reader, "/v1/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync(ReviewHost.Alice, "/v1/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(ReviewHost.Alice, "/v1/reviews/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(ReviewHost.Reader, "/v1/reviews/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync(ReviewHost.Shipper, "/v1/reviews/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Host.Client.GetAsync("/v1/reviews/queue")).StatusCode);
    }

    [Fact]
    public async Task List_FiltersByStreamAndLimit()
    {
        var a = ReviewSeed.Judged(host.DatabasePath, 2, 0, stream: "support");
        var b = ReviewSeed.Judged(host.DatabasePath, 1, 0, stream: "sales");
        foreach (var id in a.Yes.Concat(b.Yes))
        {
            await host.PostAsync(ReviewHost.Alice, ReviewHost.Label(id, true));
        }

        var support = (await (await host.GetAsync(ReviewHost.Reader, "/v1/reviews?stream=support")).ReadJsonAsync()).EnumerateArray().ToList();
        var one = (await (await host.GetAsync(ReviewHost.Reader, "/v1/reviews?limit=1")).ReadJsonAsync()).EnumerateArray().ToList();
        var bad = await host.GetAsync(ReviewHost.Reader, "/v1/reviews?limit=0");

        Assert.Equal(2, support.Count);
        Assert.All(support, l => Assert.Equal("support", l.GetProperty("stream").GetString()));
        Assert.Single(one);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
