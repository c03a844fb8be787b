using Commendations.Domain.Campaigns;
using Commendations.Features.Admin.Campaigns;
using Commendations.Features.Campaigns;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>Campaigns: create or edit the period, dossier window and allowed award forms with quotas and workflows.</summary>
public sealed class CampaignsModel : AdminPageModel
{
    [BindProperty(SupportsGet = true, Name = "edit")] public Guid? Id { get; set; }
    [BindProperty] public CampaignForm Input { get; set; } = new();
    public IReadOnlyList<CampaignView> Campaigns { get; private set; } = [];
    public IReadOnlyList<WorkflowChoice> Workflows { get; private set; } = [];

    public string[] FieldKeys => ["Input.code", "Input.name", "Input.type", "Input.planReference", "Input.periodStart", "Input.periodEnd",
        "Input.dossierOpen", "Input.dossierClose", "Input.awards"];

    public async Task OnGetAsync()
    {
        var editor = await LoadAsync();
        if (editor.Campaign is { } c)
        {
            Input = new CampaignForm
            {
                Code = c.Code, Name = c.Name, Type = c.Type, PlanReference = c.PlanReference, PeriodStart = c.PeriodStart, PeriodEnd = c.PeriodEnd,
                DossierOpen = c.DossierOpen, DossierClose = c.DossierClose,
            };
        }
        Input.Awards = editor.AwardForms.Select(f =>
        {
            var allowed = editor.Campaign?.Awards.FirstOrDefault(a => a.AwardFormId == f.Id);
            return new AwardRow { AwardFormId = f.Id, Name = f.Name, Allowed = allowed is not null, WorkflowDefinitionId = allowed?.WorkflowDefinitionId,
                QuotaCollectives = allowed?.QuotaCollectives, QuotaIndividuals = allowed?.QuotaIndividuals };
        }).ToList();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var awards = Input.Awards.Where(a => a.Allowed).ToList();
        var input = new CampaignInput(Input.Code?.Trim() ?? "", Input.Name ?? "", Input.Type, Input.PlanReference, Input.PeriodStart ?? default,
            Input.PeriodEnd ?? default, Input.DossierOpen ?? default, Input.DossierClose ?? default,
            awards.Select(a => new CampaignAwardInput(a.AwardFormId, a.WorkflowDefinitionId ?? "", a.QuotaCollectives, a.QuotaIndividuals)).ToList());
        var ok = false;
        try
        {
            ok = ModelState.IsValid && await TryAsync(() => Mediator.Send(new SaveCampaign(Id, input)));
        }
        catch (Common.Errors.NotFoundException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        if (ok)
        {
            Flash = T["Đã lưu phong trào {0}.", input.Code];
            return Redirect("/quan-tri/phong-trao");
        }
        var editor = await LoadAsync();
        var names = editor.AwardForms.ToDictionary(f => f.Id, f => f.Name);
        foreach (var row in Input.Awards)
            row.Name = names.GetValueOrDefault(row.AwardFormId, "");
        return Page();
    }

    private async Task<CampaignEditor> LoadAsync()
    {
        Campaigns = await Mediator.Send(new ListCampaigns());
        var editor = await Mediator.Send(new GetCampaignForEdit(Id is { } id && Campaigns.Any(c => c.Id == id) ? id : null));
        if (editor.Campaign is null)
            Id = null;
        Workflows = editor.PublishedWorkflows;
        return editor;
    }

    public sealed class CampaignForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public CampaignType Type { get; set; } = CampaignType.Thematic;
        public string? PlanReference { get; set; }
        public DateOnly? PeriodStart { get; set; }
        public DateOnly? PeriodEnd { get; set; }
        public DateOnly? DossierOpen { get; set; }
        public DateOnly? DossierClose { get; set; }
        public List<AwardRow> Awards { get; set; } = [];
    }

    public sealed class AwardRow
    {
        public Guid AwardFormId { get; set; }
        public string Name { get; set; } = "";
        public bool Allowed { get; set; }
        public string? WorkflowDefinitionId { get; set; }
        public int? QuotaCollectives { get; set; }
        public int? QuotaIndividuals { get; set; }
    }
}
