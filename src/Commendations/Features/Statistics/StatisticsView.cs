using System.Globalization;
using Commendations.Domain.Catalog;

namespace Commendations.Features.Statistics;

/// <summary>
/// The report as the API returns it: each form's columns and rows with their codes and numbers, and every label in the
/// reader's language (the report itself carries messages, which are formatted only where they are shown).
/// </summary>
public sealed record StatisticsView(
    int Year, DateOnly From, DateOnly To, Guid? UnitId, string ScopeName, string Recipient, IReadOnlyList<StatisticsView.Form> Forms,
    IReadOnlyList<CampaignRow> Campaigns, IReadOnlyList<StatisticsView.AwardForm> AwardForms, StatisticsView.AwardForm AwardFormTotal)
{
    /// <summary>A form: its code (e.g. 0602.N/BNV-TĐKT), title, columns and rows; a row's values follow the columns.</summary>
    public sealed record Form(string Code, string Title, IReadOnlyList<Column> Columns, IReadOnlyList<Row> Rows);

    /// <summary>A column: its number on the form, its headings joined outermost first, and the nominee kind it counts, if one.</summary>
    public sealed record Column(string Number, string Heading, NomineeKind? Kind);

    /// <summary>A row: null values for a section heading, a null value for a cell the system has no data for.</summary>
    public sealed record Row(string Code, string Label, string? Unit, IReadOnlyList<int?>? Values);

    public sealed record AwardForm(string Name, AwardLevel Level, string Column, int Total, int Collectives, int Households, int Individuals, int Women);

    public static StatisticsView Of(StatisticsReport report, CultureInfo culture)
    {
        Form FormOf(CountTable t) => new(t.FormCode, t.Title.Format(culture),
            t.Columns.Select(c => new Column(c.Number, string.Join(" – ", c.Headings.Select(h => h.Format(culture))), c.Kind)).ToList(),
            t.Rows.Select(r => new Row(r.Code, r.Label.Format(culture), r.Unit?.Format(culture), r.Values)).ToList());
        AwardForm AwardFormOf(AwardFormRow a) => new(a.Name, a.Level, a.Column, a.Total, a.Collectives, a.Households, a.Individuals, a.Women);
        return new StatisticsView(report.Year, report.From, report.To, report.UnitId, report.ScopeName, report.Recipient,
            [FormOf(report.CampaignForm), FormOf(report.StateForm), FormOf(report.ProvincialForm)], report.Campaigns,
            report.AwardForms.Select(AwardFormOf).ToList(), AwardFormOf(report.AwardFormTotal));
    }
}
