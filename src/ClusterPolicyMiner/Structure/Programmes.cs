namespace ClusterPolicyMiner.Structure;

/// <summary>Which cluster programme a text speaks of: the SME characteristic cluster programme
/// (<see cref="SmeCluster"/>) or one of the programmes of Structure/Data/programmes.txt, by their written forms.</summary>
internal static class Programmes
{
    public const string SmeCluster = "sme_cluster";

    /// <summary>Written forms, longest first, with the programme each names; the SME programme's first.</summary>
    private static readonly Lazy<IReadOnlyList<(string Written, string Programme)>> Forms = new(Load);

    /// <summary>The programme named first in the text (by position; at one position, the longest form), or null.</summary>
    public static string? FirstNamedIn(string? text) => Mentions(text ?? "").FirstOrDefault().Programme;

    /// <summary>Every mention of a programme: its start, end and programme, in order of position.</summary>
    public static IReadOnlyList<(int Start, int End, string Programme)> Mentions(string text)
    {
        var found = new List<(int, int, string)>();
        var taken = new bool[text.Length];
        foreach (var (written, programme) in Forms.Value)
        {
            for (var i = text.IndexOf(written, StringComparison.Ordinal); i >= 0;
                 i = text.IndexOf(written, i + written.Length, StringComparison.Ordinal))
            {
                if (taken[i]) continue;
                for (var k = i; k < i + written.Length; k++) taken[k] = true;
                found.Add((i, i + written.Length, programme));
            }
        }
        return [.. found.OrderBy(f => f.Item1)];
    }

    private static IReadOnlyList<(string, string)> Load()
    {
        using var stream = typeof(Programmes).Assembly.GetManifestResourceStream("ClusterPolicyMiner.Structure.programmes.txt")
            ?? throw new InvalidOperationException("embedded programmes.txt is missing");
        using var reader = new StreamReader(stream);
        var forms = new List<(string, string)> { ("中小企业特色产业集群", SmeCluster), ("中小企业特色产业", SmeCluster) };
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            forms.AddRange(parts.Skip(1).Select(w => (w, parts[0])));
        }
        return [.. forms.OrderByDescending(f => f.Item1.Length).ThenBy(f => f.Item1, StringComparer.Ordinal)];
    }
}
