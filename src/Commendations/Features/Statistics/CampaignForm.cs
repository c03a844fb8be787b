using Commendations.Common.Text;
using Commendations.Domain.Campaigns;

namespace Commendations.Features.Statistics;

/// <summary>
/// Form 0601.N/BNV-TĐKT "Số phong trào thi đua" (docs/statistics.md): the campaigns counted, by the level that launched
/// them (columns), by scope, duration and method (rows). The system holds the campaigns the province launches, so every
/// counted campaign is in column 3 (ministry or province level) and row 03 (ministries, sectors, localities); the
/// central level's and the units' own campaigns, and the clusters' (rows 02, 04, 05, columns 2 and 4), are not recorded
/// here and stay empty.
/// </summary>
public static class CampaignForm
{
    public const string Code = "0601.N/BNV-TĐKT";

    public static Message Title => new Message("SỐ PHONG TRÀO THI ĐUA");

    public static CountTable Of(IReadOnlyList<Campaign> campaigns)
    {
        var byLevel = new Message("Số phong trào thi đua chia theo cấp chủ trì phát động thi đua");
        CountColumn[] columns =
        [
            new("1=(2+3+4)", [new Message("Tổng số")]),
            new("2", [byLevel, new Message("Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)")]),
            new("3", [byLevel, new Message("Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương")]),
            new("4", [byLevel, new Message("Cơ quan, tổ chức, đơn vị")]),
        ];
        CountRow Count(string code, Message label, Func<Campaign, bool> counts)
        {
            var n = campaigns.Count(counts);
            return new CountRow(code, label, null, [n, null, n, null]);
        }
        CountRow NotRecorded(string code, Message label) => new(code, label, null, [null, null, null, null]);
        CountRow Heading(Message label) => new("", label, null, null);

        CountRow[] rows =
        [
            Count("01", new Message("Tổng số"), _ => true),
            Heading(new Message("1. Chia theo phạm vi tổ chức thi đua")),
            NotRecorded("02", new Message("- Toàn quốc")),
            Count("03", new Message("- Bộ, ban, ngành, đoàn thể, địa phương"), _ => true),
            NotRecorded("04", new Message("- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức")),
            NotRecorded("05", new Message("- Cơ quan, tổ chức, đơn vị")),
            Heading(new Message("2. Chia theo thời hạn thi đua")),
            Count("06", new Message("- Dưới 1 năm"), c => DurationOf(c) == Duration.UnderOneYear),
            Count("07", new Message("- 1 năm"), c => DurationOf(c) == Duration.OneYear),
            Count("08", new Message("- Từ 1 năm đến dưới 3 năm"), c => DurationOf(c) == Duration.OneToThreeYears),
            Count("09", new Message("- Từ 3 năm đến dưới 5 năm"), c => DurationOf(c) == Duration.ThreeToFiveYears),
            Count("10", new Message("- Từ 5 năm trở lên"), c => DurationOf(c) == Duration.FiveYearsOrMore),
            Heading(new Message("3. Chia theo phương thức tổ chức phong trào thi đua")),
            Count("11", new Message("- Thi đua theo chuyên đề"), c => c.Type == CampaignType.Thematic),
            Count("12", new Message("- Thi đua thường xuyên hằng năm"), c => c.Type == CampaignType.Regular),
        ];
        return new CountTable(Code, Title, new Message("Đơn vị tính: Phong trào"), columns, rows);
    }

    public enum Duration { UnderOneYear, OneYear, OneToThreeYears, ThreeToFiveYears, FiveYearsOrMore }

    /// <summary>
    /// A campaign's duration from its first to its last day inclusive. "1 năm" is a year give or take half a month (a
    /// campaign of 01/01–31/12, or of 15/01/2026–14/01/2027): a yearly campaign is not "under a year" because it starts on
    /// the second of January; the longer classes are read as the form says them, "from 1 to under 3 years" and so on.
    /// </summary>
    public static Duration DurationOf(Campaign campaign)
    {
        var end = campaign.PeriodEnd.AddDays(1);
        var start = campaign.PeriodStart;
        if (end < start.AddYears(1).AddDays(-15))
            return Duration.UnderOneYear;
        if (end <= start.AddYears(1).AddDays(15))
            return Duration.OneYear;
        if (end < start.AddYears(3))
            return Duration.OneToThreeYears;
        return end < start.AddYears(5) ? Duration.ThreeToFiveYears : Duration.FiveYearsOrMore;
    }
}
