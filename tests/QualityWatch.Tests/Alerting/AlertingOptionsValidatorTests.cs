using QualityWatch.Alerting;

namespace QualityWatch.Tests.Alerting;

public sealed class AlertingOptionsValidatorTests
{
    private static string? Validate(AlertRuleOptions rule) =>
        new AlertingOptionsValidator().Validate(null, new AlertingOptions { Rules = [rule] }).FailureMessage;

    private static AlertRuleOptions Sequential() => new() { Name = "shift", Kind = AlertRuleKinds.Sequential, Severity = "page" };

    [Fact]
    public void SequentialDefaults_AreValid() => Assert.Null(Validate(Sequential()));

    [Theory]
    [InlineData(-0.5)]
    [InlineData(6)]
    [InlineData(double.NaN)]
    public void BaselineStandardErrors_OutOfRange_NamesTheKey(double margin)
    {
        var rule = Sequential();
        rule.BaselineStandardErrors = margin;

        Assert.Contains("Alerting:Rules:0:BaselineStandardErrors must be between 0 and 5", Validate(rule), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void BaselineStandardErrors_AtItsBounds_IsAccepted(double margin)
    {
        var rule = Sequential();
        rule.BaselineStandardErrors = margin;

        Assert.Null(Validate(rule));
    }
}
