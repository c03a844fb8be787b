using Commendations.Domain.Nominations;

namespace Commendations.Features.Nominations;

/// <summary>Where a nomination stands after an action.</summary>
public sealed record WorkflowOutcome(Guid NominationId, NominationStatus Status, string? CurrentStep, int Round)
{
    public static WorkflowOutcome Of(Nomination n) => new(n.Id, n.Status, n.CurrentStep, n.Round);
}
