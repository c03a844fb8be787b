using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Features.Admin.AwardForms;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>
/// "Vị trí in trên phôi": where an award form's certificate fields print on its pre-printed blank, in millimetres from
/// the blank's top-left corner, with the paper and orientation; each field's problem shown on its own input.
/// </summary>
public sealed class CertificateLayoutModel : AdminPageModel
{
    [FromRoute] public Guid Id { get; set; }

    [BindProperty] public CertificatePaper Paper { get; set; }
    [BindProperty] public CertificateOrientation Orientation { get; set; }
    [BindProperty] public List<FieldInput> Fields { get; set; } = [];

    public CertificateLayoutView? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        var layout = Current!.Layout;
        (Paper, Orientation) = (layout.Paper, layout.Orientation);
        Fields = layout.Fields.Select(f => new FieldInput { Field = f.Field, LeftMm = f.LeftMm, TopMm = f.TopMm, WidthMm = f.WidthMm, FontSize = f.FontSize, Align = f.Align })
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // The model binder's own complaints (a letter in a number box) are replaced by the use case's, which name the field.
        ModelState.Clear();
        var layout = new CertificateLayout(Paper, Orientation, Fields.Select(f => new CertificateFieldPosition(f.Field, f.LeftMm ?? double.NaN, f.TopMm ?? double.NaN,
            f.WidthMm ?? double.NaN, f.FontSize ?? double.NaN, f.Align)).ToList());
        try
        {
            if (await TryAsync(() => Mediator.Send(new SaveCertificateLayout(Id, layout)), ""))
            {
                Flash = T["Đã lưu vị trí in trên phôi."];
                return Redirect($"/quan-tri/hinh-thuc/{Id}/vi-tri-in");
            }
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>The error of one input of the field on row <paramref name="row"/> (keys as the API names them).</summary>
    public string? ErrorOf(int row, string input) =>
        ModelState.TryGetValue($"layout.fields[{row}].{input}", out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public string[] FieldKeys => Fields.SelectMany((_, i) => new[] { "leftMm", "topMm", "widthMm", "fontSize", "align" }.Select(n => $"layout.fields[{i}].{n}")).ToArray();

    private async Task<bool> LoadAsync()
    {
        try
        {
            Current = await Mediator.Send(new GetCertificateLayout(Id));
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public sealed class FieldInput
    {
        public CertificateField Field { get; set; }
        public double? LeftMm { get; set; }
        public double? TopMm { get; set; }
        public double? WidthMm { get; set; }
        public double? FontSize { get; set; }
        public FieldAlignment Align { get; set; }
    }
}
