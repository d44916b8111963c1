using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace QualityWatch.WebConsole;

/// <summary>
/// An authenticating reverse proxy (oauth2-proxy style) names the user in <c>Console:TrustedUserHeader</c>;
/// the name is believed only on a connection from <c>Console:TrustedProxies</c>. The user gets <c>Console:TrustedUserRoles</c>.
/// </summary>
internal sealed class ProxyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder,
    TrustedProxyList proxies, IOptions<ConsoleOptions> console)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The proxy's user name on this request, or null when the request is not from a trusted proxy.</summary>
    public static string? UserOf(HttpContext context, TrustedProxyList proxies)
    {
        if (proxies.Header is null || !proxies.Trusts(context.Connection.RemoteIpAddress))
        {
            return null;
        }

        var user = context.Request.Headers[proxies.Header].ToString().Trim();
        return user.Length == 0 ? null : user;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (UserOf(Context, proxies) is not { } user)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = console.Value.EffectiveTrustedUserRoles.Select(r => new Claim(ClaimTypes.Role, r)).Prepend(new Claim(ClaimTypes.Name, user));
        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
