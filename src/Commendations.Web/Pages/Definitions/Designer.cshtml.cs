using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Features.Definitions;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Commendations.Web.Pages.Definitions;

/// <summary>
/// One version drawn as a diagram: a draft is edited there (steps, connections, properties, JSON), validated, saved,
/// simulated and published; a published or retired version is shown read-only. The editing runs in designer.js
/// against the definition API; publishing is a form post.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class DesignerModel(IOptions<Commendations.Workflow.WorkflowOptions> publishing) : AppPageModel
{
    public DefinitionVersionView View { get; private set; } = null!;

    public DefinitionSummary Definition { get; private set; } = null!;

    public IReadOnlyList<ScenarioView> Scenarios { get; private set; } = [];

    public bool RequireSecondApproval => publishing.Value.RequireSecondApproval;

    public bool IsDraft => View.Status == DefinitionStatus.Draft;

    /// <summary>The stated impact of publishing, shown before the publish button works (the confirmation step).</summary>
    public PublicationPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int version)
    {
        try
        {
            await LoadAsync(id, version);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>The confirmation step: what publishing would do, with the button that does it.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(string id, int version)
    {
        try
        {
            await LoadAsync(id, version);
            Preview = await Mediator.Send(new PreviewPublication(id, version));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>
    /// Publishes only what was previewed: without the previewed content's fingerprint (no confirmation step, or the draft
    /// changed since), the page shows the impact again instead of publishing.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(string id, int version, string? previewedHash)
    {
        var current = await Mediator.Send(new PreviewPublication(id, version));
        if (previewedHash is null || previewedHash != current.ContentHash)
        {
            if (previewedHash is not null)
                ModelState.AddModelError("", T["Bản nháp đã thay đổi từ lúc xem trước; hãy xem lại tác động trước khi xuất bản."]);
            await LoadAsync(id, version);
            Preview = current;
            return Page();
        }
        PublicationOutcome? outcome = null;
        if (await TryAsync(async () => outcome = await Mediator.Send(new PublishDefinition(id, version)), ""))
        {
            Flash = outcome!.AwaitingSecondApproval
                ? T["Đã gửi đề nghị xuất bản phiên bản {0}; đang chờ quản trị viên thứ hai phê duyệt.", version]
                : T["Đã xuất bản phiên bản {0}: các hồ sơ bắt đầu từ bây giờ theo quy trình này.", version];
            return Redirect(DefinitionLinks.Designer(id, version));
        }
        await LoadAsync(id, version);
        return Page();
    }

    private async Task LoadAsync(string id, int version)
    {
        View = await Mediator.Send(new GetDefinitionVersion(id, version));
        Definition = (await Mediator.Send(new ListDefinitions(id))).Single();
        Scenarios = await Mediator.Send(new ListScenarios(id));
    }

    /// <summary>The simulation's nominee kind to start with: the first the definition applies to (a draft may not parse yet).</summary>
    public string DefaultNomineeKind => AppliesTo("nomineeKinds") ?? "collective";

    /// <summary>The simulation's award form to start with: the first the definition applies to.</summary>
    public string DefaultAwardForm => AppliesTo("awardForms") ?? "";

    private string? AppliesTo(string list)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(View.Content)?["appliesTo"]?[list] is System.Text.Json.Nodes.JsonArray { Count: > 0 } values
                   && values[0] is System.Text.Json.Nodes.JsonValue first && first.TryGetValue<string>(out var value) ? value : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
