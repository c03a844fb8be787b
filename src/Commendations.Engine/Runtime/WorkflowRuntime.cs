namespace Commendations.Engine;

/// <summary>
/// The pure runtime: <c>(definition, state, command, context) → (new state, effects)</c>. No I/O, no clock: time is
/// <see cref="RuntimeContext.Now"/>. The definition is assumed valid (see <see cref="WorkflowDefinitionValidator"/>).
/// A refused command returns the input state unchanged, no effects and a <see cref="RuntimeError"/>.
/// </summary>
public static class WorkflowRuntime
{
    /// <summary>
    /// Starts an instance at the definition's start step. When the facts name a nominee kind or award form the
    /// definition does not apply to, it is refused (<c>not-applicable</c>); a refused start returns a
    /// <see cref="InstanceStatus.NotStarted"/> state.
    /// </summary>
    public static TransitionResult Start(WorkflowDefinition definition, RuntimeContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        var initial = new InstanceState
        {
            DefinitionId = definition.Id,
            DefinitionVersion = definition.Version,
            Status = InstanceStatus.NotStarted,
        };
        if (context.Facts.GetString(FactCatalog.Kind) is { } kind && !definition.AppliesTo.NomineeKinds.Contains(kind))
        {
            return Refuse(initial, RuntimeErrors.NotApplicable, $"The workflow '{definition.Id}' does not apply to nominee kind '{kind}'.");
        }
        if (context.Facts.GetString(FactCatalog.AwardForm) is { } form && !definition.AppliesTo.AwardForms.Contains(form))
        {
            return Refuse(initial, RuntimeErrors.NotApplicable, $"The workflow '{definition.Id}' does not apply to award form '{form}'.");
        }
        var transition = new Transition(definition, initial with { Status = InstanceStatus.Running }, context);
        var error = transition.Enter(definition.Start);
        return error is null ? transition.Complete() : new TransitionResult(false, initial, [], error);
    }

    /// <summary>Applies one command to a running instance.</summary>
    public static TransitionResult Execute(WorkflowDefinition definition, InstanceState state, WorkflowCommand command, RuntimeContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (state.DefinitionId != definition.Id || state.DefinitionVersion != definition.Version)
        {
            return Refuse(state, RuntimeErrors.DefinitionMismatch, $"The instance runs on {state.DefinitionId} v{state.DefinitionVersion}, not {definition.Id} v{definition.Version}.");
        }
        if (state.Status != InstanceStatus.Running)
        {
            return Refuse(state, RuntimeErrors.InstanceCompleted, "The instance is not running.");
        }

        var transition = new Transition(definition, state, context);
        var error = command switch
        {
            ActOnTask act => transition.Act(act.TaskId, act.Actor, act.Action, act.Comment, bySystem: false, act.Outputs),
            CastVote vote => transition.CastVote(vote),
            CloseVote close => transition.CloseVote(close.StepKey, close.Actor?.UserId, explicitClose: true),
            DeadlinePassed deadline => transition.DeadlinePassed(deadline),
            WaitElapsed wait => transition.WaitElapsed(wait),
            Withdraw withdraw => transition.Withdraw(withdraw),
            Escalate escalate => transition.Escalate(escalate),
            CastSecretBallots ballots => transition.CastSecretBallots(ballots),
            RecomputeDeadlines recompute => transition.RecomputeDeadlines(recompute),
            _ => new RuntimeError(RuntimeErrors.UnknownCommand, $"Unknown command {command.GetType().Name}."),
        };
        return error is null ? transition.Complete() : new TransitionResult(false, state, [], error);
    }

    private static TransitionResult Refuse(InstanceState state, string code, string message) =>
        new(false, state, [], new RuntimeError(code, message));
}
