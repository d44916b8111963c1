using Microsoft.Extensions.Options;
using QualityWatch.Hosting;
using QualityWatch.Signing;

namespace QualityWatch.Backfill.Batch.Webhooks;

internal sealed class GeminiWebhookOptionsValidator : IValidateOptions<GeminiWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, GeminiWebhookOptions options)
    {
        var errors = new List<string>();

        // The secret's value never appears in a message: only what is wrong with it.
        if (options.Enabled && string.IsNullOrEmpty(options.Secret))
        {
            errors.Add("Batch:Webhook:Secret is required when Batch:Webhook:Enabled is true.");
        }
        else if (options.Enabled && (!options.Secret!.StartsWith(WebhookSigner.SecretPrefix, StringComparison.Ordinal) || WebhookSigner.KeyOf(options.Secret) is not { Length: >= 16 }))
        {
            errors.Add("Batch:Webhook:Secret must be 'whsec_' followed by base64 of at least 16 bytes.");
        }

        OptionRange.Check(errors, "Batch:Webhook:Tolerance", options.Tolerance, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));

        OptionRange.Check(errors, "Batch:Webhook:MaxBodyBytes", options.MaxBodyBytes, 1024, 16 * 1024 * 1024);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
