using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Features.Definitions;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Definitions;

/// <summary>Every workflow definition with its versions; new drafts, import, export, retire and roll back.</summary>
[Authorize(Roles = Roles.Administrator)]
public sealed class IndexModel : AppPageModel
{
    public IReadOnlyList<DefinitionSummary> Definitions { get; private set; } = [];

    /// <summary>The templates a new route starts from, each with its one-line description.</summary>
    public IReadOnlyList<DefinitionTemplateView> Templates { get; private set; } = [];

    /// <summary>What the "new route" form had, shown again when it is refused.</summary>
    public NewRouteInput NewRoute { get; private set; } = new("", "", "", "");

    /// <summary>The organisation's award forms, one of which a new route applies to.</summary>
    public IReadOnlyList<ChoiceView> AwardForms { get; private set; } = [];

    public sealed record NewRouteInput(string DefinitionId, string Name, string TemplateKey, string AwardFormCode);

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>A new route from a template: version 1 as a draft, opened in the designer.</summary>
    public async Task<IActionResult> OnPostCreateAsync(string? definitionId, string? name, string? templateKey, string? awardFormCode)
    {
        NewRoute = new(definitionId?.Trim() ?? "", name ?? "", templateKey ?? "", awardFormCode ?? "");
        DraftCreated? draft = null;
        if (await TryAsync(async () => draft = await Mediator.Send(new CreateDefinition(NewRoute.DefinitionId, NewRoute.Name, NewRoute.TemplateKey, NewRoute.AwardFormCode)), "new"))
        {
            Flash = T["Đã tạo quy trình mới {0} (bản nháp phiên bản 1).", draft!.DefinitionId];
            return Redirect(DefinitionLinks.Designer(draft.DefinitionId, draft.Version));
        }
        return await PageAsync();
    }

    /// <summary>The refusals of one field of the "new route" form.</summary>
    public string NewRouteErrors(string field) =>
        string.Join(" ", ViewData.ModelState[$"new.{field}"]?.Errors.Select(e => e.ErrorMessage) ?? []);

    private async Task LoadAsync()
    {
        Definitions = await Mediator.Send(new ListDefinitions());
        Templates = await Mediator.Send(new ListDefinitionTemplates());
        AwardForms = (await Mediator.Send(new GetDesignerOrganisation())).AwardForms;
    }

    public async Task<IActionResult> OnPostDraftAsync(string definitionId, int fromVersion)
    {
        DraftCreated? draft = null;
        if (await TryAsync(async () => draft = await Mediator.Send(new CreateDraft(definitionId, fromVersion, null)), ""))
        {
            Flash = T["Đã tạo bản nháp phiên bản {0} từ phiên bản {1}.", draft!.Version, fromVersion];
            return Redirect(DefinitionLinks.Designer(definitionId, draft.Version));
        }
        return await PageAsync();
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", T["Chọn tệp định nghĩa (.json) cần nhập."]);
            return await PageAsync();
        }
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var content = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        string? definitionId = null;
        try
        {
            definitionId = (string?)JsonNode.Parse(content)?["id"];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            ModelState.AddModelError("file", T["Tệp không phải JSON hợp lệ: {0}", e.Message]);
            return await PageAsync();
        }
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            ModelState.AddModelError("file", T["Tệp không có thuộc tính \"id\"."]);
            return await PageAsync();
        }
        DraftCreated? draft = null;
        if (await TryAsync(async () => draft = await Mediator.Send(new CreateDraft(definitionId, null, content)), ""))
        {
            Flash = T["Đã nhập tệp thành bản nháp {0} phiên bản {1}.", draft!.DefinitionId, draft.Version];
            return Redirect(DefinitionLinks.Designer(draft.DefinitionId, draft.Version));
        }
        return await PageAsync();
    }

    public async Task<IActionResult> OnPostRetireAsync(string definitionId, int version)
    {
        if (await TryAsync(() => Mediator.Send(new RetireDefinition(definitionId, version)), ""))
        {
            Flash = T["Đã ngừng sử dụng {0} phiên bản {1}.", definitionId, version];
            return RedirectToPage();
        }
        return await PageAsync();
    }

    /// <summary>Roll back: the old version's content becomes a new version and is published (history is never rewritten).</summary>
    public async Task<IActionResult> OnPostRollbackAsync(string definitionId, int version)
    {
        RolledBack? rolledBack = null;
        if (await TryAsync(async () => rolledBack = await Mediator.Send(new RollBackDefinition(definitionId, version)), ""))
        {
            Flash = rolledBack!.Publication.AwaitingSecondApproval
                ? T["Phiên bản {0} (nội dung của phiên bản {1}) đang chờ quản trị viên thứ hai phê duyệt.", rolledBack.Version, version]
                : T["Đã khôi phục: phiên bản {0} (nội dung của phiên bản {1}) được xuất bản.", rolledBack.Version, version];
            return RedirectToPage();
        }
        return await PageAsync();
    }

    private async Task<IActionResult> PageAsync()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>Where a version comes from, for the reader.</summary>
    public string Origin(DefinitionVersionSummary v) => v.Origin == DefinitionOrigin.Shipped
        ? v.ShippedVersion is { } shipped && shipped != v.Version ? T["Tệp đi kèm hệ thống (tệp v{0})", shipped] : T["Tệp đi kèm hệ thống"]
        : T["Quản trị viên"];

    /// <summary>A superseded version (published, with a newer one published) is not "in force": it only carries its running nominations.</summary>
    public static string StatusLabel(DefinitionStatus status, bool awaiting, bool superseded = false) => status switch
    {
        DefinitionStatus.Published when superseded => "Đã thay thế",
        DefinitionStatus.Draft when awaiting => "Bản nháp – chờ phê duyệt",
        DefinitionStatus.Draft => "Bản nháp",
        DefinitionStatus.Published => "Đang áp dụng",
        DefinitionStatus.Retired => "Ngừng sử dụng",
        _ => status.ToString(),
    };
}

/// <summary>The designer's routes.</summary>
public static class DefinitionLinks
{
    public static string List => "/quy-trinh";

    public static string Designer(string id, int version) => $"/quy-trinh/{id}/v/{version}";

    public static string Diff(string id, int from, int to) => $"/quy-trinh/{id}/so-sanh?from={from}&to={to}";

    public static string Migration(string id, int from, int to) => $"/quy-trinh/{id}/chuyen-doi?from={from}&to={to}";

    public static string Export(string id, int version) => $"/api/definitions/{id}/versions/{version}/export";

    /// <summary>The version as BPMN 2.0 for standard process tools.</summary>
    public static string Bpmn(string id, int version) => $"/api/definitions/{id}/versions/{version}/bpmn";
}
