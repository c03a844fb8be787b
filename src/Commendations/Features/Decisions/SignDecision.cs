using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Documents;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Documents.Signing;
using MediatR;

namespace Commendations.Features.Decisions;

/// <summary>
/// The leader who issued the decision (or an administrator) signs it with the certificate the server holds for them
/// (PKCS#12, <see cref="Pkcs12DocumentSigner"/>): the generated PDF, signed in its signature block, verified and stored
/// as the decision's document of record. Once: a signed decision is never signed again.
/// </summary>
[Allowed(Roles.ProvincialLeader, Roles.Administrator)]
public sealed record SignDecision(Guid DecisionId) : ICommand<SignedDecisionSummary>;

public sealed class SignDecisionHandler(DecisionSigning signing, IDocumentSigner signer) : IRequestHandler<SignDecision, SignedDecisionSummary>
{
    public async Task<SignedDecisionSummary> Handle(SignDecision request, CancellationToken cancellationToken)
    {
        var (decision, identity) = await signing.StartAsync(request.DecisionId, cancellationToken);
        var (pdf, place) = DecisionPdf.Generate(decision);
        var signed = await signer.SignAsync(pdf, identity, DecisionSigning.Reason, decision.Place, place, cancellationToken);
        return await signing.StoreAsync(decision, identity, signed, SignatureMethod.Pkcs12, cancellationToken);
    }
}
