using System.Text;
using QualityWatch.Ingestion;

namespace QualityWatch.Tests.Ingestion;

/// <summary>The body splitter alone: the three forms, positions, per-item errors and the whole-body refusals.</summary>
public sealed class InteractionBodyParserTests
{
    private const string Item = """{"id":"a","prompt":"p","response":"r"}""";

    [Fact]
    public void Object_IsOneItemAtPositionZero()
    {
        var body = Parse(Item);

        Assert.Null(body.Failure);
        Assert.Equal(BodyShape.Object, body.Shape);
        var item = Assert.Single(body.Items);
        Assert.Equal((0, "a"), (item.Position, item.Wire!.Id));
    }

    [Fact]
    public void Array_KeepsGoodItems_AndRejectsANonObjectByItsIndex()
    {
        var body = Parse($"[{Item}, 42, {Item.Replace("\"a\"", "\"b\"", StringComparison.Ordinal)}]");

        Assert.Equal(BodyShape.Array, body.Shape);
        Assert.Equal([0, 1, 2], body.Items.Select(i => i.Position));
        Assert.Equal("b", body.Items[2].Wire!.Id);
        Assert.Null(body.Items[1].Wire);
        Assert.Contains("must be a JSON object", body.Items[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ndjson_SkipsBlankLines_NumbersLinesFromOne_AndRejectsABrokenLineAlone()
    {
        var body = Parse($"\uFEFF{Item}\r\n\n   \n{{broken\n{Item}", ndjson: true);

        Assert.Equal(BodyShape.Ndjson, body.Shape);
        Assert.Equal([1, 4, 5], body.Items.Select(i => i.Position));
        Assert.NotNull(body.Items[0].Wire);
        Assert.StartsWith("invalid JSON", body.Items[1].Error, StringComparison.Ordinal);
        Assert.NotNull(body.Items[2].Wire);
    }

    [Theory]
    [InlineData("", false, "empty_body")]
    [InlineData(" \r\n\t", true, "empty_body")]
    [InlineData("{\"id\":", false, "malformed_json")]
    [InlineData("\"just a string\"", false, "malformed_json")]
    public void UnreadableBody_IsRefusedWhole(string text, bool ndjson, string error)
    {
        var body = Parse(text, ndjson);

        Assert.Equal(400, body.FailureStatus);
        Assert.Equal(error, body.Failure!.Error);
        Assert.Empty(body.Items);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MoreItemsThanTheLimit_AreRefusedWholeWithTheirCount(bool ndjson)
    {
        var items = Enumerable.Repeat(Item, 4);
        var body = Parse(ndjson ? string.Join('\n', items) : $"[{string.Join(',', items)}]", ndjson, maxItems: 3);

        Assert.Equal(413, body.FailureStatus);
        Assert.Equal("too_many_interactions", body.Failure!.Error);
        Assert.Contains("4", body.Failure.Message, StringComparison.Ordinal);
    }

    private static ParsedBody Parse(string text, bool ndjson = false, int maxItems = 100) =>
        InteractionBodyParser.Parse(Encoding.UTF8.GetBytes(text), ndjson, maxItems);
}
