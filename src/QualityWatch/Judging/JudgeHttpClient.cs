using System.Text;
using System.Text.Json.Nodes;

namespace QualityWatch.Judging;

/// <summary>The named HttpClient both providers use; configured once in <c>JudgingExtensions</c>.</summary>
internal static class JudgeHttpClient
{
    public const string Name = "judge";

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
