using QualityWatch.Simulator.Faults;
using QualityWatch.Simulator.Stats;
using QualityWatch.Simulator.Verdicts;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Judging;

/// <summary>
/// The part of a judge request both protocols share: pick the fault, wait, answer or fail in the
/// provider's own words (the delegates), and record exactly what the client got.
/// </summary>
internal sealed class JudgeResponder(SimulatorFaults faults, ErringJudge judge, SimulatorStats stats, RequestWaits waits, ILogger<JudgeResponder> logger)
{
    public async Task RespondAsync(HttpContext context, JudgeCall call, Func<FaultDecision, WireReply> fail, Func<string, JudgeAnswer> answer)
    {
        var decision = faults.Decide(call.TierServed, call.Flex);
        if (decision.Kind != FaultKind.None)
        {
            Log.FaultInjected(logger, decision.Kind, decision.Cause, call.Model, call.TierServed);
        }

        switch (decision.Kind)
        {
            case FaultKind.Hang:
                Record(call, 0, 0, decision);
                await waits.HangAsync(context);
                Log.Unanswered(logger, call.Model);
                return;
            case FaultKind.TooManyRequests or FaultKind.DailyQuotaExhausted:
                // Quota refusals come from the front door, before any model time is spent.
                await SendAsync(context, call, fail(decision), 0, decision);
                return;
            case FaultKind.ServiceUnavailable or FaultKind.InternalError:
                if (await waits.DelayAsync(context, decision.Latency))
                {
                    await SendAsync(context, call, fail(decision), 0, decision);
                }

                return;
        }

        var truth = VerdictMarkers.Read(call.UserText);
        var verdict = judge.Answer(truth, call.Model, call.UserText);
        var text = decision.Kind switch
        {
            FaultKind.MalformedReply => VerdictText.Malformed(verdict),
            FaultKind.WrongShapeVerdict => VerdictText.WrongShape(verdict, decision.JudgeError),
            _ => VerdictText.Of(verdict),
        };
        var reply = answer(text);
        if (!await waits.DelayAsync(context, decision.Latency))
        {
            Record(call, 0, 0, decision);
            Log.Unanswered(logger, call.Model);
            return;
        }

        Log.Answered(logger, call.Model, call.TierServed, call.PromptTokens, reply.CachedTokens);
        if (decision.Kind == FaultKind.None)
        {
            stats.Judged(new JudgedTruth(TextKey.Of(call.UserText), call.Model, truth.Hallucination, verdict.Hallucination));
        }

        await SendAsync(context, call, reply.Reply, reply.CachedTokens, decision, TextKey.Of(call.UserText));
    }

    /// <summary>Answers a request refused before it reached the "model" (auth, validation, unknown cache).</summary>
    public async Task RejectAsync(HttpContext context, EndpointKind kind, DateTimeOffset arrived, string model, string? tier, WireReply reply)
    {
        Log.Rejected(logger, kind.ToString(), reply.StatusCode);
        stats.Answered(new RequestRecord(arrived, kind, model, tier, null, reply.StatusCode, 0, 0, null, FaultKind.None, FaultCause.None), null);
        await reply.WriteAsync(context, context.RequestAborted);
    }

    private async Task SendAsync(HttpContext context, JudgeCall call, WireReply reply, int cachedTokens, FaultDecision decision, string? judged = null)
    {
        Record(call, reply.StatusCode, cachedTokens, decision, judged);
        await reply.WriteAsync(context, context.RequestAborted);
    }

    private void Record(JudgeCall call, int status, int cachedTokens, FaultDecision decision, string? judged = null) =>
        stats.Answered(
            new RequestRecord(call.Arrived, call.Kind, call.Model, call.TierRequested, call.TierServed, status, call.PromptTokens,
                cachedTokens, call.CachedContent, decision.Kind, decision.Cause),
            judged);
}
