using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Domain.Nominations;
using Commendations.Engine;

namespace Commendations.Features.Decisions;

/// <summary>
/// What one decision requires of its signatures, from the decision steps of its nominations' definitions. A decision is
/// one legal act: it cannot be in force for some of its nominations and waiting for a signature for others, so a batch
/// whose definitions disagree on whether (or by whom) it is sealed or signed before taking effect is refused.
/// </summary>
public static class DecisionSigningRequirement
{
    public static SigningRequirement? Of(IReadOnlyList<Nomination> nominations, IReadOnlyDictionary<Guid, DecisionTask> tasks)
    {
        var requirements = nominations.Select(n => (Nomination: n, Signing: tasks[n.Id].Signing)).ToList();
        var held = requirements.Where(r => r.Signing?.HoldsDecision == true).ToList();
        if (held.Count == 0)
            // In force when issued. "none" only when every definition says so; otherwise signing stays offered.
            return requirements.All(r => r.Signing?.Leader == SignatureNeed.None) && requirements.Count > 0 ? requirements[0].Signing : null;
        var first = held[0].Signing!;
        var differing = requirements.Where(r => r.Signing?.HoldsDecision != true || r.Signing.Seal != first.Seal).Select(r => r.Nomination.NomineeName).ToList();
        if (differing.Count > 0)
            throw new ConflictException("mixed-signing-requirements",
                new Message("Một quyết định không thể có hiệu lực với hồ sơ này mà còn chờ ký số với hồ sơ khác: quy trình của {0} yêu cầu ký số khác với của {1}. Ban hành các hồ sơ này bằng quyết định riêng.",
                    Message.List(differing), held[0].Nomination.NomineeName));
        return first;
    }
}
