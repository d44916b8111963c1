using Microsoft.Extensions.Options;
using QualityWatch.Redaction;

namespace QualityWatch.Tests.Redaction;

public sealed class RedactionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddRedaction()
            .BuildServiceProvider();
    }

    [Fact]
    public void AddRedaction_BindsCustomPatternsFromRedactionSection()
    {
        using var provider = Build(new()
        {
            ["Redaction:CustomPatternTimeout"] = "00:00:00.250",
            ["Redaction:CustomPatterns:0:Name"] = "order_secret",
            ["Redaction:CustomPatterns:0:Pattern"] = "SECRET-[0-9]+",
        });

        var redactor = provider.GetRequiredService<Redactor>();
        var counts = new RedactionCounts();

        Assert.Same(redactor, provider.GetRequiredService<Redactor>());
        Assert.Equal(TimeSpan.FromMilliseconds(250), provider.GetRequiredService<IOptions<RedactionOptions>>().Value.CustomPatternTimeout);
        Assert.Equal("code [ORDER_SECRET_REDACTED]", redactor.Redact("code SECRET-42", counts));
        Assert.Equal(1, counts["order_secret"]);
    }

    [Fact]
    public void AddRedaction_InvalidConfiguration_FailsStartupValidationWithKey()
    {
        using var provider = Build(new()
        {
            ["Redaction:CustomPatterns:0:Name"] = "broken",
            ["Redaction:CustomPatterns:0:Pattern"] = "(unclosed",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ex.Failures, f => f.StartsWith("Redaction:CustomPatterns:0:Pattern is not a valid regular expression: ", StringComparison.Ordinal));
    }

    [Fact]
    public void AddRedaction_CalledTwice_RegistersValidatorOnce()
    {
        var services = new ServiceCollection().AddRedaction().AddRedaction();

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<RedactionOptions>));
        Assert.Single(services, d => d.ServiceType == typeof(Redactor));
    }
}
