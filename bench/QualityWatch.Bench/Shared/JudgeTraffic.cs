using System.Globalization;
using System.Text;

namespace QualityWatch.Bench.Shared;

/// <summary>
/// Interactions for the judge benchmarks: every one a distinct text (so the simulator can tell a
/// sample judged twice), sized like a support-bot turn (~1.1 KB of context, prompt and response,
/// ~280 tokens), one in 20 carrying the simulator's hallucination marker.
/// </summary>
internal static class JudgeTraffic
{
    public static string Ndjson(string run, int from, int count)
    {
        var text = new StringBuilder(count * 1400);
        for (var i = from; i < from + count; i++)
        {
            var claim = i % 20 == 0 ? " It also comes with a free lifetime warranty. [[hallucination]]" : "";
            text.Append(CultureInfo.InvariantCulture,
                $$$"""{"id":"{{{run}}}-{{{i}}}","prompt":"Hi, I ordered a pair of trail running shoes last week (order {{{i}}}) and the tracking page has not changed for three days. Can you tell me where the parcel is and when it will arrive?","response":"Thanks for waiting. Order {{{i}}} left our warehouse in Leipzig on Monday and is with DHL, who scanned it at their Berlin hub yesterday evening. Parcels from that hub are usually delivered within two working days, so it should reach you by Thursday.{{{claim}}} You can follow it with the tracking number in your confirmation email; if it has not arrived by Friday, reply here and we will send a replacement at no cost.","context":"Order {{{i}}}: 1 x TrailRunner 3 (EU 42), paid 2026-11-16. Shipped 2026-11-23 from Leipzig via DHL Paket, tracking 00340434161094{{{i % 100:00}}}. Last scan 2026-11-24 19:40 Berlin hub. Policy: standard delivery 2-4 working days in Germany; a parcel more than 5 working days late is replaced free of charge. Warranty: 2 years statutory.","model":"gpt-4o-mini","prompt_version":"support-v12","labels":{"dataset":"customer-support-v2"}}""");
            text.Append('\n');
        }

        return text.ToString();
    }
}
