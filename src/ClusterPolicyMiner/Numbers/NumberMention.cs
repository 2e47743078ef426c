namespace ClusterPolicyMiner.Numbers;

/// <summary>What a number in the text stands for. Ordinals, years and dates are told apart from
/// quantities so that later stages never read an article number or a date as a requirement.</summary>
public enum NumberKind
{
    Integer,
    Decimal,
    Percent,
    Fraction,
    Range,
    Ordinal,
    Year,
    Date,
    Duration,
    Money,
    Dimension,
    /// <summary>Characters that form a numeral too large or too long to be a value (Value is null).</summary>
    OutOfRange,
}

/// <summary>One number found in a text.</summary>
/// <param name="Kind">What the number is.</param>
/// <param name="Value">The value in canonical units: yuan for money, percent points for percentages,
/// the lower bound of a range, the year of a Year; null for a Date (see <paramref name="DateText"/>).</param>
/// <param name="Upper">The upper bound of a range; null otherwise.</param>
/// <param name="Unit">%, CNY, km2, 亩, years, months, days, working_days, or the counter written after the
/// number (家, 个, 项, 份…); null when none.</param>
/// <param name="Start">Offset of the first character in the text given to the recogniser.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Text">The characters between Start and End.</param>
/// <param name="DateText">For dates: yyyy-MM-dd, or MM-dd when the year is not written (MM for a month
/// alone); for years: yyyy.</param>
/// <param name="Open">余, 多 or 几 when the amount is open (500余亿元, 五百多, 几十家): more than the value.</param>
public sealed record NumberMention(
    NumberKind Kind,
    decimal? Value,
    decimal? Upper,
    string? Unit,
    int Start,
    int End,
    string Text,
    string? DateText = null,
    string? Open = null);
