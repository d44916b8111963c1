using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace QualityWatch.Redaction;

/// <summary>
/// IPv6 (full, <c>::</c>-compressed, with an embedded IPv4 tail or a zone) and then IPv4 addresses.
/// IPv6 goes first so that "::ffff:192.0.2.1" is one address, not a prefix plus an IPv4.
/// </summary>
internal static partial class IpDetector
{
    public static string Redact(string text, RedactionCounts counts)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            text = V6Candidate().Replace(text, m => IsLikelyV6(m.Value) ? Count(counts) : m.Value);
        }

        return text.Contains('.', StringComparison.Ordinal)
            ? V4().Replace(text, _ => Count(counts))
            : text;
    }

    private static string Count(RedactionCounts counts)
    {
        counts.Add(PiiTypes.Ip);
        return PiiTypes.IpPlaceholder;
    }

    private static bool IsLikelyV6(string candidate)
    {
        if (!IPAddress.TryParse(candidate, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        // "1::2" (a slice), "10::20" (a score) and "::1" (loopback, not personal) parse as IPv6 too.
        // Real addresses carry a 3–4 hex digit group (2001:, fe80:, fd00:) or an IPv4 tail.
        var run = 0;
        foreach (var c in candidate)
        {
            if (c == '.')
            {
                return true;
            }

            if (c == '%')
            {
                break;
            }

            run = char.IsAsciiHexDigit(c) ? run + 1 : 0;
            if (run >= 3)
            {
                return true;
            }
        }

        return false;
    }

    // A loose shape; IPAddress.TryParse decides. Not preceded by a word character, ':' or '.', and
    // not followed by one of them, so times ("12:30:45") and C++ "std::" never parse or match.
    [GeneratedRegex(
        @"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z_.\-]+)?(?![\w:]|\.\w)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        Redactor.BuiltInTimeoutMilliseconds)]
    private static partial Regex V6Candidate();

    // Four octets 0–255 that are not part of a longer dotted number: "1.2.3.4.5" and "v1.2.3.4"
    // are versions, not addresses, and so is "Version 1.0.0.0" / AssemblyVersion("1.0.0.0").
    // A trailing sentence dot is fine.
    [GeneratedRegex(
        @"(?<![\w.])(?<!(?i:version|build|release)[\x20:=(""']{0,3})(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?!\w|\.[0-9])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        Redactor.BuiltInTimeoutMilliseconds)]
    private static partial Regex V4();
}
