using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Reviews;

/// <summary>The real service on Kestrel with a temp database and one key per role, two reviewers among them.</summary>
public sealed class ReviewHost : IAsyncDisposable
{
    public const string Alice = "alice-review-key-0123456789";
    public const string Bob = "bob-review-key-0123456789ab";
    public const string Jane = "jane-review-key-0123456789a";
    public const string Reader = "grafana-read-key-0123456789";
    public const string Shipper = "shipper-ingest-key-01234567";

    private readonly TempDirectory temp;

    private ReviewHost(TempDirectory temp, InProcessHost host)
    {
        this.temp = temp;
        Host = host;
    }

    public InProcessHost Host { get; }

    public string DatabasePath => Host.DatabasePath;

    public static async Task<ReviewHost> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var temp = new TempDirectory();
        var settings = new Dictionary<string, string?>();
        var keys = new[] { ("alice", Alice, "review"), ("bob", Bob, "review"), ("jane.doe@example.com", Jane, "review"), ("grafana", Reader, "read"), ("shipper", Shipper, "ingest") };
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Auth:Keys:{i}:Name"] = keys[i].Item1;
            settings[$"Auth:Keys:{i}:Key"] = keys[i].Item2;
            settings[$"Auth:Keys:{i}:Roles:0"] = keys[i].Item3;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ReviewHost(temp, await InProcessHost.StartAsync(temp.DatabasePath, settings));
    }

    public Task<HttpResponseMessage> PostAsync(string key, JsonObject body) => PostRawAsync(key, body.ToJsonString());

    public Task<HttpResponseMessage> PostRawAsync(string key, string body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reviews") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return Host.Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string key, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return Host.Client.SendAsync(request);
    }

    public static JsonObject Label(string id, bool hallucination, int? accuracy = null, int? tone = null, string? note = null)
    {
        var body = new JsonObject { ["interaction_id"] = id, ["hallucination"] = hallucination };
        if (accuracy is not null)
        {
            body["accuracy"] = accuracy;
        }

        if (tone is not null)
        {
            body["tone"] = tone;
        }

        if (note is not null)
        {
            body["note"] = note;
        }

        return body;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        temp.Dispose();
    }
}
