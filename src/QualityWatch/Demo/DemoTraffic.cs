using System.Globalization;
using System.Text;
using System.Text.Json;

namespace QualityWatch.Demo;

/// <summary>
/// The demo's chatbot: a support bot answering order questions at a steady rate, where prompt
/// version v2 (deployed at <see cref="DemoOptions.ChangeAtHour"/>) hallucinates more often. The
/// judge simulator reads the hidden ground truth from <c>[[...]]</c> markers in the response.
/// </summary>
internal sealed class DemoTraffic(DemoOptions options, DateTimeOffset start)
{
    private static readonly string[] Questions =
    [
        "Where is my order?",
        "Can I change the delivery address?",
        "How do I return a damaged item?",
        "When will my refund arrive?",
        "Do you ship to Norway?",
    ];

    private const string Context = "Orders ship within 2 business days. Returns are free within 30 days. Refunds take 5 to 7 days. We ship to the EU and Norway.";

    private readonly Random random = new(options.Seed);

    /// <summary>Responses generated so far.</summary>
    public long Generated { get; private set; }

    /// <summary>Of those, how many carry a hallucination (ground truth).</summary>
    public long Hallucinated { get; private set; }

    /// <summary>When v2 goes live, in simulated time.</summary>
    public DateTimeOffset ChangeAt => start + TimeSpan.FromHours(options.ChangeAtHour);

    /// <summary>When the traffic ends, in simulated time.</summary>
    public DateTimeOffset End => start + TimeSpan.FromHours(options.Hours);

    /// <summary>How many responses are due by <paramref name="now"/>.</summary>
    public long DueBy(DateTimeOffset now)
    {
        var hours = Math.Clamp((now - start).TotalHours, 0, options.Hours);
        return (long)Math.Floor(hours * options.RatePerHour);
    }

    /// <summary>NDJSON for the next responses up to <paramref name="count"/> in all; empty when none are due.</summary>
    public string NextBatch(long count)
    {
        var body = new StringBuilder();
        using var buffer = new MemoryStream();
        while (Generated < count)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                Write(json, Generated);
            }

            body.Append(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).Append('\n');
            Generated++;
        }

        return body.ToString();
    }

    private void Write(Utf8JsonWriter json, long n)
    {
        var at = start + TimeSpan.FromHours(n / options.RatePerHour);
        var v2 = at >= ChangeAt;
        var hallucination = random.NextDouble() < (v2 ? options.RateAfter : options.RateBefore);
        if (hallucination)
        {
            Hallucinated++;
        }

        var question = Questions[random.Next(Questions.Length)];
        var response = hallucination
            ? $"Your order ships today and every order includes a free gift card worth 50 euros. [[hallucination]] [[accuracy={random.Next(1, 3)}]] [[tone={random.Next(3, 6)}]]"
            : $"Orders ship within 2 business days; you will get a tracking link by email. [[accuracy={random.Next(4, 6)}]] [[tone={random.Next(4, 6)}]]";

        json.WriteStartObject();
        json.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"demo-{n}"));
        json.WriteString("timestamp", at);
        json.WriteString("prompt", question);
        json.WriteString("response", response);
        json.WriteString("context", Context);
        json.WriteString("model", "gpt-4o-mini");
        json.WriteString("prompt_version", v2 ? "v2" : "v1");
        json.WriteString("conversation_id", string.Create(CultureInfo.InvariantCulture, $"conv-{n / 3}"));
        json.WriteEndObject();
    }
}
