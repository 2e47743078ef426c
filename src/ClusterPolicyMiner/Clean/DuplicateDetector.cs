namespace ClusterPolicyMiner.Clean;

/// <summary>Documents that are near-duplicates of each other. Every member is kept; one is canonical.</summary>
/// <param name="CanonicalId">The member closest to an original: one whose text was not converted from
/// traditional characters, then the one with the longest clean text (shingle characters), then the
/// smallest id in ordinal order.</param>
/// <param name="MemberIds">All members including the canonical one, in ordinal order.</param>
/// <param name="MinSimilarity">The lowest estimated Jaccard similarity between two members of the group.</param>
public sealed record DuplicateGroup(string CanonicalId, IReadOnlyList<string> MemberIds, double MinSimilarity);

/// <summary>A document offered to duplicate detection.</summary>
/// <param name="Converted">Its text was converted from traditional characters by the normaliser: a repost
/// rather than the original, so it is canonical only when no member is an original.</param>
public sealed record DuplicateCandidate(string Id, string Text, bool Converted = false);

/// <summary>What duplicate detection keeps of a document: its MinHash signature and the length of the text
/// it was computed over, so that the store can regroup without reading any text again.</summary>
public sealed record DocumentSignature(string Id, bool Converted, int ContentLength, IReadOnlyList<ulong> MinHash)
{
    /// <summary>The signature as little-endian 64-bit words, as the store keeps it.</summary>
    public byte[] PackMinHash()
    {
        var bytes = new byte[MinHash.Count * 8];
        for (var k = 0; k < MinHash.Count; k++)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(k * 8), MinHash[k]);
        return bytes;
    }

    public static IReadOnlyList<ulong> UnpackMinHash(byte[] bytes)
    {
        var words = new ulong[bytes.Length / 8];
        for (var k = 0; k < words.Length; k++)
            words[k] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(k * 8));
        return words;
    }
}

/// <summary>Options of near-duplicate detection.</summary>
public sealed record DuplicateOptions
{
    /// <summary>Characters per shingle, counted after whitespace and punctuation are removed.</summary>
    public int ShingleSize { get; init; } = 5;

    /// <summary>Hash functions in a MinHash signature (bands × rows).</summary>
    public int Bands { get; init; } = 32;

    public int RowsPerBand { get; init; } = 4;

    /// <summary>Two documents are duplicates when their estimated Jaccard similarity reaches this.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>Up to this many documents every pair is compared; above it LSH banding picks candidates.</summary>
    public int AllPairsUpTo { get; init; } = 200;
}

/// <summary>Groups near-duplicate documents (the same notice from two sites, or in traditional and in
/// simplified once normalised) by MinHash over character shingles of the text with whitespace and
/// punctuation removed, a Jaccard estimate threshold, and union-find over the pairs above it.
/// Deterministic: the hash functions come from fixed seeds, and groups are ordered by canonical id.</summary>
public sealed class DuplicateDetector(DuplicateOptions? options = null)
{
    public DuplicateOptions Options { get; } = options ?? new DuplicateOptions();

    /// <summary>Groups of documents none of which was converted from traditional characters.</summary>
    public IReadOnlyList<DuplicateGroup> Group(IReadOnlyList<(string Id, string Text)> docs) =>
        Group([.. docs.Select(d => new DuplicateCandidate(d.Id, d.Text))]);

    /// <summary>Groups of two or more near-duplicate documents; documents with no duplicate are in no group.</summary>
    public IReadOnlyList<DuplicateGroup> Group(IReadOnlyList<DuplicateCandidate> docs) => Group([.. docs.Select(Sign)]);

    /// <summary>The signature of one document (what the store keeps).</summary>
    public DocumentSignature Sign(DuplicateCandidate doc)
    {
        var content = MinHash.Content(doc.Text);
        return new DocumentSignature(doc.Id, doc.Converted, content.Length,
            MinHash.Signature(content, Options.ShingleSize, Options.Bands * Options.RowsPerBand));
    }

    /// <summary>Groups from stored signatures; the same groups as from the texts they were computed over.</summary>
    public IReadOnlyList<DuplicateGroup> Group(IReadOnlyList<DocumentSignature> docs)
    {
        var signatures = docs.Select(d => d.MinHash as ulong[] ?? [.. d.MinHash]).ToArray();

        var sets = new UnionFind(docs.Count);
        // A pair already in one group adds nothing to the groups (they are the connected components of the
        // similar candidate pairs), so it is neither compared nor remembered.
        foreach (var (i, j) in CandidatePairs(signatures))
            if (sets.Find(i) != sets.Find(j) && MinHash.Similarity(signatures[i], signatures[j]) >= Options.Threshold)
                sets.Union(i, j);

        var groups = new List<DuplicateGroup>();
        foreach (var members in Enumerable.Range(0, docs.Count).GroupBy(sets.Find).Select(g => g.ToList()))
        {
            if (members.Count < 2) continue;
            var canonical = members.OrderBy(i => docs[i].Converted)
                .ThenByDescending(i => docs[i].ContentLength)
                .ThenBy(i => docs[i].Id, StringComparer.Ordinal).First();
            var min = 1.0;
            for (var x = 0; x < members.Count; x++)
            for (var y = x + 1; y < members.Count; y++)
                min = Math.Min(min, MinHash.Similarity(signatures[members[x]], signatures[members[y]]));
            var ids = members.Select(i => docs[i].Id).Order(StringComparer.Ordinal).ToList();
            groups.Add(new DuplicateGroup(docs[canonical].Id, ids, min));
        }
        return [.. groups.OrderBy(g => g.CanonicalId, StringComparer.Ordinal)];
    }

    private IEnumerable<(int, int)> CandidatePairs(ulong[][] signatures)
    {
        var n = signatures.Length;
        if (n <= Options.AllPairsUpTo)
        {
            for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++)
                yield return (i, j);
            yield break;
        }
        // LSH banding: documents that agree on every row of some band are candidates. A pair agreeing on several
        // bands is given once per band (a set of the pairs given grew to hundreds of MB at 100k documents).
        for (var band = 0; band < Options.Bands; band++)
        {
            var buckets = new Dictionary<ulong, List<int>>();
            for (var i = 0; i < n; i++)
            {
                var key = 1469598103934665603UL;
                for (var r = 0; r < Options.RowsPerBand; r++)
                    key = (key ^ signatures[i][band * Options.RowsPerBand + r]) * 1099511628211UL;
                if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
                list.Add(i);
            }
            foreach (var list in buckets.Values)
                for (var x = 0; x < list.Count; x++)
                for (var y = x + 1; y < list.Count; y++)
                    yield return (list[x], list[y]);
        }
    }

    private sealed class UnionFind
    {
        private readonly int[] _parent;

        public UnionFind(int n) => _parent = [.. Enumerable.Range(0, n)];

        public int Find(int i)
        {
            while (_parent[i] != i) i = _parent[i] = _parent[_parent[i]];
            return i;
        }

        /// <summary>The smaller root wins, so the result does not depend on the order of unions.</summary>
        public void Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra != rb) _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
