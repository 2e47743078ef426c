using ClusterPolicyMiner.Tests.Support;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClusterPolicyMiner.Tests.RealPages;

/// <summary>One expected criterion of a page: metric, comparator and value in canonical units.</summary>
public sealed class ExpectedThreshold
{
    public string Metric { get; set; } = "";
    public string Op { get; set; } = "";
    public decimal Value { get; set; }
}

/// <summary>One page of Data/RealPages and what the pipeline should make of it. A field that is absent
/// from the manifest is not scored (<see cref="Has"/>); a field written as null must come out null.</summary>
public sealed class ExpectedPage
{
    public string File { get; set; } = "";
    public List<string> Classes { get; set; } = [];
    public Dictionary<string, string?> Fields { get; } = [];
    public List<ExpectedThreshold>? Thresholds { get; set; }
    public List<string> MustNotContain { get; set; } = [];
    public List<string> MustContain { get; set; } = [];

    public bool Has(string field) => Fields.ContainsKey(field);

    public override string ToString() => File;
}

/// <summary>Reads Data/RealPages/expectations.yaml.</summary>
public static class RealPageManifest
{
    public static readonly string[] FieldNames =
        ["jurisdiction", "level", "issuer", "title", "docNumber", "kind", "status", "programme", "issued", "published"];

    public static string Folder => Path.Combine(TestPaths.TestData, "RealPages");

    public static IReadOnlyList<ExpectedPage> Load()
    {
        var yaml = File.ReadAllText(Path.Combine(Folder, "expectations.yaml"));
        var root = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<Dictionary<string, List<Dictionary<string, object?>>>>(yaml);
        return [.. root["pages"].Select(ToPage)];
    }

    private static ExpectedPage ToPage(Dictionary<string, object?> raw)
    {
        var page = new ExpectedPage { File = (string)raw["file"]! };
        foreach (var (key, value) in raw)
        {
            switch (key)
            {
                case "file": break;
                case "classes": page.Classes = Strings(value); break;
                case "mustNotContain": page.MustNotContain = Strings(value); break;
                case "mustContain": page.MustContain = Strings(value); break;
                case "thresholds":
                    page.Thresholds = [.. ((List<object>)value!).Cast<Dictionary<object, object>>().Select(t => new ExpectedThreshold
                    {
                        Metric = (string)t["metric"],
                        Op = (string)t["op"],
                        Value = decimal.Parse((string)t["value"], System.Globalization.CultureInfo.InvariantCulture),
                    })];
                    break;
                default:
                    if (!FieldNames.Contains(key)) throw new InvalidDataException($"{page.File}: unknown key {key}");
                    page.Fields[key] = value is null or "null" or "~" ? null : value.ToString();
                    break;
            }
        }
        return page;
    }

    private static List<string> Strings(object? value) =>
        value is List<object> list ? [.. list.Select(o => o.ToString()!)] : [];
}
