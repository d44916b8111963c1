using Microsoft.Extensions.Options;
using QualityWatch.Api;
using QualityWatch.Hosting;

namespace QualityWatch.Telemetry;

internal sealed class MetricsOptionsValidator(IOptions<LegacyKeyOptions> ingest, IOptions<AuthOptions> auth) : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path) || !options.Path.StartsWith('/') || options.Path.Length == 1 ||
            options.Path.Any(c => char.IsWhiteSpace(c) || c is '?' or '#' or '{' or '}'))
        {
            errors.Add($"Metrics:Path must be an absolute path such as /metrics, was '{options.Path}'.");
        }
        else if (options.Path.StartsWith("/v1/", StringComparison.OrdinalIgnoreCase) || options.Path.Equals("/healthz", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Metrics:Path '{options.Path}' collides with the service's own API.");
        }

        if (options.Port is { } port)
        {
            OptionRange.Check(errors, "Metrics:Port", port, 1, 65535);
        }

        // A scrape needs the read role; Ingest:ApiKeys keys have it.
        if (options.RequireApiKey && ingest.Value.ApiKeys.Count == 0 && !auth.Value.Keys.Any(k => k.Roles.Contains(ApiRoles.Read) || k.Roles.Contains(ApiRoles.Admin)))
        {
            errors.Add("Metrics:RequireApiKey is true but no key in Auth:Keys has the read or admin role and Ingest:ApiKeys is empty; configure one (Auth__Keys__0__Roles__0=read) or turn it off.");
        }

        OptionRange.Check(errors, "Metrics:MaxStreams", options.MaxStreams, 1, 1000);
        OptionRange.Check(errors, "Metrics:MaxPromptVersionsPerStream", options.MaxPromptVersionsPerStream, 1, 1000);
        OptionRange.Check(errors, "Metrics:StateRefreshInterval", options.StateRefreshInterval, TimeSpan.Zero, TimeSpan.FromMinutes(10));

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
