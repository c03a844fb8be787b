using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Documents;
using Commendations.Features.Statistics;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Forwarding;

/// <summary>
/// What the office forwarding a nomination sees on its page: the signed documents the package will carry (or why one is
/// missing), every attempt to send it, whether an endpoint is configured, and the State-level award forms a central
/// decision may grant. Refused like the package itself to anyone but the office the forwarding step is given to.
/// </summary>
[Allowed(Roles.Appraiser)]
public sealed record GetForwarding(Guid NominationId) : IQuery<ForwardingView>;

/// <param name="Missing">Why the document is not in the package, in the reader's language (null when it is).</param>
public sealed record SignedDocumentStatus(DossierDocument Document, string Name, bool Included, SignatureVerdict? Signature, string? Missing);

public sealed record StateAwardFormOption(string Code, string Name);

/// <param name="ProposedAwardFormCode">The award form the province proposed (the central decision may grant another).</param>
/// <param name="AwardAction">The step's award action, which only recording the central decision sends (the page offers no button for it).</param>
public sealed record ForwardingView(Guid NominationId, bool EndpointConfigured, IReadOnlyList<SignedDocumentStatus> Documents,
    IReadOnlyList<ForwardingSendView> Sends, IReadOnlyList<StateAwardFormOption> StateAwardForms, string ProposedAwardFormCode, string AwardAction);

public sealed class GetForwardingHandler(CommendationsDbContext db, ForwardingStep step, SignedDocumentsOfRecord signedDocuments,
    IOptions<ForwardingOptions> options) : IRequestHandler<GetForwarding, ForwardingView>
{
    public async Task<ForwardingView> Handle(GetForwarding request, CancellationToken cancellationToken)
    {
        var forwarding = await step.OpenAsync(request.NominationId, cancellationToken);
        var nomination = forwarding.Nomination;
        var uploaded = await db.Documents.AsNoTracking().Where(d => d.NominationId == nomination.Id)
            .Select(d => new { d.Id, d.FileName }).ToDictionaryAsync(d => d.Id, d => d.FileName, cancellationToken);
        var documents = (await signedDocuments.ReadAsync(nomination, uploaded, cancellationToken))
            .Select(d => new SignedDocumentStatus(d.Document, SignedDocumentsOfRecord.Name(d.Document).Format(), d.Included, d.Signature, d.Missing?.Format()))
            .ToList();
        var sends = (await db.ForwardingSends.AsNoTracking().Where(s => s.NominationId == nomination.Id)
            .OrderByDescending(s => s.SentAt).ThenByDescending(s => s.Id).ToListAsync(cancellationToken)).Select(ForwardingSendView.Of).ToList();
        var forms = await db.AwardForms.AsNoTracking().OrderBy(f => f.Name).Select(f => new { f.Id, f.Code, f.Name }).ToListAsync(cancellationToken);
        // The State-level forms are those the statistics count in their State-level table (one list for both).
        var stateForms = forms.Where(f => StatisticsColumns.StateColumnOf(f.Code) is not null).Select(f => new StateAwardFormOption(f.Code, f.Name)).ToList();
        var proposed = forms.Single(f => f.Id == nomination.AwardFormId).Code;
        return new ForwardingView(nomination.Id, !string.IsNullOrWhiteSpace(options.Value.Endpoint), documents, sends, stateForms, proposed, forwarding.AwardAction);
    }
}
