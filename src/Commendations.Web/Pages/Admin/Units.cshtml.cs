using Commendations.Domain.Units;
using Commendations.Features.Admin.Units;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>The organisation tree: add a unit; rename, move under another parent or set the cluster of one.</summary>
public sealed class UnitsModel : AdminPageModel
{
    [BindProperty] public UnitInput Input { get; set; } = new() { Level = UnitLevel.Unit };
    [BindProperty] public ChangeInput Edit { get; set; } = new();
    public UnitTree Tree { get; private set; } = new([], []);
    public UnitNode? Editing { get; private set; }
    public string[] FieldKeys => ["Input.code", "Input.name", "Input.level", "Input.parentId", "Edit.name", "Edit.parentId"];

    public async Task OnGetAsync(Guid? edit)
    {
        await LoadAsync(edit);
        if (Editing is { } u)
            Edit = new ChangeInput { UnitId = u.Id, Name = u.Name, ParentId = u.ParentId, ClusterId = u.ClusterId, Version = u.Version };
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (await TryAsync(() => Mediator.Send(new AddUnit(Input.Code?.Trim() ?? "", Input.Name ?? "", Input.Level, Input.ParentId, Input.ClusterId))))
        {
            Flash = T["Đã thêm đơn vị {0}.", Input.Name ?? ""];
            return Redirect("/quan-tri/don-vi");
        }
        await LoadAsync(null);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        if (await TryAsync(() => Mediator.Send(new ChangeUnit(Edit.UnitId, Edit.Name ?? "", Edit.ParentId, Edit.ClusterId, Edit.Version)), "Edit"))
        {
            Flash = T["Đã lưu đơn vị {0}.", Edit.Name ?? ""];
            return Redirect("/quan-tri/don-vi");
        }
        await LoadAsync(Edit.UnitId);
        return Page();
    }

    private async Task LoadAsync(Guid? edit)
    {
        Tree = await Mediator.Send(new ListUnits());
        Editing = edit is { } id ? Tree.Units.FirstOrDefault(u => u.Id == id) : null;
    }

    public sealed class UnitInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public UnitLevel Level { get; set; }
        public Guid? ParentId { get; set; }
        public Guid? ClusterId { get; set; }
    }

    public sealed class ChangeInput
    {
        public Guid UnitId { get; set; }
        public string? Name { get; set; }
        public Guid? ParentId { get; set; }
        public Guid? ClusterId { get; set; }
        public uint? Version { get; set; }
    }
}
