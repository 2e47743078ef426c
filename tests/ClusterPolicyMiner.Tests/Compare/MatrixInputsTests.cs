using System.Text.Json;
using ClusterPolicyMiner.Compare;
using static ClusterPolicyMiner.Tests.Compare.CorpusFixture;
using static ClusterPolicyMiner.Tests.Compare.SeedDocuments;

namespace ClusterPolicyMiner.Tests.Compare;

public sealed class MatrixInputsTests
{
    public static TheoryData<string> Options() => ["default", "on-2023-07-01", "on-2024-08-01", "on-2025-08-01", "on-2021-01-01",
        "median", "drafts", "baseline-shaanxi", "docs"];

    private static MatrixOptions Make(string name) => name switch
    {
        "median" => new MatrixOptions { Baseline = BaselineChoice.Median },
        "drafts" => new MatrixOptions { IncludeDrafts = true },
        "baseline-shaanxi" => new MatrixOptions { BaselineDocumentId = Shaanxi.Id },
        "docs" => new MatrixOptions { DocumentIds = [Qinghai.Id, Beijing.Id, Qinghai2024.Id] },
        var on when on.StartsWith("on-") => new MatrixOptions { On = DateOnly.Parse(on[3..]) },
        _ => new MatrixOptions(),
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void TheMatrixOfTheNeededModelsIsTheMatrixOfTheWholeCorpus(string name)
    {
        var options = Make(name);
        var (view, _) = Counting(Docs);
        var needed = MatrixInputs.Needed(view.Headers, options, view);
        Assert.Equal(JsonSerializer.Serialize(ComparisonMatrix.Build(Docs, options)),
            JsonSerializer.Serialize(ComparisonMatrix.Build(needed, options)));
    }

    [Fact]
    public void OnlyTheShownEditionsAndTheBaselineAreLoaded()
    {
        var (view, loads) = Counting(Docs);
        var needed = MatrixInputs.Needed(view.Headers, new MatrixOptions(), view);
        // The latest final per jurisdiction (青海省 2024, 陕西省 2025, 上海市, 全国), the national baseline among them;
        // the earlier editions and the draft are never read.
        Assert.Equal(new[] { Qinghai2024.Id, Shaanxi2025.Id, Shanghai.Id, National.Id }.Order(StringComparer.Ordinal),
            needed.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Qinghai.Id, loads.Keys);
        Assert.DoesNotContain(Beijing.Id, loads.Keys);
        Assert.All(loads.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public void AValidityInYearsIsReadFromTheModelWhenADateIsGiven()
    {
        // 青海省 2024 holds one year by its validity (not a column): on 2025-08-01 the 2023 edition has expired too,
        // so 青海省 has nothing in force; on 2024-08-01 the 2024 edition is shown.
        var (view, _) = Counting(Docs);
        var late = ComparisonMatrix.Build(MatrixInputs.Needed(view.Headers, new MatrixOptions { On = new DateOnly(2025, 8, 1) }, view),
            new MatrixOptions { On = new DateOnly(2025, 8, 1) });
        Assert.DoesNotContain(late.Columns, c => c.Jurisdiction == "青海省");
        var inForce = ComparisonMatrix.Build(MatrixInputs.Needed(view.Headers, new MatrixOptions { On = new DateOnly(2024, 8, 1) }, view),
            new MatrixOptions { On = new DateOnly(2024, 8, 1) });
        Assert.Contains(inForce.Columns, c => c.DocumentId == Qinghai2024.Id);
    }
}
