using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;

namespace Commendations.Features.Statistics;

/// <summary>
/// The reporting period of the emulation and commendation statistics: Circular 02/2023/TT-BNV counts a year's report from
/// 01/12 of the year before to 30/11 of the year (docs/statistics.md).
/// </summary>
public sealed record ReportingPeriod(DateOnly From, DateOnly To)
{
    public static ReportingPeriod Of(int year) => new(new DateOnly(year - 1, 12, 1), new DateOnly(year, 11, 30));
}

public sealed record StatisticsReport(
    int Year, DateOnly From, DateOnly To, Guid? UnitId, string ScopeName,
    IReadOnlyList<CampaignRow> Campaigns, IReadOnlyList<AwardRow> ProvincialAwards, IReadOnlyList<AwardRow> StateAwards)
{
    public int RegularCampaigns => Campaigns.Count(c => c.Type == CampaignType.Regular);
    public int ThematicCampaigns => Campaigns.Count(c => c.Type == CampaignType.Thematic);
    public CampaignRow CampaignTotal => new("", "", CampaignType.Regular, Campaigns.Sum(c => c.RegisteredUnits),
        Campaigns.Sum(c => c.Collectives), Campaigns.Sum(c => c.Individuals), Campaigns.Sum(c => c.Households));
    public AwardRow ProvincialTotal => AwardRow.Sum(ProvincialAwards);
    public AwardRow StateTotal => AwardRow.Sum(StateAwards);
}

public sealed record CampaignRow(string Code, string Name, CampaignType Type, int RegisteredUnits, int Collectives, int Individuals, int Households);

/// <summary>
/// One award row: collectives, households and individuals, of whom women. The forms also ask how many individuals are
/// leaders, workers/farmers and of an ethnic minority: the system does not record these (see <see cref="NotRecorded"/>).
/// </summary>
public sealed record AwardRow(string Code, string Name, int Collectives, int Households, int Individuals, int Women)
{
    public int Total => Collectives + Households + Individuals;

    public static AwardRow Count(string code, string name, IEnumerable<CountedAward> awards)
    {
        var list = awards.ToList();
        return new(code, name, list.Count(a => a.Kind == NomineeKind.Collective), list.Count(a => a.Kind == NomineeKind.Household),
            list.Count(a => a.Kind == NomineeKind.Individual), list.Count(a => a.Kind == NomineeKind.Individual && a.Woman));
    }

    public static AwardRow Sum(IReadOnlyList<AwardRow> rows) => new("", "", rows.Sum(r => r.Collectives), rows.Sum(r => r.Households),
        rows.Sum(r => r.Individuals), rows.Sum(r => r.Women));
}
