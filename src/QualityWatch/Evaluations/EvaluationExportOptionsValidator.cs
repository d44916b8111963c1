using Microsoft.Extensions.Options;

namespace QualityWatch.Evaluations;

internal sealed class EvaluationExportOptionsValidator : IValidateOptions<EvaluationExportOptions>
{
    public ValidateOptionsResult Validate(string? name, EvaluationExportOptions options)
    {
        var errors = new List<string>();
        if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add("Export:Otlp:Endpoint must be an absolute http(s) URL, e.g. http://collector:4318.");
        }

        if (options.Protocol is not (EvaluationExportProtocols.HttpProtobuf or EvaluationExportProtocols.Grpc))
        {
            errors.Add($"Export:Otlp:Protocol must be '{EvaluationExportProtocols.HttpProtobuf}' or '{EvaluationExportProtocols.Grpc}', not '{options.Protocol}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.Headers)
            && options.Headers.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(pair => pair.IndexOf('=', StringComparison.Ordinal) <= 0))
        {
            errors.Add("Export:Otlp:Headers must be key=value pairs separated by commas, e.g. x-api-key=secret.");
        }

        if (options.QueueCapacity is < 1 or > 1_000_000)
        {
            errors.Add("Export:Otlp:QueueCapacity must be between 1 and 1000000.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
