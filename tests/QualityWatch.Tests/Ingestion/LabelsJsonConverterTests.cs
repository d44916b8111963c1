using System.Text;
using System.Text.Json;
using QualityWatch.Ingestion;

namespace QualityWatch.Tests.Ingestion;

/// <summary>
/// An NDJSON line's labels are read by a value converter instead of the serializer's dictionary converter: the same
/// dictionaries and the same refusals, without the serializer's nested frame stack allocated per line.
/// </summary>
public sealed class LabelsJsonConverterTests
{
    private const string Head = "{\"id\":\"a\",\"prompt\":\"p\",\"response\":\"r\",\"model\":\"m\",\"prompt_version\":\"v1\"";

    [Theory]
    [InlineData("""{"dataset":"customer-support-v2"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"a":"1","b":"2","a":"3"}""")]
    [InlineData("""{"with \"escape\" \u00e9":"caf\u00e9","empty":""}""")]
    [InlineData("""{"nothing":null}""")]
    public void Read_GivesTheBuiltInConvertersDictionary(string labels)
    {
        var builtIn = JsonSerializer.Deserialize(labels, IngestJsonContext.Default.DictionaryStringString)!;

        var wire = Line($"{Head},\"labels\":{labels}}}").Wire!;

        Assert.Equal(builtIn.OrderBy(p => p.Key, StringComparer.Ordinal), wire.Labels!.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"n":1}""")]
    [InlineData("""{"t":true}""")]
    [InlineData("""{"o":{"x":"y"}}""")]
    [InlineData("""{"a":["x"]}""")]
    [InlineData("""["x"]""")]
    [InlineData("\"x\"")]
    [InlineData("7")]
    public void Read_RefusesWhatTheBuiltInConverterRefuses_AsThatLinesError(string labels)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(labels, IngestJsonContext.Default.DictionaryStringString));

        var item = Line($"{Head},\"labels\":{labels}}}");

        Assert.Null(item.Wire);
        Assert.StartsWith("invalid JSON", item.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NullLabels_AreNoLabels()
    {
        Assert.Null(Line($"{Head},\"labels\":null}}").Wire!.Labels);
    }

    [Fact]
    public void Read_ALineWithLabels_AllocatesLittleMoreThanItsDictionary()
    {
        var without = Encoding.UTF8.GetBytes(Head + "}");
        var with = Encoding.UTF8.GetBytes(Head + ""","labels":{"dataset":"customer-support-v2"}}""");
        var dictionary = Allocated(() => new Dictionary<string, string> { ["dataset"] = "customer-support-v2" });

        var extra = Allocated(() => InteractionBodyParser.ReadLine(with, 1)) - Allocated(() => InteractionBodyParser.ReadLine(without, 1));

        // The dictionary and its two strings; the serializer's own frame stack for a nested object would add ~500 bytes.
        Assert.True(extra < dictionary + 250, $"a line with one label allocated {extra} bytes more than one without; the dictionary alone is {dictionary}");
    }

    private static ParsedItem Line(string json) => InteractionBodyParser.ReadLine(Encoding.UTF8.GetBytes(json), 1);

    private static long Allocated<T>(Func<T> work)
    {
        for (var i = 0; i < 3; i++)
        {
            GC.KeepAlive(work());
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(work());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
