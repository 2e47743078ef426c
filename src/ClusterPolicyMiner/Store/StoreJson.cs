using System.Text.Json.Serialization;

namespace ClusterPolicyMiner.Store;

/// <summary>The few store columns held as JSON (a run's files with their lengths, a fetch's headers, a document's
/// normalisations, a threshold's qualifiers), serialised from source-generated metadata so that a Native AOT
/// build writes them too. Default options, as the reflection calls had: the bytes in the store do not change.</summary>
[JsonSerializable(typeof(Dictionary<string, long>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StoreJson : JsonSerializerContext;
