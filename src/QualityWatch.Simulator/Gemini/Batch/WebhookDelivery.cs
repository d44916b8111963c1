namespace QualityWatch.Simulator.Gemini.Batch;

/// <summary>One webhook the simulator sent, exactly as sent, and the receiver's answer (null: no answer).</summary>
public sealed record WebhookDelivery(string Type, string Id, string Timestamp, string Signature, string Body, int? Status);
