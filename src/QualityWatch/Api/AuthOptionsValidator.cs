using Microsoft.Extensions.Options;

namespace QualityWatch.Api;

/// <summary>
/// Each key well formed, names and keys unique, roles known; and the rule that an open API (no key
/// at all) may only listen on loopback. Errors name the key by its index and name, never its secret.
/// </summary>
internal sealed class AuthOptionsValidator(IConfiguration configuration, IOptions<LegacyKeyOptions> ingest) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ingest.Value.ApiKeys.Count; i++)
        {
            secrets.TryAdd(ingest.Value.ApiKeys[i], $"Ingest:ApiKeys:{i}");
        }

        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var at = $"Auth:Keys:{i}";
            var who = string.IsNullOrWhiteSpace(key.Name) ? at : $"{at} ('{key.Name}')";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                errors.Add($"{at}:Name must be set: it names the key in errors and logs.");
            }
            else if (!names.TryAdd(key.Name, i))
            {
                errors.Add($"{at}:Name '{key.Name}' is also the name of Auth:Keys:{names[key.Name]}; names must be unique.");
            }

            if (string.IsNullOrWhiteSpace(key.Key) || key.Key.Length < 16)
            {
                // The key itself is never echoed: it is a secret even when it is a bad one.
                errors.Add($"{who}: Key must be at least 16 characters.");
            }
            else if (!secrets.TryAdd(key.Key, who))
            {
                errors.Add($"{who}: Key is the same as {secrets[key.Key]}'s; keys must be unique.");
            }

            if (key.Roles.Count == 0)
            {
                errors.Add($"{who}: Roles must name at least one of {string.Join(", ", ApiRoles.All)}.");
            }

            for (var j = 0; j < key.Roles.Count; j++)
            {
                if (!ApiRoles.All.Contains(key.Roles[j], StringComparer.Ordinal))
                {
                    errors.Add($"{who}: Roles:{j} is '{key.Roles[j]}', which is not a role; use {string.Join(", ", ApiRoles.All)}.");
                }
            }
        }

        if (options.Keys.Count == 0 && ingest.Value.ApiKeys.Count == 0)
        {
            // Every address Kestrel may bind, not only the URLs: a Kestrel:Endpoints entry replaces them.
            foreach (var exposed in ListenAddresses.NonLoopback(configuration))
            {
                errors.Add(
                    $"Auth:Keys and Ingest:ApiKeys are empty but the service listens on {exposed.Url} ({exposed.Key}), which is not loopback. " +
                    "Configure at least one key (Auth__Keys__0__Name, Auth__Keys__0__Key, Auth__Keys__0__Roles__0) or listen on 127.0.0.1 only.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
