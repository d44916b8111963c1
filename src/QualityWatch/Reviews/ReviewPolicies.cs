using QualityWatch.Api;

namespace QualityWatch.Reviews;

/// <summary>Authorization policies of the review routes beyond the one-role policies of <see cref="ApiRoles"/>.</summary>
internal static class ReviewPolicies
{
    /// <summary>
    /// The queue: a <c>review</c> key needs it to do its work, and a <c>read</c> key already sees the same redacted
    /// texts and verdicts through <c>GET /v1/samples/{id}</c>, so either role (or <c>admin</c>) may draw.
    /// </summary>
    public const string Queue = "review-queue";
}
