using System.Net;
using System.Net.Sockets;
using System.Text;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Hosting;

/// <summary>Server:MaxConcurrentConnections and the per-route body limits on real Kestrel.</summary>
public sealed class ServerLimitsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Connections_OverTheCap_AreClosedUnansweredUntilOneIsFreed()
    {
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Server:MaxConcurrentConnections"] = "8" });
        var endpoint = new IPEndPoint(IPAddress.Loopback, host.Client.BaseAddress!.Port);

        // Each held connection has had an answer, so Kestrel has certainly counted it; keep-alive holds it open.
        var held = new List<TcpClient>();
        for (var i = 0; i < 8; i++)
        {
            var client = new TcpClient();
            await client.ConnectAsync(endpoint);
            Assert.StartsWith("HTTP/1.1 200", await GetHealthzAsync(client), StringComparison.Ordinal);
            held.Add(client);
        }

        using (var ninth = new TcpClient())
        {
            await ninth.ConnectAsync(endpoint);
            Assert.Equal("", await GetHealthzAsync(ninth));
        }

        held[0].Dispose();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            using var next = new TcpClient();
            await next.ConnectAsync(endpoint);
            return (await GetHealthzAsync(next)).StartsWith("HTTP/1.1 200", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30)));

        held.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Body_OverTheServerLimitOnARouteWithoutItsOwn_Is413()
    {
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Server:MaxRequestBodyBytes"] = "4096" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/samples") { Content = new ByteArrayContent(new byte[5000]) };

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body_too_large", (await response.ReadJsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Body_OnIngest_TakesIngestMaxBodyBytesNotTheServerLimit()
    {
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?>
        {
            ["Server:MaxRequestBodyBytes"] = "4096",
            ["Ingest:MaxBodyBytes"] = "65536",
        });
        var batch = Some.Batch(40, _ => Some.Interaction(prompt: new string('p', 400)));

        var accepted = await host.Client.PostAsync("/v1/interactions", Some.Json(batch));
        var tooLarge = await host.Client.PostAsync("/v1/interactions", Some.Json(Some.Batch(200, _ => Some.Interaction(prompt: new string('p', 400)))));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(40, (await accepted.ReadJsonAsync()).GetProperty("accepted").GetInt32());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    [Fact]
    public async Task Options_OutOfRange_FailNamingTheKeys()
    {
        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => InProcessHost.StartAsync(
            temp.DatabasePath,
            new Dictionary<string, string?> { ["Server:MaxConcurrentConnections"] = "0", ["Server:MaxRequestBodyBytes"] = "10" }));

        Assert.Contains("Server:MaxConcurrentConnections must be between 8 and 1000000, was 0.", ex.Failures);
        Assert.Contains(ex.Failures, f => f.StartsWith("Server:MaxRequestBodyBytes must be between 1024", StringComparison.Ordinal));
    }

    /// <summary>The status line of a keep-alive GET /healthz, or "" when the server closed the connection unanswered.</summary>
    private static async Task<string> GetHealthzAsync(TcpClient client)
    {
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            var buffer = new byte[4096];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
