using ClusterPolicyMiner.Clean;
using ClusterPolicyMiner.Model;
using Microsoft.Data.Sqlite;

namespace ClusterPolicyMiner.Store;

/// <summary>A site line whose page count crossed <see cref="SiteTemplateLearner.MinDocuments"/> one way or the
/// other: the pages of that site holding it are cleaned differently now.</summary>
public readonly record struct SiteLine(string Site, long Hash);

/// <summary>Site templates as a store counts them: the lines (hashes) of each site in at least
/// <see cref="SiteTemplateLearner.MinDocuments"/> of its pages, and not body-like.</summary>
public sealed class StoredSiteTemplates(IReadOnlyDictionary<string, HashSet<long>> lines) : ISiteTemplates
{
    public bool Contains(string site, string line) =>
        lines.TryGetValue(site, out var set) && set.Contains(SiteTemplateLearner.LineHash(line));

    /// <summary>How many template lines the store holds, all sites together.</summary>
    public int Count => lines.Values.Sum(s => s.Count);
}

public sealed partial class PolicyStore
{
    /// <summary>The first pass of an ingest for one document, in one transaction: the raw bytes are stored
    /// (unless they are already), and the page's candidate template lines are counted under its site; a page
    /// counted before (processed by another version) has its old lines taken off first, so counting the same
    /// page twice changes nothing. Returns the lines whose count crossed the template threshold.</summary>
    public IReadOnlyList<SiteLine> RecordPage(RawDocument raw, SiteLines page)
    {
        var crossed = new List<SiteLine>();
        Unit(tx => RecordPage(raw, page, tx, crossed));
        crossed.Sort((a, b) => a.Site != b.Site ? string.CompareOrdinal(a.Site, b.Site) : a.Hash.CompareTo(b.Hash));
        return crossed;
    }

    private void RecordPage(RawDocument raw, SiteLines page, SqliteTransaction tx, List<SiteLine> crossed)
    {
        InsertSnapshot(raw, tx, Now());
        var (oldSite, oldHashes) = PageOf(raw.Id, tx);
        var newHashes = page.Site is null ? [] : page.Lines.Select(SiteTemplateLearner.LineHash).Distinct().Order().ToArray();
        var touched = new Dictionary<SiteLine, (long Before, long After)>();
        void Add(string site, long hash, int delta)
        {
            var key = new SiteLine(site, hash);
            if (!touched.TryGetValue(key, out var counts))
            {
                var before = Value("SELECT pages FROM site_lines WHERE site = $s AND hash = $h", tx, ("$s", site), ("$h", hash));
                var n = before is null ? 0L : Convert.ToInt64(before, System.Globalization.CultureInfo.InvariantCulture);
                counts = (n, n);
            }
            touched[key] = counts with { After = counts.After + delta };
        }
        if (oldSite is not null) foreach (var h in oldHashes) Add(oldSite, h, -1);
        if (page.Site is not null) foreach (var h in newHashes) Add(page.Site, h, +1);

        foreach (var (key, (before, after)) in touched)
        {
            if (after == before) continue;
            if (after <= 0)
                Run("DELETE FROM site_lines WHERE site = $s AND hash = $h", tx, ("$s", key.Site), ("$h", key.Hash));
            else
                Run("INSERT INTO site_lines VALUES ($s, $h, $n) ON CONFLICT (site, hash) DO UPDATE SET pages = excluded.pages", tx,
                    ("$s", key.Site), ("$h", key.Hash), ("$n", after));
            if (before >= SiteTemplateLearner.MinDocuments != after >= SiteTemplateLearner.MinDocuments) crossed.Add(key);
        }
        Run("DELETE FROM pages WHERE id = $id", tx, ("$id", raw.Id));
        if (page.Site is not null)
            Run("INSERT INTO pages VALUES ($id, $s, $l)", tx, ("$id", raw.Id), ("$s", page.Site), ("$l", Pack(newHashes)));
    }

    /// <summary>The stored documents (other than failed ones) of a site whose page holds one of
    /// <paramref name="lines"/>, in id order: those the change of their site's template affects.</summary>
    public IReadOnlyList<string> DocumentsHolding(IEnumerable<SiteLine> lines)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var site in lines.GroupBy(l => l.Site, StringComparer.Ordinal))
        {
            var hashes = site.Select(l => l.Hash).ToHashSet();
            using var cmd = Command();
            cmd.CommandText = """
                SELECT p.id, p.lines FROM pages p JOIN documents d ON d.id = p.id WHERE p.site = $s
                """;
            cmd.Parameters.AddWithValue("$s", site.Key);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                if (Unpack((byte[])r.GetValue(1)).Any(hashes.Contains)) result.Add(r.GetString(0));
        }
        return [.. result];
    }

    /// <summary>Every site's template lines as the store counts them now.</summary>
    public StoredSiteTemplates SiteTemplates()
    {
        using var cmd = Command();
        cmd.CommandText = "SELECT site, hash FROM site_lines WHERE pages >= $min";
        cmd.Parameters.AddWithValue("$min", SiteTemplateLearner.MinDocuments);
        using var r = cmd.ExecuteReader();
        var lines = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        while (r.Read())
        {
            var site = r.GetString(0);
            if (!lines.TryGetValue(site, out var set)) lines[site] = set = [];
            set.Add(r.GetInt64(1));
        }
        return new StoredSiteTemplates(lines);
    }

    /// <summary>The raw document of a stored snapshot under <paramref name="source"/>, or null.</summary>
    public RawDocument? LoadRaw(string id, string source) =>
        Snapshot(id) is var (bytes, charset) ? new RawDocument(source, bytes, charset) : null;

    /// <summary>The source a stored document was last processed under.</summary>
    public string? SourceOf(string id) => Value("SELECT source FROM documents WHERE id = $id", null, ("$id", id)) as string;

    private (string? Site, long[] Hashes) PageOf(string id, SqliteTransaction tx)
    {
        var cmd = Prepared("SELECT site, lines FROM pages WHERE id = $id", tx);
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        if (!r.Read() || r.IsDBNull(0) || r.IsDBNull(1)) return (null, []);
        return (r.GetString(0), Unpack((byte[])r.GetValue(1)));
    }

    private static byte[] Pack(long[] hashes)
    {
        var bytes = new byte[hashes.Length * 8];
        for (var i = 0; i < hashes.Length; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), hashes[i]);
        return bytes;
    }

    private static long[] Unpack(byte[] bytes)
    {
        var hashes = new long[bytes.Length / 8];
        for (var i = 0; i < hashes.Length; i++)
            hashes[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i * 8));
        return hashes;
    }
}
