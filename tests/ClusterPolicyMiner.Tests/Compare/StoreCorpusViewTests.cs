using System.Text.Json;
using ClusterPolicyMiner.Compare;
using ClusterPolicyMiner.Model;
using ClusterPolicyMiner.Store;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Compare;

/// <summary>The store's corpus view: headers from the columns, metadata from the models, each as the model says.</summary>
public sealed class StoreCorpusViewTests
{
    private static readonly PolicyMetadata Full = PolicyMetadata.Empty with
    {
        Jurisdiction = "陕西省", Issuer = "陕西省工业和信息化厅", Title = "陕西省促进中小企业特色产业集群发展实施办法", DocNumber = "陕工信发〔2023〕50号",
        Kind = "measures", Status = "final", Issued = new DateOnly(2023, 4, 28), Published = new DateOnly(2023, 5, 2),
        Effective = new DateOnly(2023, 6, 1), Expires = null, ValidityYears = 3, EditionYear = 2023,
        Cites = [new Citation("促进中小企业特色产业集群发展暂行办法", "工信部企业〔2022〕119号")], Programme = ClusterPolicyMiner.Structure.Programmes.SmeCluster,
    };

    private static string Json(object o) => JsonSerializer.Serialize(o);

    [Fact]
    public void HeadersHoldTheColumnsAndMetadataTheWholeMetadataOfEachModel()
    {
        using var dir = new TempFolder();
        using var store = PolicyStore.Open(dir.File("a.db"));
        var ids = new List<string>();
        foreach (var (name, meta) in new[] { ("a.txt", Full), ("b.txt", PolicyMetadata.Empty with { Jurisdiction = "青海省" }) })
        {
            var raw = new RawDocument(name, System.Text.Encoding.UTF8.GetBytes(name + " 第一条 集群有效期为三年。"));
            var text = "第一条 集群有效期为三年。";
            var doc = Models.Document(raw, text, [Models.Article(1, "第一条", 0, text.Length)], meta, []);
            store.Save(raw, doc);
            ids.Add(doc.Id);
        }

        var headers = store.Headers();
        Assert.Equal(ids.Order(StringComparer.Ordinal), headers.Select(h => h.Id));
        foreach (var h in headers)
        {
            var model = store.Load(h.Id)!;
            Assert.Equal(Json(DocumentHeader.Of(model)), Json(h));
        }
        // The columns do not hold the validity, the programme or the citations: the metadata read does.
        var shaanxi = headers.Single(h => h.Metadata.Jurisdiction == "陕西省");
        Assert.Null(shaanxi.Metadata.ValidityYears);
        var described = store.Metadata(ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal).Select(id => Json(store.Load(id)!.Metadata)), described.Select(d => Json(d.Metadata)));
        Assert.Equal(3, described.Single(d => d.Id == shaanxi.Id).Metadata.ValidityYears);
        Assert.All(described, d => Assert.Equal("", d.Text));

        var view = store.Corpus();
        Assert.Equal(store.Load(shaanxi.Id)!.Text, view.Load(view.Headers.Single(h => h.Id == shaanxi.Id)).Text);
    }
}
