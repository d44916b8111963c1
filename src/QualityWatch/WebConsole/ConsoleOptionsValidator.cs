using System.Net;
using Microsoft.Extensions.Options;
using QualityWatch.Api;

namespace QualityWatch.WebConsole;

/// <summary>An absolute http(s) public URL, parseable proxy addresses, known roles, and header and proxies set together.</summary>
internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.PublicUrl)
            && (!Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment)))
        {
            errors.Add($"Console:PublicUrl must be an absolute http or https URL without query, e.g. https://qualitywatch.example.com; was '{options.PublicUrl}'.");
        }

        var header = !string.IsNullOrWhiteSpace(options.TrustedUserHeader);
        if (header != (options.TrustedProxies.Count > 0))
        {
            errors.Add("Console:TrustedUserHeader and Console:TrustedProxies go together: set both to trust an authenticating proxy, or neither.");
        }

        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!TrustedProxyList.TryParse(options.TrustedProxies[i], out _))
            {
                errors.Add($"Console:TrustedProxies:{i} is '{options.TrustedProxies[i]}', which is neither an IP address nor a network like 10.0.0.0/24.");
            }
        }

        for (var i = 0; i < options.TrustedUserRoles.Count; i++)
        {
            if (!ApiRoles.All.Contains(options.TrustedUserRoles[i], StringComparer.Ordinal))
            {
                errors.Add($"Console:TrustedUserRoles:{i} is '{options.TrustedUserRoles[i]}', which is not a role; use {string.Join(", ", ApiRoles.All)}.");
            }
        }

        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            errors.Add($"Console:SessionLifetime must be positive, was {options.SessionLifetime}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
