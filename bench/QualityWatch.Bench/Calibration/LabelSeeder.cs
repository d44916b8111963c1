using Dapper;
using Microsoft.Data.Sqlite;

namespace QualityWatch.Bench.Calibration;

/// <summary>
/// Review labels written into a warm-up snapshot, as if reviewers had labelled part of the warm-up day: per judged
/// stratum, the labelled samples' truth drawn at the stratum's truth rate for the simulated judge (PPV and false
/// omission of a true rate under its sensitivity and specificity). Against the judge model and rubric the snapshot's
/// verdicts carry, so the service's calibration reader finds them as the current calibration.
/// </summary>
internal static class LabelSeeder
{
    public static long Seed(string databasePath, int labels, double yesShare, double ppv, double falseOmission, int seed)
    {
        var random = new Random(seed);
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        var (stream, judgeModel, rubric) = connection.QuerySingle<(string, string, string)>(
            "SELECT s.stream, v.judge_model, v.rubric_version FROM verdicts v JOIN samples s ON s.interaction_id = v.interaction_id ORDER BY v.judged_at DESC LIMIT 1;");
        var at = connection.ExecuteScalar<long>("SELECT MAX(judged_at) FROM verdicts;");
        using var transaction = connection.BeginTransaction();
        var yes = (int)Math.Round(labels * yesShare);
        for (var i = 0; i < labels; i++)
        {
            var judged = i < yes ? 1 : 0;
            var truth = random.NextDouble() < (judged == 1 ? ppv : falseOmission) ? 1 : 0;
            connection.Execute(
                """
                INSERT INTO review_labels (interaction_id, reviewer, stream, hallucination, judged_hallucination, judge_model, rubric_version, version, created_at, updated_at)
                VALUES (@id, 'bench', @stream, @truth, @judged, @judgeModel, @rubric, 1, @at, @at);
                """,
                new { id = $"bench-label-{i}", stream, truth, judged, judgeModel, rubric, at },
                transaction);
        }

        transaction.Commit();
        return labels;
    }
}
