using ClusterPolicyMiner.Normalize;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ClusterPolicyMiner.Tests.Normalize;

/// <summary>Normalising normalised text changes nothing, for texts built from the material the rules are
/// about: traditional and simplified characters, pinyin marks, full-width forms, every kind of space,
/// punctuation, heading and list markers, and line breaks.</summary>
public sealed class NormalizerPropertyTests
{
    private static readonly string[] Pieces =
    [
        "區", "(qū)", "業", "(yè)", "門(mén)", "产", "產", "特色", "集群", "發展", "薴", "苧", "上鍊", "乾元", "㗲", "𠵾", "\uF900",
        "衞", "說", "裡", "著", "中", "一", "式", "年", "月", "亿元", "份", "%", "号", "號", "发", "(州)", "(2023)", "(a)",
        "[", "]", "〔", "〕", "【", "】", "（", "）", "(", ")", "《", "》", "“", "”", "，", "、", "。", "；", "：", ":", ",", ";",
        "２０２３", "ＡＢ", "2025", "40", "1.", "5", "XX", "achie.org", "第一章", "第一条", "第十二條", "（一）", "一、", "附件",
        " ", "  ", "\u3000", "\u00A0", "\t", "\n", "\n\n", "\r\n", " \n", "\f", "\u200B",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p)).ToArbitrary();

    /// <summary>Long texts too, so that the flattened-paragraph rule (200+ characters) is reached.</summary>
    private static Arbitrary<string> LongTexts() =>
        Gen.Elements(Pieces).ArrayOf().Resize(400).Select(p => string.Concat(p)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property NormalizingTwiceGivesTheSameTextAsNormalizingOnce() =>
        Prop.ForAll(Texts(), IsIdempotent);

    [Property(MaxTest = 200)]
    public Property LongTextsAreIdempotentToo() =>
        Prop.ForAll(LongTexts(), IsIdempotent);

    /// <summary>Fails with both texts escaped, so that a counterexample can be read and turned into a row.</summary>
    private static void IsIdempotent(string text)
    {
        var once = Normalizer.Normalize(text).Text;
        var twice = Normalizer.Normalize(once).Text;
        if (once != twice)
            throw new InvalidOperationException($"input {Escape(text)}\nonce  {Escape(once)}\ntwice {Escape(twice)}");
    }

    private static string Escape(string s) => System.Text.Json.JsonSerializer.Serialize(s,
        new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Property(MaxTest = 300)]
    public Property CharactersOnlyIsIdempotentAndKeepsEveryLineBreak() =>
        Prop.ForAll(Texts(), text =>
        {
            var options = new NormalizeOptions { CharactersOnly = true };
            var once = Normalizer.Normalize(text, options).Text;
            return once == Normalizer.Normalize(once, options).Text && once.Count(c => c == '\n') == text.Count(c => c == '\n');
        });
}
