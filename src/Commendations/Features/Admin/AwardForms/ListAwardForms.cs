using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.AwardForms;

[Allowed(Roles.Administrator)]
public sealed record ListAwardForms : IQuery<IReadOnlyList<AwardFormView>>;

public sealed record AwardFormView(Guid Id, string Code, string Name, IReadOnlyList<NomineeKind> NomineeKinds, IReadOnlyList<DocumentKind> RequiredDocuments)
{
    /// <summary>"BẰNG KHEN", "BẰNG CHỨNG NHẬN", "CỜ THI ĐUA": the title printed on the certificate.</summary>
    public string CertificateTitle { get; init; } = AwardForm.DefaultCertificateTitle;
}

public sealed class ListAwardFormsHandler(CommendationsDbContext db) : IRequestHandler<ListAwardForms, IReadOnlyList<AwardFormView>>
{
    public async Task<IReadOnlyList<AwardFormView>> Handle(ListAwardForms request, CancellationToken cancellationToken)
    {
        var forms = await db.AwardForms.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken);
        return forms.Select(a => new AwardFormView(a.Id, a.Code, a.Name, a.NomineeKinds, a.RequiredDocuments) { CertificateTitle = a.CertificateTitle }).ToList();
    }
}
