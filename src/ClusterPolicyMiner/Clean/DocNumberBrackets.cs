using System.Text.RegularExpressions;

namespace ClusterPolicyMiner.Clean;

/// <summary>Document numbers are written with every kind of bracket around the year (﹝2024﹞, [2024], 【2024】,
/// （2024）, 〔2024〕); in the clean text (before any offset is taken) they all become 〔〕.</summary>
internal static partial class DocNumberBrackets
{
    public static string Normalize(string text) =>
        text.AsSpan().IndexOfAny("﹝[［【(（") < 0 ? text : NumberRegex().Replace(text, m => $"〔{m.Groups["year"].Value}〕");

    /// <summary>A year in brackets between an issuer's abbreviation and 第N号 / N号.</summary>
    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}A-Za-z]\s?)[﹝\[［【(（]\s?(?<year>(?:19|20)\d{2})\s?[﹞\]］】)）](?=\s?第?\s?\d{1,5}\s?号)")]
    private static partial Regex NumberRegex();
}
