using QualityWatch.Calibration;

namespace QualityWatch.Tests.Calibration;

/// <summary>How several reviewers' labels of one sample become one.</summary>
public sealed class LabelVotesTests
{
    [Fact]
    public void Combine_CountsASampleOncePerJudgeModel_ByTheMajorityOfItsLabels()
    {
        LabelRecord[] labels =
        [
            Label("s1", yes: false, judged: true, at: 1), Label("s1", yes: true, judged: true, at: 2), Label("s1", yes: true, judged: true, at: 3),
            Label("s2", yes: true, judged: false, at: 4),
            Label("s3", yes: true, judged: false, at: 5, model: "judge-b"), Label("s3", yes: false, judged: false, at: 6),
        ];

        var combined = LabelVotes.Combine(labels);

        var a = combined[("judge-a", "v1")];
        Assert.Equal(1, a.Counts.TruePositives);
        Assert.Equal(1, a.Counts.FalseNegatives);
        Assert.Equal(1, a.Counts.TrueNegatives);
        Assert.Equal(3, a.Counts.Total);
        Assert.Equal(1, a.Since);

        // s3's two labels tie; the newer one (no) is the truth, also for judge-b's calibration.
        var b = combined[("judge-b", "v1")];
        Assert.Equal(1, b.Counts.TrueNegatives);
        Assert.Equal(1, b.Counts.Total);
        Assert.Equal(5, b.Since);
    }

    [Fact]
    public void Truth_Tie_GoesToTheLabelChangedLast()
    {
        Assert.True(LabelVotes.Truth([Label("s", yes: false, judged: true, at: 1), Label("s", yes: true, judged: true, at: 2)]));
        Assert.False(LabelVotes.Truth([Label("s", yes: false, judged: true, at: 9), Label("s", yes: true, judged: true, at: 2)]));
    }

    private static LabelRecord Label(string id, bool yes, bool judged, long at, string model = "judge-a") => new()
    {
        InteractionId = id,
        Hallucination = yes ? 1 : 0,
        JudgedHallucination = judged ? 1 : 0,
        JudgeModel = model,
        RubricVersion = "v1",
        CreatedAt = at,
        UpdatedAt = at,
    };
}
