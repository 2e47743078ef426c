namespace ClusterPolicyMiner.Normalize;

/// <summary>The normaliser over a text read in chunks, in two passes, giving what <see cref="Normalizer"/>
/// gives for the whole text: <see cref="Gather"/> reads the chunks once for the two facts of
/// <c>wrapped-lines</c> that come from the whole text (<see cref="LayoutFacts"/>), <see cref="Write"/> reads
/// them again and writes each normalised.</summary>
/// <remarks>
/// A chunk ends after two line breaks in a row (<see cref="Chunks"/>): a blank line, which no rule looks
/// across. The character steps read a character or a match inside a line; a pinyin mark may go with one line
/// break before it, never two; T→S phrases stay within a line; the layout steps before <c>wrapped-lines</c>
/// read one line at a time and keep one blank line for a run of them; <c>wrapped-lines</c> joins no line to
/// a blank one and asks of the line two back only whether it is full, which a blank line is not. What does
/// look across a blank line is the removal of running headers and footers, which takes the blank lines and
/// page breaks around one along: so the second pass holds chunks together while the line on either side of
/// the blank line between them is a running line (or there is only blank lines and page breaks), and writes
/// them once it is not. Held at a time: a chunk (up to about two reads of <c>size</c> characters, longer when no blank line
/// comes sooner: a text without blank lines is held whole) and, in the second pass, the chunks that running
/// lines tie together.
/// </remarks>
public sealed class StreamingNormalizer(NormalizeOptions? options = null)
{
    /// <summary>The size chunks are read in, in characters.</summary>
    public const int DefaultChunkSize = 1 << 18;

    private readonly NormalizeOptions _options = options ?? new NormalizeOptions();
    private readonly OpenCcConverter _converter = OpenCcConverter.Get((options ?? new NormalizeOptions()).OpenCcConfig);

    /// <summary>The most characters held at once in the last pass (a chunk's text, or the lines held
    /// together in <see cref="Write"/>): what the memory of a pass grows with.</summary>
    public long MostHeld { get; private set; }

    /// <summary>The first pass: the whole text's layout facts, from its chunks in order (none needed when
    /// <see cref="NormalizeOptions.CharactersOnly"/>).</summary>
    public LayoutFacts Gather(IEnumerable<string> chunks)
    {
        var facts = new LayoutFacts();
        MostHeld = 0;
        if (_options.CharactersOnly) return facts;
        foreach (var chunk in chunks)
        {
            MostHeld = Math.Max(MostHeld, chunk.Length);
            facts.Add(Normalizer.LayoutLines([], Normalizer.Characters([], chunk, _options)));
        }
        return facts;
    }

    /// <summary>The second pass: writes the normalised text of the chunks (the same chunks as the first
    /// pass's, or any others <see cref="Chunks"/> cuts from the same text) to <paramref name="output"/>.</summary>
    public void Write(IEnumerable<string> chunks, LayoutFacts facts, TextWriter output)
    {
        MostHeld = 0;
        if (_options.CharactersOnly)
        {
            foreach (var chunk in chunks)
            {
                MostHeld = Math.Max(MostHeld, chunk.Length);
                output.Write(Normalizer.Finish([], _converter, Normalizer.Characters([], chunk, _options)));
            }
            return;
        }
        var (width, running) = (facts.WrapWidth, facts.RunningLines());
        var held = new List<string>();
        long heldLength = 0;
        var wrote = false;
        void Flush()
        {
            var text = Normalizer.Finish([], _converter, Normalizer.Join(LineLayout.WrappedLines(held, width, running)));
            if (text.Length > 0)
            {
                if (wrote) output.Write('\n');
                output.Write(text);
                wrote = true;
            }
            held.Clear();
            heldLength = 0;
        }
        foreach (var chunk in chunks)
        {
            MostHeld = Math.Max(MostHeld, chunk.Length);
            var lines = Normalizer.LayoutLines([], Normalizer.Characters([], chunk, _options));
            if (lines.Count == 0) continue;
            if (held.Count > 0)
            {
                if (SafeCut(held, lines, running)) Flush();
                else held.Add("");
            }
            held.AddRange(lines);
            foreach (var l in lines) heldLength += l.Length + 1;
            MostHeld = Math.Max(MostHeld, heldLength);
        }
        if (held.Count > 0) Flush();
    }

    /// <summary>Whether the blank line between <paramref name="before"/> and <paramref name="after"/> stays
    /// whatever the running lines: the nearest line on each side that is not a page break is no running line.</summary>
    private static bool SafeCut(List<string> before, IReadOnlyList<string> after, IReadOnlySet<string> running)
    {
        if (running.Count == 0) return true;
        static bool Gap(string l) => l.Length == 0 || l == "\f";
        var last = before.FindLastIndex(l => !Gap(l));
        var first = -1;
        for (var i = 0; i < after.Count && first < 0; i++) if (!Gap(after[i])) first = i;
        return last >= 0 && first >= 0
            && !running.Contains(LineLayout.RunningKey(before[last])) && !running.Contains(LineLayout.RunningKey(after[first]));
    }

    /// <summary>The text of <paramref name="reader"/> in chunks that end right after two line feeds in a row (the
    /// end of a blank line), but the last: read <paramref name="size"/> characters at a time, each cut at the
    /// last such place read so far.</summary>
    public static IEnumerable<string> Chunks(TextReader reader, int size = DefaultChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var buffer = new char[Math.Max(size, 2)];
        var (total, searched) = (0, 0);
        while (true)
        {
            if (buffer.Length - total < size) Array.Resize(ref buffer, Math.Max(2 * buffer.Length, total + size));
            var n = ReadBlock(reader, buffer.AsSpan(total, size));
            total += n;
            if (n < size)
            {
                if (total > 0) yield return new string(buffer, 0, total);
                yield break;
            }
            var from = Math.Max(0, searched - 1);
            var at = buffer.AsSpan(from, total - from).LastIndexOf("\n\n");
            searched = total;
            if (at < 0) continue;
            var cut = from + at + 2;
            yield return new string(buffer, 0, cut);
            buffer.AsSpan(cut, total - cut).CopyTo(buffer);
            (total, searched) = (total - cut, total - cut);
        }
    }

    private static int ReadBlock(TextReader reader, Span<char> span)
    {
        var read = 0;
        while (read < span.Length && reader.Read(span[read..]) is var n and > 0) read += n;
        return read;
    }
}
