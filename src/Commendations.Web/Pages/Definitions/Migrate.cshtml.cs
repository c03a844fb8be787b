using System.Text.Json.Nodes;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Engine;
using Commendations.Features.Definitions;
using Commendations.Workflow;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Definitions;

/// <summary>
/// Moves running nominations from an old version to another: choose them, map each old step to a new step (same keys
/// pre-filled), preview where each lands and which tasks close and open, then apply — one transaction per nomination.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class MigrateModel : AppPageModel
{
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    [BindProperty] public List<Guid> NominationIds { get; set; } = [];
    [BindProperty] public Dictionary<string, string?> Mapping { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    public DefinitionSummary Definition { get; private set; } = null!;
    public IReadOnlyList<RunningInstance> Running { get; private set; } = [];
    public IReadOnlyList<string> OldSteps { get; private set; } = [];
    public IReadOnlyList<string> NewSteps { get; private set; } = [];

    /// <summary>The two versions as read (for their steps' names); null when a draft cannot be read yet.</summary>
    public WorkflowDefinition? OldDefinition { get; private set; }
    public WorkflowDefinition? NewDefinition { get; private set; }

    /// <summary>A step of the old version as people call it.</summary>
    public string OldName(string? key) => DefinitionSemantics.StepName(OldDefinition, key);

    /// <summary>A step of the new version as people call it.</summary>
    public string NewName(string? key) => DefinitionSemantics.StepName(NewDefinition, key);
    public IReadOnlyList<InstanceMigrationPreview>? Previews { get; private set; }
    public IReadOnlyList<Outcome>? Results { get; private set; }

    public sealed record Outcome(Guid NominationId, string NomineeName, bool Succeeded, string Text);

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id, fresh: true))
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string id)
    {
        if (!await LoadAsync(id, fresh: false))
            return NotFound();
        if (Validate())
            await TryAsync(async () => Previews = await Mediator.Send(new PreviewMigration(id, To!.Value, NominationIds, ExplicitMapping())), "");
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string id)
    {
        if (!await LoadAsync(id, fresh: false))
            return NotFound();
        if (!Validate())
            return Page();
        var names = Running.ToDictionary(r => r.NominationId, r => r.NomineeName);
        if (!await TryAsync(async () =>
            {
                var outcomes = await Mediator.Send(new MigrateSelectedInstances(id, To!.Value, NominationIds, ExplicitMapping(), Comment));
                Results = outcomes.Select(o => new Outcome(o.NominationId, names.GetValueOrDefault(o.NominationId, "?"), o.Succeeded,
                    o.Result is { } moved ? T["Đã chuyển sang v{0}, tiếp tục tại bước {1}.", moved.ToVersion, NewName(moved.CurrentStep)] : o.Reason ?? "")).ToList();
            }, ""))
            return Page();
        // The list now shows what is still running on the old version.
        Running = await Mediator.Send(new ListRunningInstances(id, From!.Value));
        return Page();
    }

    private bool Validate()
    {
        if (NominationIds.Count == 0)
            ModelState.AddModelError(nameof(NominationIds), T["Chọn ít nhất một hồ sơ cần chuyển."]);
        return ModelState.IsValid;
    }

    /// <summary>Only what differs from "same key": the engine maps equal keys itself.</summary>
    private Dictionary<string, string> ExplicitMapping() =>
        Mapping.Where(m => !string.IsNullOrWhiteSpace(m.Value) && m.Value != m.Key).ToDictionary(m => m.Key, m => m.Value!);

    private async Task<bool> LoadAsync(string id, bool fresh)
    {
        var definition = (await Mediator.Send(new ListDefinitions(id))).SingleOrDefault();
        if (definition is null)
            return false;
        Definition = definition;
        From ??= definition.Versions.Where(v => v.RunningInstances > 0 && v.Version != definition.PublishedVersion).Select(v => (int?)v.Version).Max()
                 ?? definition.Versions.Min(v => v.Version);
        To ??= definition.PublishedVersion ?? definition.Versions.Max(v => v.Version);
        if (definition.Versions.All(v => v.Version != From) || definition.Versions.All(v => v.Version != To))
        {
            ModelState.AddModelError("", T["Chọn hai phiên bản có trong danh sách."]);
            return true;
        }
        Running = await Mediator.Send(new ListRunningInstances(id, From.Value));
        var oldContent = (await Mediator.Send(new GetDefinitionVersion(id, From.Value))).Content;
        var newContent = (await Mediator.Send(new GetDefinitionVersion(id, To.Value))).Content;
        OldSteps = StepKeys(oldContent);
        NewSteps = StepKeys(newContent);
        OldDefinition = Read(oldContent);
        NewDefinition = Read(newContent);
        if (fresh)
        {
            Mapping = OldSteps.ToDictionary(k => k, k => NewSteps.Contains(k) ? k : null);
        }
        return true;
    }

    private static WorkflowDefinition? Read(string content)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<WorkflowDefinition>(content, WorkflowJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<string> StepKeys(string content)
    {
        try
        {
            return (JsonNode.Parse(content)?["steps"] as JsonArray ?? []).Select(s => (string?)s?["key"]).OfType<string>().ToList();
        }
        catch (System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
