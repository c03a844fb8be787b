using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Registry;

/// <summary>Marks registry lines whose decision has a signed document of record, so the registry links to it.</summary>
public static class SignedDecisions
{
    public static async Task<List<RegistryLine>> MarkAsync(CommendationsDbContext db, List<RegistryLine> lines, CancellationToken cancellationToken)
    {
        var decisionIds = lines.Select(l => l.DecisionId).Distinct().ToList();
        if (decisionIds.Count == 0)
            return lines;
        var signed = (await db.SignedDecisionDocuments.AsNoTracking().Where(s => decisionIds.Contains(s.DecisionId))
            .Select(s => s.DecisionId).ToListAsync(cancellationToken)).ToHashSet();
        return lines.Select(l => signed.Contains(l.DecisionId) ? l with { DecisionSigned = true } : l).ToList();
    }
}
