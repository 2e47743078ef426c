using ClusterPolicyMiner.Acquire.Web;
using ClusterPolicyMiner.Watch;

namespace ClusterPolicyMiner.Tests.Watch;

/// <summary>Watch state in dictionaries, standing in for the store's SQLite tables.</summary>
internal sealed class InMemoryWatchState : IWatchState
{
    private readonly Dictionary<string, FetchValidators> _validators = new(StringComparer.Ordinal);

    public Dictionary<string, (string DocumentId, DateTimeOffset At)> Seen { get; } = new(StringComparer.Ordinal);

    public FetchValidators? GetValidators(Uri url) => _validators.GetValueOrDefault(url.AbsoluteUri);

    public void PutValidators(Uri url, FetchValidators validators) => _validators[url.AbsoluteUri] = validators;

    public bool HasSeen(Uri link) => Seen.ContainsKey(link.AbsoluteUri);

    public void MarkSeen(Uri link, string documentId, DateTimeOffset at) => Seen[link.AbsoluteUri] = (documentId, at);
}
