using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Audit;
using Commendations.Persistence;
using MediatR;

namespace Commendations.Audit;

/// <summary>
/// Recomputes every chain and checks every head's seal: an edited entry breaks its hash, an inserted or deleted one
/// breaks the sequence, the links or the head, and a head rewritten to hide any of that breaks its seal.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record VerifyAuditTrail : IQuery<AuditVerification>;

/// <param name="Intact">No problem at all, unsealed heads included: a head nothing vouches for is not called intact.</param>
/// <param name="SealedWithPreviousKey">Heads whose seal is valid under a key being retired (not a problem; sealing the
/// heads again moves them to the current key).</param>
public sealed record AuditVerification(bool Intact, int Streams, long Entries, int Unsealed, int SealedWithPreviousKey,
    IReadOnlyList<AuditProblem> Problems);

public sealed class VerifyAuditTrailHandler(CommendationsDbContext db, AuditHeadSeal seal)
    : IRequestHandler<VerifyAuditTrail, AuditVerification>
{
    public async Task<AuditVerification> Handle(VerifyAuditTrail request, CancellationToken cancellationToken)
    {

        var problems = new List<AuditProblem>();
        int streams = 0, unsealed = 0, previousKey = 0;
        long entries = 0;
        await foreach (var chain in AuditChains.WalkAsync(db, cancellationToken))
        {
            streams++;
            entries += chain.Entries;
            problems.AddRange(chain.Problems);
            switch (chain.Head is null ? AuditSealState.Valid : seal.Check(chain.Head))
            {
                case AuditSealState.Missing:
                    unsealed++;
                    problems.Add(AuditProblem.Unsealed(chain.Stream));
                    break;
                case AuditSealState.Invalid:
                    problems.Add(AuditProblem.RewrittenHead(chain.Stream));
                    break;
                case AuditSealState.ValidWithPreviousKey:
                    previousKey++;
                    break;
            }
        }
        return new AuditVerification(problems.Count == 0, streams, entries, unsealed, previousKey, problems);
    }
}
