using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace QualityWatch.Simulator.Verdicts;

/// <summary>
/// Turns the true verdict (the markers) into the one a fallible judge gives. Every draw is a hash of
/// the seed, the judge model and the judged text, not a shared random stream: the answer for a text is
/// the same however requests interleave, on a retry, and in a rerun, as a temperature-0 judge would be.
/// </summary>
public sealed class ErringJudge(JudgeErrorOptions options)
{
    /// <summary>The judge model's answer for a text whose true verdict is <paramref name="truth"/>.</summary>
    public Verdict Answer(Verdict truth, string model, string userText)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var (sensitivity, specificity, noise) = options.For(model);
        var hallucination = truth.Hallucination
            ? Draw(model, userText, "hallucination") < sensitivity
            : Draw(model, userText, "hallucination") >= specificity;
        var accuracy = Noisy(truth.Accuracy, noise, model, userText, "accuracy");
        var tone = Noisy(truth.Tone, noise, model, userText, "tone");
        if (hallucination == truth.Hallucination && accuracy == truth.Accuracy && tone == truth.Tone)
        {
            return truth;
        }

        IReadOnlyList<string> claims = hallucination == truth.Hallucination
            ? truth.UnsupportedClaims
            : hallucination ? [VerdictMarkers.LastSentence(userText)] : [];
        return new Verdict(accuracy, tone, hallucination, claims, VerdictMarkers.Reason(accuracy, tone, hallucination));
    }

    private int Noisy(int score, double noise, string model, string text, string what)
    {
        if (noise <= 0)
        {
            return score;
        }

        // Box–Muller from two independent uniforms; 1 - u keeps the logarithm finite.
        var u1 = 1 - Draw(model, text, what + ".1");
        var u2 = Draw(model, text, what + ".2");
        var gaussian = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Clamp((int)Math.Round(score + (noise * gaussian), MidpointRounding.AwayFromZero), 1, 5);
    }

    /// <summary>A uniform draw in [0, 1) fixed by seed, model, text and purpose.</summary>
    private double Draw(string model, string text, string purpose)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{options.Seed}\n{model}\n{purpose}\n{text}"));
        return (BinaryPrimitives.ReadUInt64LittleEndian(digest) >> 11) * (1.0 / (1UL << 53));
    }
}
