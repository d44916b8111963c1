namespace QualityWatch.Redaction;

/// <summary>The Luhn (mod 10) checksum that every payment card number satisfies.</summary>
internal static class Luhn
{
    /// <summary>True when the ASCII digits in <paramref name="digits"/> pass the check.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}
