using Microsoft.Extensions.Options;

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

        Range(errors, "Judge:RequestsPerMinute", o.RequestsPerMinute, 1, 1_000_000);
        Range(errors, "Judge:TokensPerMinute", o.TokensPerMinute, 0, int.MaxValue);
        Range(errors, "Judge:MaxConcurrency", o.MaxConcurrency, 1, 1024);
        Range(errors, "Judge:MaxRetries", o.MaxRetries, 0, 20);
        Range(errors, "Judge:MaxAttempts", o.MaxAttempts, 1, 100);
        Range(errors, "Judge:Cache:MinTokens", o.Cache.MinTokens, 0, 10_000_000);
        Positive(errors, "Judge:RequestTimeout", o.RequestTimeout);
        Positive(errors, "Judge:PollInterval", o.PollInterval);
        Positive(errors, "Judge:AttemptBackoff", o.AttemptBackoff);
        Positive(errors, "Judge:Cache:Ttl", o.Cache.Ttl);
        Positive(errors, "Judge:HeartbeatInterval", o.HeartbeatInterval);
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

    private static void Range(List<string> errors, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} must be between {min} and {max}, was {value}.");
        }
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be a positive duration, was {value}.");
        }
    }
}
