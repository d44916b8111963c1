using System.Security.Cryptography;
using System.Text;

namespace QualityWatch.Simulator.Stats;

/// <summary>A digest standing in for a judged text, so the stats count distinct samples without keeping their text.</summary>
internal static class TextKey
{
    public static string Of(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
