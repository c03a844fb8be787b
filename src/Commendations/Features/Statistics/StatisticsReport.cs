using Commendations.Common.Text;
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

/// <summary>
/// A year's statistics for a scope: the three forms of Circular 02/2023/TT-BNV — 0601.N (campaigns), 0602.N (State-level
/// awards), 0603.N (awards of the province) — and two annexes the forms do not have: the campaigns one by one with the
/// units registered in them, and the counted awards by award form (every counted registry line is in exactly one row).
/// </summary>
public sealed record StatisticsReport(
    int Year, DateOnly From, DateOnly To, Guid? UnitId, string ScopeName, string Recipient,
    CountTable CampaignForm, CountTable StateForm, CountTable ProvincialForm,
    IReadOnlyList<CampaignRow> Campaigns, IReadOnlyList<AwardFormRow> AwardForms)
{
    public CampaignRow CampaignTotal => new("", "", CampaignType.Regular, Campaigns.Sum(c => c.RegisteredUnits),
        Campaigns.Sum(c => c.Collectives), Campaigns.Sum(c => c.Individuals), Campaigns.Sum(c => c.Households));

    public AwardFormRow AwardFormTotal => new("", "", AwardLevel.Other, AwardForms.Sum(r => r.Collectives), AwardForms.Sum(r => r.Households),
        AwardForms.Sum(r => r.Individuals), AwardForms.Sum(r => r.Women));
}

/// <summary>
/// A form's table of counts. <see cref="CountRow.Values"/> follow <see cref="Columns"/>, the first being the form's
/// column 1 "Tổng số"; a null value is a cell the system has no data for (shown empty, never guessed).
/// </summary>
public sealed record CountTable(string FormCode, Message Title, Message? UnitOfCount, IReadOnlyList<CountColumn> Columns, IReadOnlyList<CountRow> Rows)
{
    public CountRow Total => Rows[0];
}

/// <summary>
/// One column of counts: the form's column number and its headings from the outermost ("Chia ra") to its own (an award
/// form, "Tập thể"); <paramref name="Kind"/> when it counts one kind of nominee only.
/// </summary>
public sealed record CountColumn(string Number, IReadOnlyList<ILocalised> Headings, NomineeKind? Kind = null);

/// <summary>A row of a form: its code, label and unit of count; <paramref name="Values"/> is null for a section heading.</summary>
public sealed record CountRow(string Code, Message Label, Message? Unit, IReadOnlyList<int?>? Values);

/// <summary>A campaign of the annex: its kind, the units of the scope registered in it and its counted awards.</summary>
public sealed record CampaignRow(string Code, string Name, CampaignType Type, int RegisteredUnits, int Collectives, int Individuals, int Households);

/// <summary>Where an award form is counted: form 0602.N, form 0603.N, or neither (the forms have no column for it).</summary>
public enum AwardLevel { State, Provincial, Other }

/// <summary>One award form of the annex: its counted lines by nominee kind, and the women among its individuals.</summary>
public sealed record AwardFormRow(string Column, string Name, AwardLevel Level, int Collectives, int Households, int Individuals, int Women)
{
    public int Total => Collectives + Households + Individuals;
}

/// <summary>One counted registry line: enough to place it in every table.</summary>
public sealed record CountedAward(Guid CampaignId, Guid AwardFormId, string AwardFormCode, NomineeKind Kind, bool Woman, CampaignType Method);
