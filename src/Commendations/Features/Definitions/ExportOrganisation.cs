using Commendations.Common;
using Commendations.Common.Security;
using MediatR;

namespace Commendations.Features.Definitions;

/// <summary>
/// The organisation definitions are validated against, as JSON: for <c>validate-workflow --organisation</c>, which
/// checks definition files against an installation without its database.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record ExportOrganisation : IQuery<OrganisationExport>;

public sealed class ExportOrganisationHandler(OrganisationFacts organisation) : IRequestHandler<ExportOrganisation, OrganisationExport>
{
    public Task<OrganisationExport> Handle(ExportOrganisation request, CancellationToken cancellationToken) => organisation.ReadAsync(cancellationToken);
}
