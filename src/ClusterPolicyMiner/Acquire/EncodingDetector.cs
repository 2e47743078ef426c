using System.Text;

namespace ClusterPolicyMiner.Acquire;

/// <summary>The detector's verdict. <see cref="Text"/> is null when no candidate decodes the bytes.</summary>
internal sealed record EncodingDecision(
    string EncodingName,
    string Rule,
    string? Text,
    int InvalidSequences,
    IReadOnlyList<string> Notes,
    string? FailureReason = null);

/// <summary>Decides the encoding from combined evidence, in this order: BOM; declared charsets (HTTP, then meta);
/// byte statistics over UTF-8, GB18030 and Big5 (and UTF-16 when NULs sit in alternate positions).
/// Every candidate is decoded strictly; the one with the fewest invalid sequences wins and ties go to the
/// earlier evidence, except that among tied candidates one whose text is far more made of common Chinese
/// characters beats an earlier one (GB18030 decodes Big5 bytes without a single error, into rare characters).</summary>
internal static class EncodingDetector
{
    /// <summary>How much more common-character share a later candidate needs to beat an earlier tied one,
    /// and the share it needs at least.</summary>
    private const double ShareMargin = 0.25, ShareFloor = 0.6;

    /// <summary>The sample every candidate decodes before the contenders decode the whole input.</summary>
    private const int SampleBytes = 256 * 1024;

    public static EncodingDecision Decide(
        byte[] bytes, IReadOnlyList<DeclaredCharset> declared, IReadOnlyList<string> utf16Candidates)
    {
        if (CharsetEvidence.Bom(bytes) is var (bomEncoding, bomLength))
        {
            var trial = Trial.Run(bomEncoding, EncodingRules.Bom, bytes.AsSpan(bomLength));
            return Finish(trial, [], NonAsciiBytes(bytes));
        }

        var notes = new List<string>();
        var candidates = new List<(Candidate Candidate, string Rule, string? Label)>();
        foreach (var d in declared)
        {
            if (CharsetEvidence.FromLabel(d.Label) is { } c) candidates.Add((c, d.Rule, d.Label));
            else notes.Add($"unknown charset label '{d.Label}' ({d.Rule}) ignored");
        }
        IEnumerable<Candidate> statistical = utf16Candidates.Count > 0
            ? utf16Candidates.Select(n => n == "utf-16be" ? CharsetEvidence.Utf16Be : CharsetEvidence.Utf16Le)
            : [CharsetEvidence.Utf8, CharsetEvidence.Gb18030, CharsetEvidence.Big5];
        candidates.AddRange(statistical.Select(c => (c, EncodingRules.Statistics, (string?)null)));

        // Every candidate is first tried on a sample; those far behind there are dropped, and only the others
        // decode the whole input (an input that is plainly UTF-8 is then decoded once, not three times).
        var distinct = candidates.DistinctBy(c => c.Candidate.Name).ToList();   // earliest evidence per encoding
        var sampled = bytes.Length > SampleBytes;
        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, SampleBytes));
        var trials = new List<(Trial Trial, string? Label)>();
        foreach (var c in distinct)
        {
            var trial = Trial.Run(c.Candidate, c.Rule, sample);
            // The earliest evidence decoding the whole input without an error into mostly common characters
            // wins whatever the others give: none has fewer errors, and none can be ShareMargin more common.
            if (trials.Count == 0 && !sampled && trial.Invalid == 0 && trial.Share >= 1 - ShareMargin)
                return Finish(trial, notes, NonAsciiBytes(bytes));
            trials.Add((trial, c.Label));
        }
        // One more invalid sequence is allowed in a sample, whose cut may split a character.
        var alive = Contenders(trials, NonAsciiBytes(sample), slack: sampled ? 1 : 0)
            .Select(t => t.Trial.Candidate.Name).ToHashSet();
        if (sampled)
            trials = trials.Select(t => alive.Contains(t.Trial.Candidate.Name)
                ? (Trial.Run(t.Trial.Candidate, t.Trial.Rule, bytes), t.Label) : t).ToList();

        var nonAscii = NonAsciiBytes(bytes);
        var tied = Contenders(trials.Where(t => alive.Contains(t.Trial.Candidate.Name)).ToList(), nonAscii, slack: 0);
        var winner = tied[0];
        foreach (var other in tied.Skip(1))
        {
            if (other.Trial.Share >= ShareFloor && other.Trial.Share - winner.Trial.Share > ShareMargin)
                winner = other;
        }

        var first = trials[0];
        if (first.Label is not null && winner.Trial.Candidate != first.Trial.Candidate)
            notes.Add(first.Trial.Invalid > winner.Trial.Invalid
                ? $"declared charset '{first.Label}' ({first.Trial.Rule}) decodes with {(sampled ? "at least " : "")}" +
                  $"{first.Trial.Invalid} invalid sequence(s); decoded as {winner.Trial.Candidate.Name} by byte statistics"
                : $"declared charset '{first.Label}' ({first.Trial.Rule}) decodes to rare characters " +
                  $"({Percent(first.Trial.Share)} common); decoded as {winner.Trial.Candidate.Name} ({Percent(winner.Trial.Share)} common)");

        return Finish(winner.Trial, notes, nonAscii);
    }

    /// <summary>The trials within reach of the fewest invalid sequences, in evidence order. A Big5 page with one
    /// character outside code page 950 is still a Big5 page: one invalid sequence per 400 non-ASCII bytes
    /// (about 200 characters) is allowed.</summary>
    private static List<(Trial Trial, string? Label)> Contenders(
        List<(Trial Trial, string? Label)> trials, int nonAscii, int slack)
    {
        var fewest = trials.Min(t => t.Trial.Invalid);
        return trials.Where(t => t.Trial.Invalid <= fewest + nonAscii / 400 + slack).ToList();
    }

    private static string Percent(double share) => $"{share * 100:0}%";

    /// <summary>More than one invalid sequence per 20 non-ASCII bytes (about one character in ten) means the
    /// text is not in this encoding at all.</summary>
    private static EncodingDecision Finish(Trial trial, List<string> notes, int nonAsciiBytes)
    {
        if (trial.Invalid > 0 && trial.Invalid * 20L > nonAsciiBytes)
            return new EncodingDecision(DocumentDecoder.UnknownEncoding, DocumentDecoder.NoRule, null, trial.Invalid, notes,
                $"unknown encoding: even the best candidate ({trial.Candidate.Name}) finds {trial.Invalid} invalid " +
                $"sequence(s) in {nonAsciiBytes} non-ASCII bytes");
        return new EncodingDecision(trial.Candidate.Name, trial.Rule, trial.Text, trial.Invalid, notes);
    }

    private static int NonAsciiBytes(ReadOnlySpan<byte> bytes)
    {
        var n = 0;
        for (var i = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF); i >= 0; )
        {
            var run = bytes[i..].IndexOfAnyInRange((byte)0, (byte)0x7F);
            if (run < 0) return n + bytes.Length - i;
            n += run;
            var next = bytes[(i + run)..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            i = next < 0 ? -1 : i + run + next;
        }
        return n;
    }
}

