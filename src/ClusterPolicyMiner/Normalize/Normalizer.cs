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
/// <remarks>
/// The steps run in this order, and <see cref="NormalizeResult.Fired"/> names those that changed something
/// in the same order: <c>width</c>, <c>pinyin-annotations</c>; then, unless
/// <see cref="NormalizeOptions.CharactersOnly"/>, the layout steps <c>special-spaces</c>,
/// <c>line-whitespace</c>, <c>flattened-paragraphs</c>, <c>cjk-spacing</c>, <c>number-unit-spacing</c>,
/// <c>wrapped-lines</c> (rules in <see cref="LineLayout"/>); then the OpenCC config's name (<c>t2s</c>,
/// <c>tw2s</c> or <c>hk2s</c>) and <c>doc-number-brackets</c>.
/// Widths go first so that full-width digits meet the number rules; pinyin marks go before the layout and
/// take the spaces before them along, so that no space the layout removes can bring a mark next to its
/// character on a second run; T→S goes after both, so OpenCC's phrases see words whole
/// (特色產 業 → 產業 → 产业) and never an annotation.
/// Layout output ends with a line break when it is not empty.
/// </remarks>
public static class Normalizer
{
    /// <summary>Normalises <paramref name="text"/>; never throws on any input.</summary>
    public static NormalizeResult Normalize(string text, NormalizeOptions? options = null)
    {
        options ??= new NormalizeOptions();
        var converter = OpenCcConverter.Get(options.OpenCcConfig);
        var fired = new List<string>();

        text = Characters(fired, text, options);
        if (!options.CharactersOnly)
            text = Join(LinesStep(fired, "wrapped-lines", LayoutLines(fired, text), LineLayout.WrappedLines));
        text = Finish(fired, converter, text);
        return new NormalizeResult(text, fired);
    }

    /// <summary>The character steps that go before the layout: widths and pinyin marks.</summary>
    internal static string Characters(List<string> fired, string text, NormalizeOptions options)
    {
        text = Step(fired, "width", text, CharacterSteps.Width);
        return Step(fired, "pinyin-annotations", text,
            t => CharacterSteps.PinyinAnnotations(t, acrossLineBreak: !options.CharactersOnly));
    }

    /// <summary>The steps that go after the layout: T→S and document-number brackets.</summary>
    internal static string Finish(List<string> fired, OpenCcConverter converter, string text)
    {
        text = Step(fired, converter.Config, text, t => ToFixpoint(converter, t));
        return Step(fired, "doc-number-brackets", text, CharacterSteps.DocNumberBrackets);
    }

    /// <summary>The layout's text: its lines joined, ending with a line break when there is any.</summary>
    internal static string Join(IReadOnlyList<string> lines) => lines.Count == 0 ? "" : string.Join('\n', lines) + "\n";

    /// <summary>OpenCC's t2s is not idempotent on its own dictionaries (TSCharacters maps 薴 to 苧 and 苧 to
    /// 苎), so the normaliser converts until nothing changes; it stops after a few passes whatever happens.</summary>
    private static string ToFixpoint(OpenCcConverter converter, string text)
    {
        for (var pass = 0; pass < 4; pass++)
        {
            var next = converter.Convert(text);
            if (string.Equals(next, text, StringComparison.Ordinal)) return text;
            text = next;
        }
        return text;
    }

    /// <summary>The layout steps up to <c>wrapped-lines</c>, the one step that reads facts from the whole text
    /// (<see cref="LayoutFacts"/>); each of these decides from one line alone.</summary>
    internal static IReadOnlyList<string> LayoutLines(List<string> fired, string text)
    {
        text = Step(fired, "special-spaces", text, LineLayout.SpecialSpaces);
        var original = LineLayout.Lines(text);
        if (original.Count > 0 && original[^1].Length == 0) original = original.Take(original.Count - 1).ToList();
        var lines = LineLayout.LineWhitespace(original);
        if (text.Contains('\r') || !lines.SequenceEqual(original, StringComparer.Ordinal)) fired.Add("line-whitespace");
        lines = LinesStep(fired, "flattened-paragraphs", lines, LineLayout.FlattenedParagraphs);
        lines = LinesStep(fired, "cjk-spacing", lines, LineLayout.CjkSpacing);
        return LinesStep(fired, "number-unit-spacing", lines, LineLayout.NumberUnitSpacing);
    }

    private static string Step(List<string> fired, string name, string text, Func<string, string> step)
    {
        var result = step(text);
        if (!string.Equals(result, text, StringComparison.Ordinal)) fired.Add(name);
        return result;
    }

    private static IReadOnlyList<string> LinesStep(List<string> fired, string name, IReadOnlyList<string> lines,
        Func<IReadOnlyList<string>, IReadOnlyList<string>> step)
    {
        var result = step(lines);
        if (!ReferenceEquals(result, lines) && !result.SequenceEqual(lines, StringComparer.Ordinal)) fired.Add(name);
        return result;
    }
}
