using System.Net;
using System.Text;
using QualityWatch.Judging;

namespace QualityWatch.Tests.Judging.Wire;

public sealed class JudgeHttpTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Failure_GeminiRateLimit_IsRateLimitedWithStatusMessageAndTheRetryInfoDelay()
    {
        var outcome = await FailureAsync(HttpStatusCode.TooManyRequests, WireFixture.Read("gemini-error-429.json"));

        Assert.Equal(JudgeFailureKind.RateLimited, outcome.Failure);
        Assert.Equal("HTTP 429 RESOURCE_EXHAUSTED: You exceeded your current quota, please check your plan and billing details.", outcome.Error);
        Assert.Equal(TimeSpan.FromSeconds(58), outcome.RetryAfter);
    }

    [Fact]
    public async Task Failure_OpenAiInsufficientQuota_IsADailyQuotaSummarisedByItsCode()
    {
        var outcome = await FailureAsync(HttpStatusCode.TooManyRequests, WireFixture.Read("openai-error-429.json"));

        Assert.Equal(JudgeFailureKind.DailyQuota, outcome.Failure);
        Assert.Equal("HTTP 429 insufficient_quota: You exceeded your current quota, please check your plan and billing details.", outcome.Error);
        Assert.Null(outcome.RetryAfter);
    }

    [Fact]
    public async Task Failure_NumericCodeWithoutStatus_IsSummarisedByTheNumber()
    {
        var outcome = await FailureAsync(HttpStatusCode.BadRequest, """{"error":{"code":400,"message":"bad schema"}}""");

        Assert.Equal(JudgeFailureKind.Rejected, outcome.Failure);
        Assert.Equal("HTTP 400 400: bad schema", outcome.Error);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    [InlineData("""{"error":"upstream timed out"}""")]
    public async Task Failure_BodyThatIsNoErrorObject_IsTheStatusAlone(string body)
    {
        var outcome = await FailureAsync(HttpStatusCode.BadGateway, body);

        Assert.Equal(JudgeFailureKind.Transient, outcome.Failure);
        Assert.Equal("HTTP 502", outcome.Error);
    }

    private static async Task<JudgeOutcome> FailureAsync(HttpStatusCode status, string body)
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        return await JudgeHttp.FailureAsync(response, Now, CancellationToken.None);
    }
}
