using Microsoft.Extensions.Options;
using QualityWatch.Hosting;

namespace QualityWatch.Judging;

internal sealed class JudgeOptionsValidator : IValidateOptions<JudgeOptions>
{
    public ValidateOptionsResult Validate(string? name, JudgeOptions o)
    {
        var errors = new List<string>();
        if (o.Provider is not (JudgeProviders.Gemini or JudgeProviders.OpenAi))
        {
            errors.Add($"Judge:Provider must be gemini or openai, was '{o.Provider}'.");
        }

        if (o.BaseUrl is { IsAbsoluteUri: false } || o.BaseUrl is { Scheme: not ("http" or "https") })
        {
            errors.Add($"Judge:BaseUrl must be an absolute http(s) URL, was '{o.BaseUrl}'.");
        }

        if (!JudgeTiers.IsKnown(o.ServiceTier))
        {
            errors.Add($"Judge:ServiceTier must be flex, standard or priority, was '{o.ServiceTier}'.");
        }

        if (!Rubric.Shipped.Contains(o.Rubric, StringComparer.Ordinal))
        {
            errors.Add($"Judge:Rubric must be one of the rubrics built into this QualityWatch ({string.Join(", ", Rubric.Shipped)}), was '{o.Rubric}'.");
        }

        OptionRange.Check(errors, "Judge:RequestsPerMinute", o.RequestsPerMinute, 1, 1_000_000);
        OptionRange.Check(errors, "Judge:TokensPerMinute", o.TokensPerMinute, 0, int.MaxValue);
        OptionRange.Check(errors, "Judge:MaxConcurrency", o.MaxConcurrency, 1, 1024);
        OptionRange.Check(errors, "Judge:MaxRetries", o.MaxRetries, 0, 20);
        OptionRange.Check(errors, "Judge:MaxAttempts", o.MaxAttempts, 1, 100);
        OptionRange.Check(errors, "Judge:Cache:MinTokens", o.Cache.MinTokens, 0, 10_000_000);
        OptionRange.Positive(errors, "Judge:RequestTimeout", o.RequestTimeout);
        OptionRange.Positive(errors, "Judge:PollInterval", o.PollInterval);
        OptionRange.Positive(errors, "Judge:AttemptBackoff", o.AttemptBackoff);
        OptionRange.Positive(errors, "Judge:Cache:Ttl", o.Cache.Ttl);
        OptionRange.Positive(errors, "Judge:HeartbeatInterval", o.HeartbeatInterval);
        if (o.OwnerTimeout < 2 * o.HeartbeatInterval)
        {
            errors.Add($"Judge:OwnerTimeout must be at least twice Judge:HeartbeatInterval ({o.HeartbeatInterval}), was {o.OwnerTimeout}.");
        }

        if (o.Cache.RefreshBefore <= TimeSpan.Zero || o.Cache.RefreshBefore >= o.Cache.Ttl)
        {
            errors.Add($"Judge:Cache:RefreshBefore must be positive and shorter than Judge:Cache:Ttl ({o.Cache.Ttl}), was {o.Cache.RefreshBefore}.");
        }

        if (o.LeaseDuration is { } lease && lease <= o.RequestTimeout)
        {
            errors.Add($"Judge:LeaseDuration must be longer than Judge:RequestTimeout ({o.RequestTimeout}), was {lease}.");
        }

        if (o.FallbackToStandardAfter is { } fallback && fallback < TimeSpan.Zero)
        {
            errors.Add($"Judge:FallbackToStandardAfter must not be negative, was {fallback}.");
        }

        foreach (var (model, price) in o.Prices)
        {
            if (price.InputPerMillion < 0 || price.CachedInputPerMillion < 0 || price.OutputPerMillion < 0)
            {
                errors.Add($"Judge:Prices:{model} prices must not be negative.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
