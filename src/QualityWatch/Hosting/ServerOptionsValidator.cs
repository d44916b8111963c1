using Microsoft.Extensions.Options;

namespace QualityWatch.Hosting;

internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var errors = new List<string>();

        // Below a handful, the health probe and a scraper could not get in beside one client.
        if (options.MaxConcurrentConnections is < 8 or > 1_000_000)
        {
            errors.Add($"Server:MaxConcurrentConnections must be between 8 and 1000000, was {options.MaxConcurrentConnections}.");
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 1L << 30)
        {
            errors.Add($"Server:MaxRequestBodyBytes must be between 1024 and {1L << 30}, was {options.MaxRequestBodyBytes}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
