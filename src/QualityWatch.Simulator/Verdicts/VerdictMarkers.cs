using System.Globalization;
using System.Text.RegularExpressions;

namespace QualityWatch.Simulator.Verdicts;

/// <summary>
/// Reads the ground truth the traffic generator hides in a chatbot response:
/// <c>[[hallucination]]</c>, <c>[[accuracy=N]]</c>, <c>[[tone=N]]</c> (N clamped to 1–5).
/// The first marker of each kind wins; without markers the answer is perfect.
/// </summary>
public static partial class VerdictMarkers
{
    private const int MaxClaimLength = 120;
    private const string FallbackClaim = "A claim that the provided context does not support.";

    public static Verdict Read(string userText)
    {
        int? accuracy = null;
        int? tone = null;
        Match? hallucination = null;
        foreach (Match match in Marker().Matches(userText))
        {
            if (match.Groups["h"].Success)
            {
                hallucination ??= match;
                continue;
            }

            var value = int.TryParse(match.Groups["v"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? Math.Clamp(parsed, 1, 5)
                : 5;
            if (match.Groups["k"].Value.Equals("accuracy", StringComparison.OrdinalIgnoreCase))
            {
                accuracy ??= value;
            }
            else
            {
                tone ??= value;
            }
        }

        var a = accuracy ?? 5;
        var t = tone ?? 5;
        var claims = hallucination is null ? [] : new[] { Claim(userText, hallucination.Index) };
        return new Verdict(a, t, hallucination is not null, claims, Reason(a, t, hallucination is not null));
    }

    /// <summary>The sentence around the marker (or the one before it, when the marker stands alone), markers removed.</summary>
    private static string Claim(string text, int markerAt)
    {
        var start = text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(markerAt - 1, 0)) + 1;
        var end = text.IndexOfAny(['.', '!', '?', '\n'], markerAt);
        var sentence = Clean(text[start..(end < 0 ? text.Length : end)]);
        if (sentence.Length == 0 && start > 1)
        {
            var previousStart = text.LastIndexOfAny(['.', '!', '?', '\n'], start - 2) + 1;
            sentence = Clean(text[previousStart..(start - 1)]);
        }

        if (sentence.Length == 0)
        {
            return FallbackClaim;
        }

        return sentence.Length <= MaxClaimLength ? sentence : sentence[..MaxClaimLength].TrimEnd() + "…";
    }

    /// <summary>The text's last sentence, markers removed: the claim a judge that wrongly calls a hallucination points at.</summary>
    internal static string LastSentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 ? FallbackClaim : Claim(trimmed, trimmed.Length - 1);
    }

    private static string Clean(string sentence) => Whitespace().Replace(Marker().Replace(sentence, " "), " ").Trim();

    internal static string Reason(int accuracy, int tone, bool hallucination)
    {
        var what = hallucination
            ? "The response makes a claim the context does not support."
            : accuracy switch
            {
                5 => "The response is accurate and supported by the context.",
                4 => "The response is mostly accurate with a minor imprecision.",
                3 => "The response is partly accurate.",
                _ => "The response is largely inaccurate.",
            };
        return tone >= 4 ? what : $"{what} Its tone is {(tone == 3 ? "flat" : "unhelpful")}.";
    }

    [GeneratedRegex(@"\[\[\s*(?:(?<h>hallucination)|(?<k>accuracy|tone)\s*=\s*(?<v>\d{1,3}))\s*\]\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
