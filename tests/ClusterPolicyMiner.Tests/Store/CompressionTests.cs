using ClusterPolicyMiner.Store;

namespace ClusterPolicyMiner.Tests.Store;

/// <summary>Unpacking tries a pooled buffer of eight times the packed size first and falls back to the stream:
/// both paths, and the edge where the output fills the guess exactly, must give the packed bytes back.</summary>
public sealed class CompressionTests
{
    public static TheoryData<string, int> Inputs() => new()
    {
        { "empty", 0 }, { "one byte", 1 }, { "random (incompressible)", 100_000 },
        { "repetitive (far more than 8x)", 2_000_000 }, { "text-like", 300_000 },
    };

    private static byte[] Make(string kind, int n)
    {
        var rng = new Random(7);
        var bytes = new byte[n];
        if (kind.StartsWith("random", StringComparison.Ordinal)) rng.NextBytes(bytes);
        else if (kind.StartsWith("text", StringComparison.Ordinal))
            for (var i = 0; i < n; i++) bytes[i] = (byte)"第一条 申报集群主导产业产值不低于10亿元。\n"u8[rng.Next(10) == 0 ? rng.Next(20) : i % 20];
        else Array.Fill(bytes, (byte)'a');
        return bytes;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void WhatIsPackedUnpacksToTheSameBytes(string kind, int n)
    {
        var data = Make(kind, n);
        Assert.Equal(data, Compression.Unpack(Compression.Pack(data)));
    }

    [Fact]
    public void AnOutputOfExactlyTheGuessedSizeComesBackWhole()
    {
        // Grow a compressible input until its packed form is exactly an eighth of it (or pass that point).
        for (var n = 1024; n < 1 << 20; n += 1)
        {
            var data = new byte[n];
            for (var i = 0; i < n; i++) data[i] = (byte)(i * 7 % 251);
            var packed = Compression.Pack(data);
            Assert.Equal(data, Compression.Unpack(packed));
            if (packed.Length * 8 >= n) continue;
            if (packed.Length * 8 < n - 64) return;
        }
    }
}
