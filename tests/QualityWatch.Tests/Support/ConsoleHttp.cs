using System.Net;
using System.Text.RegularExpressions;

namespace QualityWatch.Tests.Support;

/// <summary>
/// A cookie-keeping HTTP client for the console that does not follow redirects, so tests see the 302s,
/// the Set-Cookie headers and the antiforgery tokens a browser would.
/// </summary>
public sealed partial class ConsoleHttp : IDisposable
{
    private readonly HttpClientHandler handler;

    public ConsoleHttp(Uri baseAddress)
    {
        handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
        Client = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public HttpClient Client { get; }

    public CookieCollection Cookies => handler.CookieContainer.GetAllCookies();

    /// <summary>The antiforgery token of the first form on <paramref name="path"/>.</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        var html = await Client.GetStringAsync(path);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    /// <summary>Posts the login form with its token, as the browser would.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string key)
    {
        var token = await FormTokenAsync("/login");
        return await Client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["key"] = key,
        }));
    }

    public void Dispose()
    {
        Client.Dispose();
        handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
