using QualityWatch.Judging;

namespace QualityWatch.Tests.Judging;

public sealed class VerdictParserTests
{
    [Fact]
    public void TryParse_CompleteVerdict_ReadsEveryField()
    {
        const string reply = """{"accuracy":2,"tone":4,"hallucination":true,"unsupported_claims":["yearly discount"],"reason":"Invented discount."}""";

        Assert.True(VerdictParser.TryParse(reply, out var verdict, out var error), error);
        Assert.Equal(new Verdict(2, 4, true, verdict!.UnsupportedClaims, "Invented discount."), verdict);
        Assert.Equal(["yearly discount"], verdict.UnsupportedClaims);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("""{"tone":4,"hallucination":false,"unsupported_claims":[],"reason":"r"}""", "integer 'accuracy'")]
    [InlineData("""{"accuracy":6,"tone":4,"hallucination":false,"unsupported_claims":[],"reason":"r"}""", "'accuracy' is 6, outside 1-5")]
    [InlineData("""{"accuracy":5,"tone":0,"hallucination":false,"unsupported_claims":[],"reason":"r"}""", "'tone' is 0")]
    [InlineData("""{"accuracy":5,"tone":5,"hallucination":"no","unsupported_claims":[],"reason":"r"}""", "boolean 'hallucination'")]
    [InlineData("""{"accuracy":5,"tone":5,"hallucination":false,"unsupported_claims":[1],"reason":"r"}""", "'unsupported_claims'")]
    [InlineData("""{"accuracy":5,"tone":5,"hallucination":false,"unsupported_claims":[]}""", "string 'reason'")]
    [InlineData("", "empty")]
    public void TryParse_BadReply_IsAJudgeErrorNamingTheProblem(string reply, string expected)
    {
        Assert.False(VerdictParser.TryParse(reply, out var verdict, out var error));
        Assert.Null(verdict);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
