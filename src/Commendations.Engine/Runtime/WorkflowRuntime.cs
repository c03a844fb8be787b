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
            return Refuse(initial, RuntimeErrors.NotApplicable, "Quy trình {0} không áp dụng cho loại đối tượng này.", Named.Definition(definition.Id));
        }
        if (context.Facts.GetString(FactCatalog.AwardForm) is { } form && !definition.AppliesTo.AwardForms.Contains(form))
        {
            return Refuse(initial, RuntimeErrors.NotApplicable, "Quy trình {0} không áp dụng cho hình thức khen thưởng này.", Named.Definition(definition.Id));
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
            return Refuse(state, RuntimeErrors.DefinitionMismatch, "Hồ sơ chạy trên phiên bản {0} của quy trình, không phải phiên bản {1}.", state.DefinitionVersion, definition.Version);
        }
        if (state.Status != InstanceStatus.Running)
        {
            return Refuse(state, RuntimeErrors.InstanceCompleted, "Quy trình của hồ sơ đã kết thúc.");
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
            ReassignTask reassign => transition.Reassign(reassign),
            _ => new RuntimeError(RuntimeErrors.UnknownCommand, "Lệnh này không được hỗ trợ."),
        };
        return error is null ? transition.Complete() : new TransitionResult(false, state, [], error);
    }

    private static TransitionResult Refuse(InstanceState state, string code, string template, params object?[] args) =>
        new(false, state, [], new RuntimeError(code, template, args));
}
