using ClusterPolicyMiner.Model;

namespace ClusterPolicyMiner.Tests;

public class RawDocumentTests
{
    [Fact]
    public void TheIdIsTheSha256OfTheBytesInLowerCaseHex()
    {
        var doc = new RawDocument("x.txt", "abc"u8.ToArray());
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", doc.Id);
    }
}
