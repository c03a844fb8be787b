using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Audit;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Audit;

/// <summary>
/// An administrator seals the heads nothing vouches for yet — those written before heads were sealed — and seals again,
/// under the current key, those sealed with a key being retired. Each chain is checked first and only an intact one is
/// sealed: sealing trusts the tail as it is now, so the act is recorded in the <c>audit</c> stream (who, when, how many).
/// A head whose seal does not match is never sealed again: that is evidence.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record SealAuditHeads : ICommand<AuditSealing>;

public sealed record AuditSealing(int Sealed, int Resealed, IReadOnlyList<AuditProblem> NotSealed);

public sealed class SealAuditHeadsHandler(CommendationsDbContext db, AuditHeadSeal seal, AuditTrail audit)
    : IRequestHandler<SealAuditHeads, AuditSealing>
{
    public const string Stream = "audit";

    public async Task<AuditSealing> Handle(SealAuditHeads request, CancellationToken cancellationToken)
    {
        var toSeal = new Dictionary<string, (AuditStream Checked, bool Again)>();
        var notSealed = new List<AuditProblem>();
        await foreach (var chain in AuditChains.WalkAsync(db, cancellationToken))
        {
            if (chain.Head is null)
                continue;
            var state = seal.Check(chain.Head);
            if (state is not (AuditSealState.Missing or AuditSealState.ValidWithPreviousKey))
                continue;
            if (chain.Problems.Count > 0)
                notSealed.AddRange(chain.Problems);
            else
                toSeal[chain.Stream] = (chain.Head, state == AuditSealState.ValidWithPreviousKey);
        }

        int sealedNow = 0, resealed = 0;
        foreach (var batch in toSeal.Keys.Chunk(1000))
        {
            foreach (var head in await db.AuditStreams.Where(s => batch.Contains(s.Name)).ToListAsync(cancellationToken))
            {
                var (checkedHead, again) = toSeal[head.Name];
                // Appended to since it was checked: the next run checks it again.
                if (head.LastSequence != checkedHead.LastSequence || head.LastHash != checkedHead.LastHash)
                    continue;
                head.SealWith(seal);
                if (again)
                    resealed++;
                else
                    sealedNow++;
            }
        }
        if (sealedNow + resealed > 0)
            await audit.RecordAsync(Stream, "audit.heads-sealed", data: new { Sealed = sealedNow, Resealed = resealed, NotSealed = notSealed.Count },
                cancellationToken: cancellationToken);
        return new AuditSealing(sealedNow, resealed, notSealed);
    }
}
