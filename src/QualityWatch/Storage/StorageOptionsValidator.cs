using Microsoft.Extensions.Options;

namespace QualityWatch.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            errors.Add("Storage:DatabasePath is required (a file path, e.g. data/qualitywatch.db).");
        }
        else if (options.DatabasePath.Contains(';', StringComparison.Ordinal))
        {
            errors.Add($"Storage:DatabasePath must be a plain file path without ';', was '{options.DatabasePath}'.");
        }

        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"Storage:BusyTimeout must be between 00:00:00.001 and 00:05:00, was {options.BusyTimeout}.");
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            errors.Add($"Storage:Synchronous must be Normal or Full, was {options.Synchronous}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
