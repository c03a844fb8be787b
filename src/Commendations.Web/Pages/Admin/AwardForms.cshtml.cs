using Commendations.Domain.Catalog;
using Commendations.Features.Admin.AwardForms;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>Award forms: create, or edit the name, nominee kinds and required documents (the code stays).</summary>
public sealed class AwardFormsModel : AdminPageModel
{
    [BindProperty] public FormInput Input { get; set; } = new();
    public IReadOnlyList<AwardFormView> Forms { get; private set; } = [];
    public string[] FieldKeys => ["Input.code", "Input.name", "Input.nomineeKinds", "Input.certificateTitle"];

    public async Task OnGetAsync(Guid? edit)
    {
        Forms = await Mediator.Send(new ListAwardForms());
        if (edit is { } id && Forms.FirstOrDefault(f => f.Id == id) is { } f)
            Input = new FormInput { Id = f.Id, Code = f.Code, Name = f.Name, NomineeKinds = f.NomineeKinds.ToList(), RequiredDocuments = f.RequiredDocuments.ToList(), CertificateTitle = f.CertificateTitle };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ok = false;
        try
        {
            ok = await TryAsync(() => Mediator.Send(new SaveAwardForm(Input.Id, Input.Code?.Trim() ?? "", Input.Name ?? "", Input.NomineeKinds, Input.RequiredDocuments,
                string.IsNullOrWhiteSpace(Input.CertificateTitle) ? null : Input.CertificateTitle.Trim())));
        }
        catch (Common.Errors.NotFoundException e)
        {
            ModelState.AddModelError("", e.Message);
        }
        if (ok)
        {
            Flash = T["Đã lưu hình thức khen thưởng {0}.", Input.Name ?? ""];
            return Redirect("/quan-tri/hinh-thuc");
        }
        Forms = await Mediator.Send(new ListAwardForms());
        return Page();
    }

    public sealed class FormInput
    {
        public Guid? Id { get; set; }
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? CertificateTitle { get; set; }
        public List<NomineeKind> NomineeKinds { get; set; } = [];
        public List<DocumentKind> RequiredDocuments { get; set; } = [];
    }
}
