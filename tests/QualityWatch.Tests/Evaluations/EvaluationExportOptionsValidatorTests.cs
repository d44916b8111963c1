using QualityWatch.Evaluations;

namespace QualityWatch.Tests.Evaluations;

public sealed class EvaluationExportOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid_AndExportNothing()
    {
        var options = new EvaluationExportOptions();
        Assert.True(Validate(options).Succeeded);
        Assert.Null(options.Endpoint);
    }

    [Theory]
    [InlineData("ftp://collector:4318", "Export:Otlp:Endpoint must be an absolute http(s) URL")]
    [InlineData("collector:4318", "Export:Otlp:Endpoint must be an absolute http(s) URL")]
    public void Endpoint_NotHttp_NamesTheKey(string endpoint, string message) =>
        Assert.Contains(message, Validate(new EvaluationExportOptions { Endpoint = new Uri(endpoint, UriKind.RelativeOrAbsolute) }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Protocol_Unknown_NamesTheKey() =>
        Assert.Contains("Export:Otlp:Protocol must be 'http/protobuf' or 'grpc', not 'http/json'",
            Validate(new EvaluationExportOptions { Protocol = "http/json" }).FailureMessage, StringComparison.Ordinal);

    [Theory]
    [InlineData("x-api-key=secret", true)]
    [InlineData("x-api-key=secret,Authorization=Basic abc=", true)]
    [InlineData("x-api-key", false)]
    [InlineData("=secret", false)]
    public void Headers_MustBeKeyValuePairs(string headers, bool valid)
    {
        var result = Validate(new EvaluationExportOptions { Endpoint = new Uri("http://collector:4318"), Headers = headers });
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Export:Otlp:Headers must be key=value pairs", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void QueueCapacity_Zero_NamesTheKey() =>
        Assert.Contains("Export:Otlp:QueueCapacity must be between 1 and 1000000",
            Validate(new EvaluationExportOptions { QueueCapacity = 0 }).FailureMessage, StringComparison.Ordinal);

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(EvaluationExportOptions options) =>
        new EvaluationExportOptionsValidator().Validate(null, options);
}
