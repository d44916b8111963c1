using System.Globalization;
using System.Text;
using System.Text.Json;

namespace QualityWatch.Bench.Detection;

/// <summary>
/// A chatbot at a steady rate whose hallucination rate and prompt_version follow the clock. The judge
/// simulator reads the hidden ground truth from the <c>[[hallucination]]</c> marker in the response.
/// </summary>
internal sealed class BenchTraffic(string idPrefix, DateTimeOffset start, double perHour, int seed, Func<DateTimeOffset, (double Rate, string Version)> story)
{
    private readonly Random random = new(seed);
    private long next;

    /// <summary>NDJSON for every response due before <paramref name="until"/>; empty when none.</summary>
    public string Until(DateTimeOffset until)
    {
        var body = new StringBuilder();
        using var buffer = new MemoryStream();
        for (var at = At(next); at < until; at = At(++next))
        {
            var (rate, version) = story(at);
            var hallucinated = random.NextDouble() < rate;
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"{idPrefix}-{next}"));
                json.WriteString("timestamp", at);
                json.WriteString("prompt", "Where is my order?");
                // A word of its own per response: the simulator's erring judge answers the same text the same way
                // (temperature 0), so with one shared text a noisy judge would be wrong about all of them or none.
                var reference = Letters(idPrefix, next);
                json.WriteString("response", hallucinated
                    ? $"Case {reference}: it ships today with a free gift card. [[hallucination]] [[accuracy=2]] [[tone=4]]"
                    : $"Case {reference}: orders ship within 2 business days. [[accuracy=5]] [[tone=5]]");
                json.WriteString("model", "gpt-4o-mini");
                json.WriteString("prompt_version", version);
                json.WriteEndObject();
            }

            body.Append(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).Append('\n');
        }

        return body.ToString();
    }

    /// <summary>The id in letters only, so no PII detector (phone, card numbers) redacts it back into a shared text.</summary>
    private static string Letters(string prefix, long n)
    {
        var text = new StringBuilder();
        foreach (var c in prefix)
        {
            text.Append(char.IsAsciiDigit(c) ? (char)('a' + (c - '0')) : char.ToLowerInvariant(c));
        }

        text.Append('x');
        do
        {
            text.Append((char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return text.ToString();
    }

    private DateTimeOffset At(long n) => start + TimeSpan.FromHours(n / perHour);
}
