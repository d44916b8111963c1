using System.Net;
using QualityWatch.Judging;

namespace QualityWatch.Tests.Judging;

public sealed class RetryAdviceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Delay_GeminiRetryInfoInTheBody_IsHonoured()
    {
        const string body = """
            {"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"quota","details":[
              {"@type":"type.googleapis.com/google.rpc.Help","links":[]},
              {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"12.5s"}]}}
            """;
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.FromSeconds(12.5), RetryAdvice.Delay(response, body, Now));
        Assert.False(RetryAdvice.IsDailyQuota(body));
    }

    [Fact]
    public void Delay_RetryAfterHeaders_WinOverTheBody()
    {
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "7");
        using var millis = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        millis.Headers.TryAddWithoutValidation("retry-after-ms", "250");
        millis.Headers.TryAddWithoutValidation("Retry-After", "7");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.TryAddWithoutValidation("Retry-After", Now.AddSeconds(30).ToString("R"));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAdvice.Delay(seconds, "{}", Now));
        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryAdvice.Delay(millis, "{}", Now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAdvice.Delay(date, null, Now));
    }

    [Fact]
    public void Delay_NoAdvice_IsNullAndAHugeOneIsCapped()
    {
        using var none = new HttpResponseMessage(HttpStatusCode.InternalServerError);
        using var huge = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        huge.Headers.TryAddWithoutValidation("Retry-After", "86400");

        Assert.Null(RetryAdvice.Delay(none, "<html>oops</html>", Now));
        Assert.Equal(TimeSpan.FromMinutes(10), RetryAdvice.Delay(huge, null, Now));
    }

    [Theory]
    [InlineData("""{"error":{"details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel"}]}]}}""", true)]
    [InlineData("""{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}""", true)]
    [InlineData("""{"error":{"details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateContentPaidTierInputTokensPerModelPerMinute"}]}]}}""", false)]
    public void IsDailyQuota_TellsDailyFromPerMinute(string body, bool daily) => Assert.Equal(daily, RetryAdvice.IsDailyQuota(body));
}
