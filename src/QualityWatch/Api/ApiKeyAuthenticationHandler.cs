using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace QualityWatch.Api;

/// <summary>
/// The <c>Authorization: Bearer &lt;key&gt;</c> scheme: a known key becomes a user with the key's roles.
/// With no key configured every caller is an admin, so the API stays open as it was (loopback only).
/// Its challenge and forbid answers are the API's JSON error bodies.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, ApiKeyRing ring)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string Bearer = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!ring.Enabled)
        {
            return Task.FromResult(Success("open", ApiRoles.All));
        }

        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(ring.Find(header[Bearer.Length..].Trim()) is { } key
            ? Success(key.Name, key.Roles)
            : AuthenticateResult.Fail("The bearer key matches no configured key."));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ApiErrors.Error(StatusCodes.Status401Unauthorized, "unauthorized", "Send 'Authorization: Bearer <key>' with a key from Auth:Keys.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var holder = Context.User.Identity?.Name;
        return ApiErrors.Error(StatusCodes.Status403Forbidden, "forbidden", $"The key '{holder}' has no role that allows {Request.Method} {Request.Path}.")
            .ExecuteAsync(Context);
    }

    private AuthenticateResult Success(string name, IEnumerable<string> roles)
    {
        var claims = roles.Select(r => new Claim(ClaimTypes.Role, r)).Prepend(new Claim(ClaimTypes.Name, name));
        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}
