using Microsoft.Extensions.Options;

namespace QualityWatch.Hosting;

internal sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var errors = new List<string>();

        // Below a handful, the health probe and a scraper could not get in beside one client.
        OptionRange.Check(errors, "Server:MaxConcurrentConnections", options.MaxConcurrentConnections, 8, 1_000_000);

        OptionRange.Check(errors, "Server:MaxRequestBodyBytes", options.MaxRequestBodyBytes, 1024, 1L << 30);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
