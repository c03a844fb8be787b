using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Features.Exports;
using MediatR;

namespace Commendations.Features.Forwarding;

/// <summary>The dossier package of a nomination at its forwarding step, for the office that forwards it (to download and check, or send by other means).</summary>
[Allowed(Roles.Appraiser)]
public sealed record GetDossierPackage(Guid NominationId) : IQuery<ExportFile>;

public sealed class GetDossierPackageHandler(ForwardingStep step, DossierPackage package) : IRequestHandler<GetDossierPackage, ExportFile>
{
    public async Task<ExportFile> Handle(GetDossierPackage request, CancellationToken cancellationToken)
    {
        var forwarding = await step.OpenAsync(request.NominationId, cancellationToken);
        var file = await package.BuildAsync(forwarding.Nomination, cancellationToken);
        return new ExportFile(file.Content, "application/zip", file.FileName);
    }
}
