using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClusterPolicyMiner.Thresholds;

/// <summary>The word tables of Thresholds/reading.yaml: comparators before and after a number, the words that
/// may stand between a comparator and its number, inclusive markers, soft words, exclusion verbs, references of
/// relative rules, conditions and requirement verbs.</summary>
internal sealed class ReadingLexicon
{
    private static readonly Lazy<ReadingLexicon> Embedded = new(Load);

    public static ReadingLexicon Default => Embedded.Value;

    /// <summary>Comparators written before the number, longest first.</summary>
    public IReadOnlyList<Comparator> Before { get; }

    /// <summary>Comparators written after the number, longest first.</summary>
    public IReadOnlyList<Comparator> After { get; }

    /// <summary>Fillers, longest first.</summary>
    public IReadOnlyList<string> Fillers { get; }

    public Regex Inclusive { get; }
    public IReadOnlyList<string> Soft { get; }
    public IReadOnlyList<string> ExclusionVerbs { get; }

    /// <summary>A reference phrase that ends the text it is matched against.</summary>
    public Regex ReferenceAtEnd { get; }

    /// <summary>Conditions, longest first.</summary>
    public IReadOnlyList<string> Conditions { get; }

    public Regex RequirementVerbs { get; }
    public IReadOnlyList<string> NotRequirements { get; }
    public IReadOnlyList<string> NotRequirementsAfter { get; }

    private ReadingLexicon(FileModel f)
    {
        static List<Comparator> Table(Dictionary<string, List<string>> t) =>
            [.. t.SelectMany(kv => kv.Value.Select(p => new Comparator(p, kv.Key))).OrderByDescending(c => c.Phrase.Length)];
        Before = Table(f.Before);
        After = Table(f.After);
        Fillers = [.. f.Fillers.OrderByDescending(w => w.Length)];
        Inclusive = new Regex(f.Inclusive, RegexOptions.CultureInvariant);
        Soft = f.Soft;
        ExclusionVerbs = f.ExclusionVerbs;
        ReferenceAtEnd = new Regex("(?<ref>" + f.References + ")$", RegexOptions.CultureInvariant);
        Conditions = [.. f.Conditions.OrderByDescending(w => w.Length)];
        RequirementVerbs = new Regex(f.RequirementVerbs, RegexOptions.CultureInvariant);
        NotRequirements = f.NotRequirements;
        NotRequirementsAfter = f.NotRequirementsAfter;
    }

    private static ReadingLexicon Load()
    {
        using var stream = typeof(ReadingLexicon).Assembly.GetManifestResourceStream("ClusterPolicyMiner.Thresholds.reading.yaml")
            ?? throw new InvalidOperationException("reading.yaml is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        var file = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build()
            .Deserialize<FileModel>(reader.ReadToEnd());
        return new ReadingLexicon(file);
    }

    /// <summary>The conditions written in <paramref name="text"/>, in text order, none inside another.</summary>
    public List<string> ConditionsIn(string text)
    {
        var found = new List<(int At, string Word)>();
        foreach (var w in Conditions)
            for (var i = text.IndexOf(w, StringComparison.Ordinal); i >= 0; i = text.IndexOf(w, i + 1, StringComparison.Ordinal))
                if (!found.Any(f => i < f.At + f.Word.Length && f.At < i + w.Length)) found.Add((i, w));
        return [.. found.OrderBy(f => f.At).Select(f => f.Word)];
    }

    private sealed class FileModel
    {
        public Dictionary<string, List<string>> Before { get; set; } = [];
        public Dictionary<string, List<string>> After { get; set; } = [];
        public List<string> Fillers { get; set; } = [];
        public string Inclusive { get; set; } = "$^";
        public List<string> Soft { get; set; } = [];
        public List<string> ExclusionVerbs { get; set; } = [];
        public string References { get; set; } = "$^";
        public List<string> Conditions { get; set; } = [];
        public string RequirementVerbs { get; set; } = "$^";
        public List<string> NotRequirements { get; set; } = [];
        public List<string> NotRequirementsAfter { get; set; } = [];
    }
}
