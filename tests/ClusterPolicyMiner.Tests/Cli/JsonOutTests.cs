using System.Text.Json.Serialization.Metadata;
using ClusterPolicyMiner.Cli;

namespace ClusterPolicyMiner.Tests.Cli;

/// <summary>The --json outputs take their metadata from the generated <see cref="CliJson"/>: every enum it can
/// meet is written as a camelCase string, as the reflection-based JsonStringEnumConverter wrote it.</summary>
public sealed class JsonOutTests
{
    [Fact]
    public void Every_enum_of_the_context_has_a_camel_case_converter()
    {
        var enums = typeof(CliJson).GetProperties()
            .Select(p => p.PropertyType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(t => t.GetGenericArguments()[0])
            .Select(t => Nullable.GetUnderlyingType(t) ?? t)
            .Where(t => t.IsEnum).Distinct().ToList();
        Assert.Contains(typeof(ClusterPolicyMiner.Compare.Verdict), enums);
        var missing = enums.Where(e => !CliJson.EnumConverters.Any(c => c.CanConvert(e))).Select(e => e.FullName).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void An_enum_is_a_camel_case_string_and_Chinese_is_kept()
    {
        var line = JsonOut.Line1(new ListingErrorLine("http://example.test/列表", "error", "超时"));
        Assert.Equal("{\"listing\":\"http://example.test/列表\",\"status\":\"error\",\"error\":\"超时\"}", line);
        Assert.Equal("\"noBaseline\"", JsonOut.Line1(ClusterPolicyMiner.Compare.Verdict.NoBaseline));
    }
}
