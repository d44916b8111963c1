using System.Net;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.WebConsole;

/// <summary>Who gets into the console: keys with the read role, a trusted proxy's user, everyone when no key is configured on loopback.</summary>
public sealed class ConsoleAccessTests : IAsyncLifetime
{
    private const string ReadKey = "read-key-0123456789abcdef";
    private const string IngestKey = "ingest-key-0123456789abcdef";

    private readonly TempDirectory temp = new();
    private InProcessHost? host;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Page_WithoutSession_RedirectsToLogin_WhileApiKeepsJson401()
    {
        using var http = await StartWithKeysAsync();

        var page = await http.Client.GetAsync("/samples");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location!.AbsolutePath);

        var api = await http.Client.GetAsync("/v1/samples");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/json", api.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("not-a-configured-key-at-all", "matches no configured key")]
    [InlineData(IngestKey, "has no read role")]
    public async Task Login_UnknownOrIngestOnlyKey_IsRefusedWithoutSession(string key, string message)
    {
        using var http = await StartWithKeysAsync();

        var response = await http.LoginAsync(key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(http.Cookies, c => c.Name == "qw_console");
        Assert.Equal(HttpStatusCode.Redirect, (await http.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Login_ReadKey_CookieIsASessionTicketNotTheKey()
    {
        using var http = await StartWithKeysAsync();

        var response = await http.LoginAsync(ReadKey);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("qw_console=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase); // plain http on loopback
        Assert.DoesNotContain(ReadKey, WebUtility.UrlDecode(setCookie), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Session_SurvivesRestart_DataProtectionKeysLiveBesideTheDatabase()
    {
        var http = await StartWithKeysAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await http.LoginAsync(ReadKey)).StatusCode);
        var cookie = http.Cookies["qw_console"]!.Value;
        http.Dispose();
        await host!.DisposeAsync();

        using var again = await StartWithKeysAsync();
        again.Client.DefaultRequestHeaders.Add("Cookie", "qw_console=" + cookie);

        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/")).StatusCode);
        Assert.True(Directory.Exists(Path.Combine(Path.GetDirectoryName(temp.DatabasePath)!, "console-keys")));
    }

    [Fact]
    public async Task FormPost_WithoutAntiforgeryToken_IsRefused()
    {
        using var http = await StartWithKeysAsync();

        var login = await http.Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "login", ["key"] = ReadKey }));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.DoesNotContain(http.Cookies, c => c.Name == "qw_console");

        Assert.Equal(HttpStatusCode.Redirect, (await http.LoginAsync(ReadKey)).StatusCode);
        var logout = await http.Client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.Client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("10.9.8.7", HttpStatusCode.Redirect)]
    public async Task TrustedProxyHeader_CountsOnlyFromTrustedAddresses(string trustedProxy, HttpStatusCode expected)
    {
        using var http = await StartWithKeysAsync(new()
        {
            ["Console:TrustedUserHeader"] = "X-Forwarded-User",
            ["Console:TrustedProxies:0"] = trustedProxy,
        });
        http.Client.DefaultRequestHeaders.Add("X-Forwarded-User", "alice@example.com");

        var response = await http.Client.GetAsync("/");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains("alice@example.com", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoKeysOnLoopback_ConsoleIsOpen()
    {
        host = await InProcessHost.StartAsync(temp.DatabasePath);
        using var http = new ConsoleHttp(host.Client.BaseAddress!);

        var response = await http.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Overview</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<ConsoleHttp> StartWithKeysAsync(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Keys:0:Name"] = "oncall",
            ["Auth:Keys:0:Key"] = ReadKey,
            ["Auth:Keys:0:Roles:0"] = "read",
            ["Auth:Keys:1:Name"] = "shipper",
            ["Auth:Keys:1:Key"] = IngestKey,
            ["Auth:Keys:1:Roles:0"] = "ingest",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        host = await InProcessHost.StartAsync(temp.DatabasePath, settings);
        return new ConsoleHttp(host.Client.BaseAddress!);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        temp.Dispose();
    }
}
