namespace QualityWatch.Redaction;

/// <summary>The ISO 13616 / ISO 7064 mod-97-10 check of an IBAN.</summary>
internal static class IbanChecksum
{
    /// <summary>
    /// True when <paramref name="iban"/> (upper-case letters and digits, no spaces) passes:
    /// move the first four characters to the end, read letters as 10..35, and the number mod 97 is 1.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }
}