/// <summary>One candidate decoded strictly: the text (invalid sequences as U+FFFD), how many sequences were
/// invalid, and the share of its non-ASCII characters that are common Chinese characters. The text is held
/// as characters until it is asked for: only the winner's becomes a string.</summary>
internal sealed class Trial
{
    private readonly char[] _chars;
    private readonly int _length;
    private string? _text;

    private Trial(Candidate candidate, string rule, char[] chars, int length, int invalid, double share)
    {
        (Candidate, Rule, _chars, _length, Invalid, Share) = (candidate, rule, chars, length, invalid, share);
    }

    public Candidate Candidate { get; }
    public string Rule { get; }
    public int Invalid { get; }
    public double Share { get; }
    public string Text => _text ??= new string(_chars, 0, _length);

    public static Trial Run(Candidate candidate, string rule, ReadOnlySpan<byte> bytes)
    {
        var counter = new CountingDecoderFallback();
        var encoding = Encoding.GetEncoding(candidate.CodePage, EncoderFallback.ReplacementFallback, counter);
        // One pass through a decoder, so that each invalid sequence reaches the fallback exactly once
        // (Encoding.GetString may count and then convert, calling the fallback twice).
        var decoder = encoding.GetDecoder();
        var buffer = new char[encoding.GetMaxCharCount(bytes.Length)];
        var length = decoder.GetChars(bytes, buffer, flush: true);
        var invalid = counter.Count;
        if (candidate.CodePage is 936 or 54936 or 950)
        {
            // The Windows code pages map unassigned and user-defined byte pairs into the Private Use Area instead
            // of calling the fallback (code page 950 reads most GBK bytes that way); for a notice they are invalid.
            var chars = buffer.AsSpan(0, length);
            for (var i = chars.IndexOfAnyInRange('\uE000', '\uF8FF'); i >= 0; i = NextPrivateUse(chars, i + 1))
            {
                chars[i] = '\uFFFD';
                invalid++;
            }
        }
        return new Trial(candidate, rule, buffer, length, invalid,
            CommonHanzi.Share(buffer.AsSpan(0, Math.Min(length, 256 * 1024))));
    }

    private static int NextPrivateUse(Span<char> chars, int from)
    {
        var i = chars[from..].IndexOfAnyInRange('\uE000', '\uF8FF');
        return i < 0 ? -1 : from + i;
    }
}

/// <summary>Replaces each invalid byte sequence by U+FFFD and counts them. One instance per decode.</summary>
internal sealed class CountingDecoderFallback : DecoderFallback
{
    public int Count { get; private set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(CountingDecoderFallback owner) : DecoderFallbackBuffer
    {
        private int _remaining;

        public override int Remaining => _remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Count++;
            _remaining = 1;
            return true;
        }

        public override char GetNextChar()
        {
            if (_remaining == 0) return '\0';
            _remaining = 0;
            return '\uFFFD';
        }

        public override bool MovePrevious()
        {
            if (_remaining == 1) return false;
            _remaining = 1;
            return true;
        }

        public override void Reset() => _remaining = 0;
    }
}
