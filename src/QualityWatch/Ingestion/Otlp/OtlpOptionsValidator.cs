using Microsoft.Extensions.Options;

namespace QualityWatch.Ingestion.Otlp;

internal sealed class OtlpOptionsValidator : IValidateOptions<OtlpOptions>
{
    public ValidateOptionsResult Validate(string? name, OtlpOptions options)
    {
        var blank = options.ResourceLabels.FindIndex(string.IsNullOrWhiteSpace);
        return blank >= 0
            ? ValidateOptionsResult.Fail($"Otlp:ResourceLabels:{blank} must name a resource attribute, e.g. service.name.")
            : ValidateOptionsResult.Success;
    }
}
