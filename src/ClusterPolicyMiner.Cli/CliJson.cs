using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterPolicyMiner.Acquire.Web;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Compare.Eligibility;
using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Numbers;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Watch;

namespace ClusterPolicyMiner.Cli;

/// <summary>The serialisation metadata of every --json output, generated at build time, so that the Native AOT
/// build (no reflection over generic value types) writes the same bytes as the JIT build. The options are
/// <see cref="JsonOut"/>'s; this context only supplies the metadata.</summary>
[JsonSerializable(typeof(ListView))]
[JsonSerializable(typeof(CheckView))]
[JsonSerializable(typeof(SearchView))]
[JsonSerializable(typeof(RulesView))]
[JsonSerializable(typeof(ErrorView))]
[JsonSerializable(typeof(ListingErrorLine))]
[JsonSerializable(typeof(ComparisonMatrix))]
[JsonSerializable(typeof(EditionDiff))]
[JsonSerializable(typeof(TemplateDiff))]
internal sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>Enums as camelCase strings: one generic converter per enum the outputs can hold (the non-generic
    /// JsonStringEnumConverter needs code made at run time). A test checks that every enum the context knows is here.</summary>
    public static IReadOnlyList<JsonConverter> EnumConverters { get; } =
    [
        Camel<ArticleChange>(), Camel<BaselineChoice>(), Camel<BaselineKind>(), Camel<CellVerdict>(), Camel<ClauseStatus>(),
        Camel<CoverageStatus>(), Camel<DiagnosticCode>(), Camel<DocumentFormat>(), Camel<EditionRole>(), Camel<Eligibility>(),
        Camel<FetchErrorKind>(), Camel<FetchOutcome>(), Camel<IngestStatus>(), Camel<MatchBasis>(), Camel<NumberKind>(),
        Camel<OutlineKind>(), Camel<RuleOutcome>(), Camel<SaveStatus>(), Camel<SegmentKind>(), Camel<ThresholdChangeKind>(),
        Camel<Verdict>(),
    ];

    private static JsonStringEnumConverter<T> Camel<T>() where T : struct, Enum => new(JsonNamingPolicy.CamelCase);
}
