using Commendations.Domain.Campaigns;
using Commendations.Features.Statistics;
using static Commendations.Features.Statistics.CampaignForm;

namespace Commendations.Tests.Features.Statistics;

/// <summary>
/// Form 0601.N's duration classes: a yearly campaign is "1 năm" whatever day of January it starts, and the longer classes
/// read as the form says ("from 1 to under 3 years"). The rows and columns of the campaigns counted are checked over HTTP
/// (StatisticsOverHttpTests).
/// </summary>
public class CampaignFormTests
{
    private static Campaign Running(DateOnly from, DateOnly to) => new("PT", "Phong trào", CampaignType.Regular, from, to, to, to);

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", Duration.OneYear)]
    [InlineData("2026-01-05", "2026-12-31", Duration.OneYear)]
    [InlineData("2026-01-15", "2027-01-14", Duration.OneYear)]
    [InlineData("2026-02-15", "2026-12-31", Duration.UnderOneYear)]
    [InlineData("2026-05-01", "2026-08-31", Duration.UnderOneYear)]
    [InlineData("2026-01-01", "2027-06-30", Duration.OneToThreeYears)]
    [InlineData("2026-01-01", "2028-12-31", Duration.ThreeToFiveYears)]
    [InlineData("2021-01-01", "2025-12-31", Duration.FiveYearsOrMore)]
    [InlineData("2021-01-01", "2025-12-30", Duration.ThreeToFiveYears)]
    public void A_campaign_falls_in_the_duration_class_of_its_first_to_last_day(string from, string to, Duration expected) =>
        DurationOf(Running(DateOnly.Parse(from), DateOnly.Parse(to))).Should().Be(expected);

    [Fact]
    public void Every_counted_campaign_is_launched_at_the_province_s_level_and_the_levels_the_system_does_not_hold_stay_empty()
    {
        var form = Of([Running(new(2026, 1, 1), new(2026, 12, 31)), new Campaign("CD", "Chuyên đề", CampaignType.Thematic, new(2026, 3, 1), new(2026, 9, 30),
            new(2026, 9, 1), new(2026, 9, 30))]);
        var rows = form.Rows.Where(r => r.Values is not null).ToDictionary(r => r.Code, r => r.Values!);
        rows["01"].Should().Equal(2, null, 2, null);
        rows["02"].Should().OnlyContain(v => v == null);
        rows["06"].Should().Equal(1, null, 1, null);
        rows["07"].Should().Equal(1, null, 1, null);
        rows["11"].Should().Equal(1, null, 1, null);
        rows["12"].Should().Equal(1, null, 1, null);
        form.Columns.Select(c => c.Number).Should().Equal("1=(2+3+4)", "2", "3", "4");
    }
}
