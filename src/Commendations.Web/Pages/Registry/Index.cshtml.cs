using System.Globalization;
using Commendations.Common.Errors;
using Commendations.Features.Nominations;
using Commendations.Features.Registry;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Registry;

/// <summary>
/// The award registry (sổ khen thưởng): every signed-in user searches who received what, by which decision; the current
/// search downloads as .xlsx or .csv through the export API.
/// </summary>
public sealed class IndexModel : AppPageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? Collective { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? AwardForm { get; set; }
    [BindProperty(SupportsGet = true)] public string? Campaign { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Decision { get; set; }

    /// <summary>Revoked awards are listed unless the reader unticks this (the form sends "false" then).</summary>
    [BindProperty(SupportsGet = true)] public bool IncludeRevoked { get; set; } = true;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public RegistryFilters Filters { get; private set; } = new([], [], []);
    public Page<RegistryLine> Results { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync()
    {
        Filters = await Mediator.Send(new GetRegistryFilters());
        if (!ModelState.IsValid)
            return; // e.g. a year that is not a number: the message shows next to the field, no search
        try
        {
            Results = await Mediator.Send(Search(Math.Clamp(PageNumber, 1, 100_000), PageSize));
        }
        catch (InputException e)
        {
            foreach (var (field, reasons) in e.Errors)
            {
                foreach (var reason in reasons)
                    ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], reason);
            }
        }
    }

    private SearchRegistry Search(int page, int pageSize) =>
        new(Person, Collective, UnitId, AwardForm, Campaign, Year, Decision, IncludeRevoked, page, pageSize);

    private Dictionary<string, string?> Query() => new()
    {
        ["person"] = Person,
        ["collective"] = Collective,
        ["unitId"] = UnitId?.ToString(),
        ["awardForm"] = AwardForm,
        ["campaign"] = Campaign,
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["decision"] = Decision,
        ["includeRevoked"] = IncludeRevoked ? null : "false",
    };

    public string PageLink(int page)
    {
        var query = Query();
        query["p"] = page.ToString(CultureInfo.InvariantCulture);
        return Build(query);
    }

    /// <summary>The first and last pages and two either side of the current one; null where pages are left out.</summary>
    public IEnumerable<int?> PagesShown() => Pager.PagesShown(Results.PageNumber, Results.TotalPages);

    /// <summary>The same search as a spreadsheet (every match, not one page).</summary>
    public string ExportLink(string format)
    {
        var query = Query();
        query["format"] = format;
        return "/api/exports/registry" + Build(query);
    }

    private static string Build(Dictionary<string, string?> query) =>
        QueryString.Create(query.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
}
