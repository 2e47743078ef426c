using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Pipeline;

namespace ClusterPolicyMiner.Tests.Support;

/// <summary>Runs one file of corpus/ through the whole pipeline, as `cpm run` does.</summary>
public static class CorpusPipeline
{
    public static PolicyDocument Process(string corpusFile)
    {
        var path = Path.Combine(TestPaths.Corpus, corpusFile);
        return new DocumentPipeline(new()).Process(new RawDocument(path, File.ReadAllBytes(path)));
    }
}
