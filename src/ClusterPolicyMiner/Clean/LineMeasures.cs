using System.Text.RegularExpressions;

namespace ClusterPolicyMiner.Clean;

/// <summary>Measures of one line of text that work for Chinese: counts of CJK characters and of the
/// clause punctuation 。，；、： (full- or half-width), never word counts.</summary>
internal readonly record struct LineMeasures(int Length, int Cjk, int Punctuation, bool SentenceFinal)
{
    /// <summary>Clause punctuation per CJK character; a body sentence has about one per 10-20 characters.</summary>
    public double PunctuationDensity => Cjk == 0 ? 0 : (double)Punctuation / Cjk;

    /// <summary>A long punctuated sentence: the kind of line that is body, never furniture.</summary>
    public bool IsSentence => Cjk >= 20 && Punctuation >= 2 && PunctuationDensity >= 0.02;

    public static LineMeasures Of(string line)
    {
        int cjk = 0, punct = 0;
        foreach (var c in line)
        {
            if (IsCjk(c)) cjk++;
            else if (IsClausePunctuation(c)) punct++;
        }
        var trimmed = line.TrimEnd();
        var final = trimmed.Length > 0 && IsSentenceFinal(trimmed[^1]);
        return new LineMeasures(line.Length, cjk, punct, final);
    }

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf'
        or >= '\uf900' and <= '\ufaff';

    public static bool IsClausePunctuation(char c) => c is '。' or '，' or '；' or '、' or '：' or ',' or ';' or ':';

    /// <summary>Punctuation that may end a paragraph (used to decide whether a page break splits one).</summary>
    public static bool IsSentenceFinal(char c) => c is '。' or '；' or ';' or '：' or ':' or '！' or '!' or '？'
        or '?' or '”' or '」' or '）' or ')';
}
