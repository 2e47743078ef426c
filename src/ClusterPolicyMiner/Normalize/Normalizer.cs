namespace ClusterPolicyMiner.Normalize;

/// <summary>Options of the normalisation stage.</summary>
public sealed record NormalizeOptions
{
    /// <summary>OpenCC config: t2s, tw2s or hk2s.</summary>
    public string OpenCcConfig { get; init; } = "t2s";

    /// <summary>Only character-level steps (T→S, widths, pinyin marks): for HTML markup, whose
    /// whitespace is settled after the DOM is read.</summary>
    public bool CharactersOnly { get; init; }
}

/// <summary>The normalised text and the names of the normalisations that changed something.</summary>
public sealed record NormalizeResult(string Text, IReadOnlyList<string> Fired);

/// <summary>Pure text normalisation; idempotent.</summary>
public static class Normalizer
{
    // PLACEHOLDER: replaced by the Normalize implementation.
    public static NormalizeResult Normalize(string text, NormalizeOptions? options = null) => new(text, []);
}
