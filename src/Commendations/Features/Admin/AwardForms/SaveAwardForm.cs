using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Admin.AwardForms;

/// <summary>
/// An administrator creates (no <see cref="AwardFormId"/>) or edits an award form: name, nominee kinds and required
/// documents. The code is fixed once created, since workflow definitions name award forms by code.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record SaveAwardForm(Guid? AwardFormId, string Code, string Name, IReadOnlyList<NomineeKind> NomineeKinds,
    IReadOnlyList<DocumentKind> RequiredDocuments, string? CertificateTitle = null) : ICommand<Guid>;

public sealed class SaveAwardFormValidator : AbstractValidator<SaveAwardForm>
{
    public SaveAwardFormValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(AwardForm.CodeMaxLength)
            .Matches("^[a-z0-9][a-z0-9-]*$").WithMessage(new Message("Dùng chữ thường không dấu, chữ số và gạch nối, ví dụ bang-khen-tinh."));
        RuleFor(c => c.Name).NotEmpty().MaximumLength(300);
        RuleFor(c => c.NomineeKinds).NotEmpty().WithMessage(new Message("Chọn ít nhất một loại đối tượng được khen."));
        RuleForEach(c => c.NomineeKinds).IsInEnum();
        RuleFor(c => c.RequiredDocuments).NotNull();
        RuleForEach(c => c.RequiredDocuments).IsInEnum();
        RuleFor(c => c.CertificateTitle).MaximumLength(AwardForm.CertificateTitleMaxLength);
    }
}

public sealed class SaveAwardFormHandler(CommendationsDbContext db, AuditTrail audit) : IRequestHandler<SaveAwardForm, Guid>
{
    public async Task<Guid> Handle(SaveAwardForm request, CancellationToken cancellationToken)
    {
        var kinds = request.NomineeKinds.Distinct().ToList();
        var documents = request.RequiredDocuments.Distinct().ToList();
        AwardForm form;
        object? before = null;
        if (request.AwardFormId is { } id)
        {
            form = await db.AwardForms.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException(Things.AwardForm);
            if (form.Code != request.Code)
                throw new InputException("code", new Message("Không đổi được mã của hình thức khen thưởng: các quy trình đang tham chiếu đến mã này."));
            before = new { form.Name, form.NomineeKinds, form.RequiredDocuments };
            form.Edit(request.Name.Trim(), kinds, documents, request.CertificateTitle);
        }
        else
        {
            if (await db.AwardForms.AnyAsync(a => a.Code == request.Code, cancellationToken))
                throw new InputException("code", new Message("Đã có hình thức khen thưởng mang mã {0}.", request.Code));
            form = new AwardForm(request.Code, request.Name.Trim(), kinds, documents, request.CertificateTitle);
            db.AwardForms.Add(form);
        }
        await audit.RecordAsync(AdminAccess.AwardFormsStream, before is null ? "award-form.created" : "award-form.changed",
            data: new { form.Id, form.Code, Before = before, After = new { form.Name, form.CertificateTitle, NomineeKinds = kinds.Select(k => k.ToString()), RequiredDocuments = documents.Select(d => d.ToString()) } },
            cancellationToken: cancellationToken);
        return form.Id;
    }
}
