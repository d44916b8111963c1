using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using QualityWatch.Api;

namespace QualityWatch.WebConsole;

/// <summary>
/// Opens and checks console sessions. The cookie carries the key's name, roles and <see cref="KeyStamp"/>,
/// encrypted by Data Protection; never the key. Each request re-checks the session against the configured keys.
/// </summary>
internal sealed class ConsoleSessions(ApiKeyRing ring, ILogger<ConsoleSessions> logger)
{
    public bool Open => !ring.Enabled;

    public async Task<LoginOutcome> SignInAsync(HttpContext context, string? presented)
    {
        if (string.IsNullOrEmpty(presented) || ring.Find(presented) is not { } key)
        {
            Log.UnknownKey(logger);
            return LoginOutcome.UnknownKey;
        }

        if (!key.Roles.Contains(ApiRoles.Read, StringComparer.Ordinal) && !key.Roles.Contains(ApiRoles.Admin, StringComparer.Ordinal))
        {
            Log.NoReadRole(logger, key.Name);
            return LoginOutcome.NoReadRole;
        }

        var claims = key.Roles.Select(r => new Claim(ClaimTypes.Role, r))
            .Prepend(new Claim(ConsoleSchemes.KeyStampClaim, KeyStamp.Of(key)))
            .Prepend(new Claim(ClaimTypes.Name, key.Name));
        var identity = new ClaimsIdentity(claims, ConsoleSchemes.Cookie, ClaimTypes.Name, ClaimTypes.Role);
        await context.SignInAsync(ConsoleSchemes.Cookie, new ClaimsPrincipal(identity));
        Log.SignedIn(logger, key.Name);
        return LoginOutcome.SignedIn;
    }

    /// <summary>A session whose key was removed, replaced or given other roles ends here.</summary>
    public Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(ConsoleSchemes.KeyStampClaim)?.Value;
        var key = name is null ? null : ring.FindByName(name);
        IEnumerable<string> roles = context.Principal?.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal) ?? Enumerable.Empty<string>();
        if (key is null || stamp != KeyStamp.Of(key) || !roles.SequenceEqual(key.Roles.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            Log.SessionRevoked(logger, name ?? "");
            context.RejectPrincipal();
            return context.HttpContext.SignOutAsync(ConsoleSchemes.Cookie);
        }

        return Task.CompletedTask;
    }
}
