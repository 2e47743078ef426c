using ClusterPolicyMiner.Emit;
using ClusterPolicyMiner.Pipeline;
using ClusterPolicyMiner.Model;
using NJsonSchema;

namespace ClusterPolicyMiner.Tests.Thresholds;

/// <summary>The new forms (ranges, relative rules, conditions, exclusions, open amounts, frequencies) leave the
/// model in its JSON contract: `cpm extract --json` of a notice holding all of them validates, and reads back.</summary>
public sealed class ThresholdJsonTests
{
    private const string Notice =
        "某某省中小企业特色产业集群认定标准\n" +
        "一、东部地区近三年产值均在20亿元以上，中西部地区10亿元以上；近三年主营业务收入均在5至10亿元之间。\n" +
        "二、每万人有效发明专利拥有量是全国平均的1.5倍，产值年均增速高于全省平均水平2个百分点。\n" +
        "三、主导产业产值占集群总产值比例不足50%的，不予认定；拥有专精特新中小企业几十家。\n" +
        "四、各省（自治区、直辖市）推荐数量原则上不超过3个，计划单列市不超过1个；集群须每年召开2次推进会。\n" +
        "五、集群产值不低于九千九百九十九万亿亿亿亿亿元。\n";

    [Fact]
    public async Task ADocumentHoldingEveryNewFormIsValidAgainstThePolicySchemaAndReadsBack()
    {
        var doc = new DocumentPipeline(new()).Process(new RawDocument("forms.txt", System.Text.Encoding.UTF8.GetBytes(Notice)));
        var json = PolicyJson.Write(doc);
        var schema = await JsonSchema.FromJsonAsync(RuleFileWriter.PolicySchema);

        Assert.Empty(schema.Validate(json));
        Assert.Contains(doc.Thresholds, t => t.Unit == "times" && t.Reference == "全国平均");
        Assert.Contains(doc.Thresholds, t => t.Exclusion is not null);
        Assert.Contains(doc.Diagnostics, d => d.Code == Model.DiagnosticCode.UnreadRequirement);
        Assert.Contains(doc.Diagnostics, d => d.Code == Model.DiagnosticCode.NumberOutOfRange);
        var back = PolicyJson.Read(json);
        Assert.Equal(doc.Thresholds.Select(t => (t.Metric, t.Op, t.Value, t.Unit, t.Reference, t.Exclusion, t.UnitWritten, string.Join('+', t.Conditions))),
            back.Thresholds.Select(t => (t.Metric, t.Op, t.Value, t.Unit, t.Reference, t.Exclusion, t.UnitWritten, string.Join('+', t.Conditions))));
    }
}
