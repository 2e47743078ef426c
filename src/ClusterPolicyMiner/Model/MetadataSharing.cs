namespace ClusterPolicyMiner.Model;

/// <summary>Metadata held for many documents at once with one copy of what they repeat: the same jurisdiction,
/// issuer, kind, status, programme, level and rules, and the same citations (most notices cite the same national
/// measures) are one string and one <see cref="Citation"/> each. The values are unchanged; only copies go.</summary>
public sealed class MetadataSharing
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<Citation, Citation> _citations = new();

    public PolicyMetadata Of(PolicyMetadata m) => m with
    {
        Jurisdiction = Shared(m.Jurisdiction),
        Issuer = Shared(m.Issuer),
        Kind = Shared(m.Kind),
        Status = Shared(m.Status),
        Programme = Shared(m.Programme),
        Level = Shared(m.Level),
        EffectiveRule = Shared(m.EffectiveRule),
        ExpiresRule = Shared(m.ExpiresRule),
        Cites = m.Cites.Count == 0 ? [] : [.. m.Cites.Select(Shared)],
    };

    private string? Shared(string? s) =>
        s is null ? null : _strings.TryGetValue(s, out var one) ? one : _strings[s] = s;

    private Citation Shared(Citation c)
    {
        if (_citations.TryGetValue(c, out var one)) return one;
        var shared = new Citation(Shared(c.Title)!, Shared(c.DocNumber));
        _citations[shared] = shared;
        return shared;
    }
}
