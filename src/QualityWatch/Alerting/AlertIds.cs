using System.Buffers.Text;
using System.Text;

namespace QualityWatch.Alerting;

/// <summary>
/// The id of an alert instance in console URLs (<c>/alerts/{id}</c>): its notification key
/// <c>rule/stream/prompt_version</c> as base64url, so a rule or stream name with a slash stays one path segment.
/// </summary>
internal static class AlertIds
{
    public static string Of(string rule, string stream, string promptVersion) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{rule}/{stream}/{promptVersion}"));

    public static bool TryParse(string id, out (string Rule, string Stream, string PromptVersion) instance)
    {
        instance = default;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(id);
        }
        catch (FormatException)
        {
            return false;
        }

        var key = Encoding.UTF8.GetString(bytes);
        var first = key.IndexOf('/', StringComparison.Ordinal);
        var last = key.LastIndexOf('/');
        if (first < 0 || last == first)
        {
            return false;
        }

        // Streams and versions never contain '/', rule names might: the rule is everything before the last two.
        var beforeLast = key.LastIndexOf('/', last - 1);
        instance = (key[..beforeLast], key[(beforeLast + 1)..last], key[(last + 1)..]);
        return true;
    }
}
