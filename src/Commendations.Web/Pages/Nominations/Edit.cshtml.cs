using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Web.Pages.Nominations;

/// <summary>The unit corrects its draft or completes a returned dossier (nominee details and summary).</summary>
public sealed class EditModel(CommendationsDbContext db) : AppPageModel
{
    [FromRoute] public Guid Id { get; set; }

    [BindProperty] public NominationInput Input { get; set; } = new();

    public NominationDetail? Detail { get; private set; }

    public string[] FieldKeys =>
    [
        "Input.achievementSummary", "Input.person.fullName", "Input.person.birthYear", "Input.person.position",
        "Input.collective.name", "Input.collective.headcount", "Input.collective.women", "Input.collective.advancedWorkers",
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return Page();
        // GetNomination has already checked that the reader may see it; the nominee's own figures are read to fill the form.
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == Id);
        Input.AchievementSummary = Detail!.AchievementSummary;
        if (nomination.PersonId is { } personId && await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId) is { } person)
            Input.Person = new() { FullName = person.FullName, Gender = person.Gender, BirthYear = person.BirthYear, Position = person.Position };
        if (nomination.CollectiveId is { } collectiveId && await db.Collectives.AsNoTracking().SingleOrDefaultAsync(c => c.Id == collectiveId) is { } collective)
            Input.Collective = new() { Name = collective.Name, Headcount = collective.Headcount, Women = collective.Women, AdvancedWorkers = collective.AdvancedWorkers };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
            return Page();
        if (!ModelState.IsValid)
            return Page();
        var ok = await TryAsync(() => Mediator.Send(new EditNomination(Id, Input.PersonInput(), Input.CollectiveInput(), Input.AchievementSummary ?? "")));
        if (!ok)
            return Page();
        Flash = T["Đã lưu thay đổi."];
        return Redirect(Common.PageLinks.Nomination(Id));
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Detail = await Mediator.Send(new GetNomination(Id));
            Input.Kind = Detail.Kind;
            return true;
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
    }
}
