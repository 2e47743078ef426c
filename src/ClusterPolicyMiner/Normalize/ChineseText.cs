namespace ClusterPolicyMiner.Normalize;

/// <summary>Character classes the normalisation rules are written in.</summary>
internal static class ChineseText
{
    /// <summary>Full-width punctuation that carries its own spacing, so a space beside it is never needed.
    /// Curly quotes are not here: they also serve Latin text (see <see cref="IsQuote"/>).</summary>
    private const string FullWidthPunctuation = "、，。；：？！（）《》〈〉〔〕【】「」『』［］｛｝…—～·￥";

    /// <summary>ASCII punctuation that Chinese pages use in place of the full-width forms.</summary>
    private const string AsciiPunctuation = ",;:!?()[]";

    /// <summary>Marks that end a sentence or a clause that a line may end with.</summary>
    private const string SentenceEnd = "。！？；：!?;:";

    /// <summary>Characters a measure word or unit starts with, after a number (40 亿元, 2025 年, 3 份, 50 %).</summary>
    private const string UnitStart = "年月日时時分秒个個家亿億万萬千百十元角人项項份号號倍次条條章节節款编編页頁平公米千克吨噸户戶天周週岁歲名台臺套件所处處座批届屆期度%‰";

    /// <summary>An ideograph: CJK unified (with extension A), compatibility ideographs, or either half of a
    /// surrogate pair (the supplementary planes that hold extensions B and later).</summary>
    public static bool IsIdeograph(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF'
            or >= '\u3005' and <= '\u3007' || char.IsSurrogate(c);

    public static bool IsFullWidthPunctuation(char c) => FullWidthPunctuation.Contains(c);

    public static bool IsAsciiPunctuation(char c) => AsciiPunctuation.Contains(c);

    public static bool IsQuote(char c) => c is '“' or '”' or '‘' or '’';

    public static bool IsSentenceEnd(char c) => SentenceEnd.Contains(c);

    public static bool IsUnitStart(char c) => UnitStart.Contains(c);

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    /// <summary>Ideograph or full-width punctuation: the material of Chinese running text.</summary>
    public static bool IsChinese(char c) => IsIdeograph(c) || IsFullWidthPunctuation(c);

    /// <summary>White space the layout rules treat as one plain space: ideographic space U+3000, NBSP, the
    /// typographic spaces U+2000–U+200A, narrow NBSP, medium mathematical space and tab.</summary>
    public static bool IsSpecialSpace(char c) =>
        c is '\u3000' or '\u00A0' or '\t' or '\u202F' or '\u205F' or >= '\u2000' and <= '\u200A';

    /// <summary>Invisible characters that pages leave behind and that carry nothing: zero-width space, BOM.</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\uFEFF';
}
