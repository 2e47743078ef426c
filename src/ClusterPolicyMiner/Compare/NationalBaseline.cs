using System.Globalization;
using ClusterPolicyMiner.Model;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClusterPolicyMiner.Compare;

/// <summary>The national standard as a curated data file (Compare/national-baseline.yaml): the document it
/// comes from and its criteria, each with the annex part and the sentence it quotes. A criterion the file
/// does not hold has no national value; nothing is filled in.</summary>
public sealed record NationalBaseline(
    string Jurisdiction,
    string? Issuer,
    string Title,
    string DocNumber,
    DateOnly? Issued,
    string? Annex,
    IReadOnlyList<Threshold> Criteria)
{
    /// <summary>Name of the data file, as reports cite it.</summary>
    public const string FileName = "national-baseline.yaml";

    private static readonly Lazy<NationalBaseline> Embedded = new(() => Parse(ReadEmbedded()));

    /// <summary>The file shipped in the assembly.</summary>
    public static NationalBaseline Default => Embedded.Value;

    /// <summary>The requirement on a metric, null when the national standard states none.</summary>
    public Threshold? For(string metric) => Criteria.FirstOrDefault(t => t.Metric == metric);

    /// <summary>Reads the file; a criterion lacking metric, op, value, unit or quote is an error, since a
    /// baseline value without its citation must not be shown.</summary>
    public static NationalBaseline Parse(string yaml)
    {
        var file = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build()
            .Deserialize<FileModel>(yaml) ?? throw new FormatException($"{FileName} is empty");
        var doc = file.Document ?? throw new FormatException($"{FileName}: no document");
        if (string.IsNullOrWhiteSpace(doc.DocNumber) || string.IsNullOrWhiteSpace(doc.Title))
            throw new FormatException($"{FileName}: document needs title and docNumber");
        var criteria = file.Criteria.Select((c, i) =>
        {
            if (string.IsNullOrWhiteSpace(c.Metric) || string.IsNullOrWhiteSpace(c.Op) || c.Value is null
                || string.IsNullOrWhiteSpace(c.Unit) || string.IsNullOrWhiteSpace(c.Quote) || string.IsNullOrWhiteSpace(c.Part))
                throw new FormatException($"{FileName}: criterion {i + 1} needs metric, op, value, unit, part and quote");
            return new Threshold(c.Metric, c.Label ?? c.Metric, c.Op, ThresholdText.Normalize(c.Value.Value), c.Unit,
                c.Phrase ?? "", c.Qualifiers, c.AnyOf, new SourceRef(c.Part, c.Quote, 0, 0));
        }).ToList();
        if (criteria.GroupBy(c => c.Metric).FirstOrDefault(g => g.Count() > 1) is { } dup)
            throw new FormatException($"{FileName}: metric {dup.Key} given twice");
        DateOnly? issued = doc.Issued is { } s
            ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
        return new NationalBaseline(doc.Jurisdiction ?? ComparisonMatrix.NationalJurisdiction, doc.Issuer, doc.Title!,
            doc.DocNumber!, issued, doc.Annex, criteria);
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(NationalBaseline).Assembly.GetManifestResourceStream("ClusterPolicyMiner.Compare.national-baseline.yaml")
            ?? throw new InvalidOperationException("embedded resource national-baseline.yaml is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class FileModel
    {
        public DocumentModel? Document { get; set; }
        public List<CriterionModel> Criteria { get; set; } = [];
    }

    private sealed class DocumentModel
    {
        public string? Jurisdiction { get; set; }
        public string? Issuer { get; set; }
        public string? Title { get; set; }
        public string? DocNumber { get; set; }
        public string? Issued { get; set; }
        public string? Annex { get; set; }
    }

    private sealed class CriterionModel
    {
        public string? Metric { get; set; }
        public string? Label { get; set; }
        public string? Op { get; set; }
        public decimal? Value { get; set; }
        public string? Unit { get; set; }
        public string? Phrase { get; set; }
        public List<string> Qualifiers { get; set; } = [];
        public string? AnyOf { get; set; }
        public string? Part { get; set; }
        public string? Quote { get; set; }
    }
}
