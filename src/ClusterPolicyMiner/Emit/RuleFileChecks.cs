using System.Globalization;
using System.Text.Json;

namespace ClusterPolicyMiner.Emit;

/// <summary>The checks a JSON Schema cannot state, run over any emitted JSON (rule files, history files, the
/// extract contract): every date is a real calendar date (2023-02-30 is not), every span has start ≤ end,
/// and an effective date is not after the expiry beside it. Returns one message per problem, with its JSON path.</summary>
public static class RuleFileChecks
{
    private static readonly HashSet<string> DateFields = new(StringComparer.Ordinal)
    {
        "issued", "published", "effective", "expires", "supersededOn",
    };

    public static IReadOnlyList<string> Check(string json)
    {
        var problems = new List<string>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            Walk(doc.RootElement, "$", problems);
        }
        catch (JsonException e)
        {
            problems.Add($"$: not JSON: {e.Message}");
        }
        return problems;
    }

    private static void Walk(JsonElement e, string path, List<string> problems)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                CheckObject(e, path, problems);
                foreach (var p in e.EnumerateObject()) Walk(p.Value, $"{path}.{p.Name}", problems);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) Walk(item, $"{path}[{i++}]", problems);
                break;
        }
    }

    private static void CheckObject(JsonElement o, string path, List<string> problems)
    {
        foreach (var p in o.EnumerateObject())
            if (DateFields.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.String && Date(p.Value.GetString()) is null)
                problems.Add($"{path}.{p.Name}: '{p.Value.GetString()}' is not a calendar date (YYYY-MM-DD)");

        if (o.TryGetProperty("start", out var s) && o.TryGetProperty("end", out var en)
            && s.ValueKind == JsonValueKind.Number && en.ValueKind == JsonValueKind.Number && s.GetInt64() > en.GetInt64())
            problems.Add($"{path}: span start {s.GetInt64()} is after its end {en.GetInt64()}");

        if (o.TryGetProperty("effective", out var ef) && o.TryGetProperty("expires", out var ex)
            && Date(Str(ef)) is { } from && Date(Str(ex)) is { } to && from > to)
            problems.Add($"{path}: effective {from:yyyy-MM-dd} is after expires {to:yyyy-MM-dd}");

        // History files: the keys of "values" are the dates from which each value holds.
        if (path.EndsWith(".values", StringComparison.Ordinal))
            foreach (var p in o.EnumerateObject())
                if (Date(p.Name) is null) problems.Add($"{path}: key '{p.Name}' is not a calendar date");
    }

    private static string? Str(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    private static DateOnly? Date(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
