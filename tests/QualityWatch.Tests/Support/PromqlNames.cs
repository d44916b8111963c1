using System.Text.RegularExpressions;

namespace QualityWatch.Tests.Support;

/// <summary>The QualityWatch metric and recording-rule names a PromQL expression refers to.</summary>
public static partial class PromqlNames
{
    // Label values such as job="qualitywatch" do not match: a name needs _ or : after the prefix.
    public static IEnumerable<string> Of(string expr) => Name().Matches(expr).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"\bqualitywatch[_:][a-z0-9_:]*")]
    private static partial Regex Name();
}
