namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>The rules of one robots.txt that apply to us: the group naming our product token, else the
/// "*" group. Matching follows RFC 9309: the longest matching path wins, Allow wins a tie, "*" matches
/// any run of characters and a trailing "$" anchors the end.</summary>
internal sealed class RobotsRules
{
    private readonly IReadOnlyList<(bool Allow, string Pattern)> _rules;

    private RobotsRules(IReadOnlyList<(bool Allow, string Pattern)> rules, string? blockedReason)
    {
        _rules = rules;
        BlockedReason = blockedReason;
    }

    public static RobotsRules AllowAll { get; } = new([], null);

    /// <summary>Everything disallowed, with the reason (e.g. robots.txt answered 503).</summary>
    public static RobotsRules DisallowAll(string reason) => new([], reason);

    /// <summary>Set when the whole site is closed to us without a robots.txt saying so.</summary>
    public string? BlockedReason { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<(List<string> Agents, List<(bool, string)> Rules)>();
        (List<string> Agents, List<(bool, string)> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key is "user-agent")
            {
                // Consecutive User-agent lines share one group.
                if (!lastWasAgent || current is null)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }
                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (current is null || key is not ("allow" or "disallow")) continue;
            // "Disallow:" with an empty path allows everything: it adds no rule.
            if (value.Length == 0) continue;
            current.Value.Rules.Add((key == "allow", value));
        }

        var token = productToken.ToLowerInvariant();
        var ours = groups.Where(g => g.Agents.Contains(token)).ToList();
        if (ours.Count == 0) ours = groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsRules(ours.SelectMany(g => g.Rules).ToList(), null);
    }

    /// <summary>Whether the path and query of <paramref name="url"/> may be fetched.</summary>
    public bool Allows(Uri url)
    {
        if (BlockedReason is not null) return false;
        var path = url.PathAndQuery;
        if (path == "/robots.txt") return true;
        var best = -1;
        var allowed = true;
        foreach (var (allow, pattern) in _rules)
        {
            if (!Matches(pattern, path)) continue;
            var length = pattern.Length;
            if (length > best || (length == best && allow))
            {
                best = length;
                allowed = allow;
            }
        }
        return allowed;
    }

    // A small wildcard matcher: '*' is any run, '$' at the end anchors; otherwise a prefix match.
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        var parts = pattern.Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal)) return false;
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            var found = i == parts.Length - 1 && anchored
                ? (path.Length - parts[i].Length >= at && path.EndsWith(parts[i], StringComparison.Ordinal) ? path.Length - parts[i].Length : -1)
                : path.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0) return false;
            at = found + parts[i].Length;
        }
        return !anchored || at == path.Length;
    }
}
