namespace ClusterPolicyMiner.Normalize.OpenCC;

/// <summary>One OpenCC config: its dictionaries (names of the <c>.ocd2</c> files without the extension) per
/// step. A step is a group of dictionaries tried in order (<c>short_circuit</c>); a single dictionary is a
/// group of one.</summary>
internal sealed record OpenCcConfig(
    string Name,
    IReadOnlyList<IReadOnlyList<string>> Normalization,
    IReadOnlyList<string>? Segmentation,
    IReadOnlyList<IReadOnlyList<string>> Chain);

/// <summary>The configs t2s, tw2s and hk2s as their JSON files (embedded beside this file) define them,
/// written out so that loading a converter reads no JSON; a test checks this table against the files.</summary>
internal static class OpenCcConfigs
{
    private static readonly string[] Normalization = ["CJK_Compatibility_Ideographs"];
    private static readonly string[] TraditionalToSimplified = ["TSPhrases", "TSCharactersExt", "TSCharacters"];

    public static IReadOnlyList<OpenCcConfig> All { get; } =
    [
        new("hk2s", [Normalization], ["TSPhrases"], [["HKVariantsRevPhrases", "HKVariantsRev"], TraditionalToSimplified]),
        new("t2s", [Normalization], null, [TraditionalToSimplified]),
        new("tw2s", [Normalization], ["TSPhrases"], [["TWVariantsRevPhrases", "TWVariantsRev"], TraditionalToSimplified]),
    ];
}
