using System.Security.Cryptography;
using System.Text;
using QualityWatch.Simulator.Wire;

namespace QualityWatch.Simulator.Gemini;

/// <summary>
/// API-key check as the Gemini API does it: no key is 403 PERMISSION_DENIED, a wrong key is
/// 400 INVALID_ARGUMENT with ErrorInfo reason API_KEY_INVALID (what the real service answers).
/// </summary>
internal static class GeminiAuth
{
    private const string Unregistered =
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.";

    public static WireReply? Check(HttpRequest request, SimulatorOptions options)
    {
        if (string.IsNullOrEmpty(options.GeminiApiKey))
        {
            return null;
        }

        // The header is the documented way; ?key= still appears in Google's own samples.
        var key = request.Headers["x-goog-api-key"].ToString();
        if (key.Length == 0)
        {
            key = request.Query["key"].ToString();
        }

        if (key.Length == 0)
        {
            return GoogleErrors.PermissionDenied(Unregistered);
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(options.GeminiApiKey))
            ? null
            : GoogleErrors.ApiKeyInvalid();
    }
}
