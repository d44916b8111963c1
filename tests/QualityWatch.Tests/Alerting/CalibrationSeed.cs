using Dapper;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Alerting;

/// <summary>Review labels written straight into <c>review_labels</c>, as the review API stores them, against AlertSeed's judge.</summary>
internal static class CalibrationSeed
{
    private const string LabelSql =
        """
        INSERT INTO review_labels (interaction_id, reviewer, stream, hallucination, judged_hallucination, judge_model, rubric_version, version, created_at, updated_at)
        VALUES (@Id, 'alice', @stream, @truth, @judged, 'judge', 'v1', 1, @at, @at);
        """;

    /// <summary>
    /// 500 labels per judged stratum at the truth rates of a judge with sensitivity 0.85 and specificity 0.96 on a 2%
    /// stream (PPV 0.302, false omission 0.0032), as <c>CorrectedRateTests</c> uses them.
    /// </summary>
    public static void IssueJudge(string databasePath, DateTimeOffset at, string stream = "default") =>
        Labels(databasePath, at, stream, truePositives: 151, falsePositives: 349, trueNegatives: 498, falseNegatives: 2);

    public static void Labels(string databasePath, DateTimeOffset at, string stream, int truePositives, int falsePositives, int trueNegatives, int falseNegatives)
    {
        using var connection = Db.Open(databasePath);
        using var transaction = connection.BeginTransaction();
        foreach (var (count, judged, truth) in new[] { (truePositives, 1, 1), (falsePositives, 1, 0), (trueNegatives, 0, 0), (falseNegatives, 0, 1) })
        {
            for (var i = 0; i < count; i++)
            {
                connection.Execute(LabelSql, new { Id = Some.Id(), stream, truth, judged, at = at.ToUnixTimeMilliseconds() }, transaction);
            }
        }

        transaction.Commit();
    }
}
