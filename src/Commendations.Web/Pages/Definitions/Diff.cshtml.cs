using Commendations.Common.Security;
using Commendations.Engine;
using Commendations.Features.Definitions;
using Commendations.Workflow;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Definitions;

/// <summary>Two versions compared: the readable list of changes and both diagrams side by side, changed steps coloured.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class DiffModel : AppPageModel
{
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }

    public DefinitionSummary Definition { get; private set; } = null!;
    public IReadOnlyList<DefinitionChange> Changes { get; private set; } = [];
    public string? Before { get; private set; }
    public string? After { get; private set; }

    /// <summary>A changed step as people call it: its name in the newer version, or in the older one when it was removed.</summary>
    public string StepName(string stepKey)
    {
        var after = Read(After);
        return DefinitionSemantics.StepName(after?.FindStep(stepKey) is not null ? after : Read(Before), stepKey);
    }

    private static WorkflowDefinition? Read(string? content)
    {
        try
        {
            return content is null ? null : System.Text.Json.JsonSerializer.Deserialize<WorkflowDefinition>(content, WorkflowJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var definition = (await Mediator.Send(new ListDefinitions(id))).SingleOrDefault();
        if (definition is null)
            return NotFound();
        Definition = definition;
        var versions = definition.Versions.Select(v => v.Version).OrderBy(v => v).ToList();
        From ??= versions.Count > 1 ? versions[^2] : versions[0];
        To ??= versions[^1];
        if (!versions.Contains(From.Value) || !versions.Contains(To.Value))
        {
            ModelState.AddModelError("", T["Chọn hai phiên bản có trong danh sách."]);
            return Page();
        }
        await TryAsync(async () =>
        {
            Changes = await Mediator.Send(new DiffVersions(id, From.Value, To.Value));
            Before = (await Mediator.Send(new GetDefinitionVersion(id, From.Value))).Content;
            After = (await Mediator.Send(new GetDefinitionVersion(id, To.Value))).Content;
        }, "");
        return Page();
    }

    public static string KindLabel(DefinitionChangeKind kind) => kind switch
    {
        DefinitionChangeKind.StepAdded => "Thêm bước",
        DefinitionChangeKind.StepRemoved => "Bỏ bước",
        DefinitionChangeKind.StepRenamed => "Đổi mã bước",
        DefinitionChangeKind.StepChanged => "Sửa bước",
        DefinitionChangeKind.TransitionChanged => "Đổi chuyển tiếp",
        DefinitionChangeKind.FieldChanged => "Sửa thông tin chung",
        DefinitionChangeKind.LayoutChanged => "Đổi vị trí trên sơ đồ",
        DefinitionChangeKind.StepsReordered => "Đổi thứ tự bước trong tệp",
        _ => kind.ToString(),
    };
}
