using System.Text.Json.Nodes;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Judging.Wire;

/// <summary>The provider wire samples in Fixtures/, shaped after docs/judge-apis reference bodies.</summary>
internal static class WireFixture
{
    public static string Read(string name) => File.ReadAllText(RepoRoot.File("tests", "QualityWatch.Tests", "Judging", "Wire", "Fixtures", name));

    /// <summary>
    /// The fixture and the serialized body, both compact, so a difference in any field name, nesting, order,
    /// value or a null written instead of omitted fails with both texts side by side.
    /// </summary>
    public static void AssertSameJson(string fixture, string actual) =>
        Assert.Equal(JsonNode.Parse(Read(fixture))!.ToJsonString(), JsonNode.Parse(actual)!.ToJsonString());
}
