using System.Net.Http.Headers;
using ClusterPolicyMiner.Acquire.Web;

namespace ClusterPolicyMiner.Tests.Acquire.Web;

public class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void SecondsAreTakenAsTheWait() =>
        Assert.Equal(TimeSpan.FromSeconds(120), FetchFailures.RetryAfter(RetryConditionHeaderValue.Parse("120"), null, Now));

    [Fact]
    public void AnHttpDateIsMeasuredFromTheServersOwnDateHeader()
    {
        var header = RetryConditionHeaderValue.Parse("Wed, 21 Oct 2015 07:28:30 GMT");
        var serverDate = DateTimeOffset.Parse("2015-10-21T07:28:00Z");

        Assert.Equal(TimeSpan.FromSeconds(30), FetchFailures.RetryAfter(header, serverDate, Now));
    }

    [Fact]
    public void AnHttpDateWithoutAServerDateIsMeasuredFromOurClockAndNeverNegative()
    {
        Assert.Equal(TimeSpan.FromMinutes(1),
            FetchFailures.RetryAfter(new RetryConditionHeaderValue(Now.AddMinutes(1)), null, Now));
        Assert.Equal(TimeSpan.Zero,
            FetchFailures.RetryAfter(new RetryConditionHeaderValue(Now.AddMinutes(-1)), null, Now));
    }

    [Fact]
    public void NoHeaderMeansNoRequestedWait() => Assert.Null(FetchFailures.RetryAfter(null, null, Now));
}
