using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using Commendations.Engine;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Nominations;

/// <summary>
/// A reviewer acts on their task: approve, return for supplement or reject (committee members), or a task step's
/// named action (appraisal: forward / return / reject; decision: award / reject). The engine refuses anyone whose
/// turn it is not; two simultaneous actions on one task give one success and one 409.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record ActOnTask(Guid TaskId, string Action, string? Comment, string? IdempotencyKey = null)
    : ICommand<WorkflowOutcome>, IIdempotentCommand
{
    /// <summary>The values the actor chose for the outputs the action asks (e.g. the appraiser's finding), by output name.</summary>
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Outputs { get; init; }
}

public sealed class ActOnTaskValidator : AbstractValidator<ActOnTask>
{
    public ActOnTaskValidator()
    {
        RuleFor(c => c.Action).NotEmpty().MaximumLength(60);
        RuleFor(c => c.Comment).MaximumLength(4000);
        RuleFor(c => c.Outputs).Must(o => o is null || (o.Count <= 20 && o.All(kv => kv.Key.Length <= 60 && kv.Value.GetRawText().Length <= 200)))
            .WithMessage(new Message("Quá nhiều kết quả ghi nhận, hoặc một kết quả quá dài."));
    }
}

public sealed class ActOnTaskHandler(
    CommendationsDbContext db, NominationAccess access, NominationWorkflow workflow, ICurrentUser user, AuditTrail audit, DefinitionSemantics semantics,
    Substitutions.Substitutes substitutes, Common.Telemetry.OperationsMetrics metrics, Common.Telemetry.AfterSuccess afterSuccess)
    : IRequestHandler<ActOnTask, WorkflowOutcome>
{
    /// <summary>Audit events of task actions are <c>task.{action}</c>; the timeline names the action from the definition.</summary>
    public const string AuditPrefix = "task.";

    public async Task<WorkflowOutcome> Handle(ActOnTask request, CancellationToken cancellationToken)
    {
        var task = await TaskPreload.TaskWithItsNominationAsync(db, request.TaskId, cancellationToken) ?? throw new NotFoundException(Things.Task);
        var nomination = await access.ReadableAsync(task.NominationId, cancellationToken);
        if (nomination.AwaitsDecisionSignatures)
            throw new ConflictException("decision-awaiting-signatures",
                new Message("Hồ sơ đã có trong quyết định khen thưởng đang chờ ký số, đóng dấu; không thay đổi được cho đến khi quyết định có hiệu lực."));
        // A role task someone claimed is theirs until released; the engine knows only the role, so the claim is checked here.
        await Tasks.TaskClaims.EnsureFreeForAsync(db, task, user.UserId, cancellationToken);
        // The instance is tracked beside the task (TaskPreload): its definition says what the action means.
        var instance = db.FindTracked<Domain.Workflows.WorkflowInstance>(i => i.Id == task.InstanceId)
                       ?? await db.WorkflowInstances.SingleAsync(i => i.Id == task.InstanceId, cancellationToken);
        var definition = await semantics.OfAsync(instance, cancellationToken);
        if (DefinitionSemantics.SubmitActionAt(definition, task.StepKey) == request.Action)
            throw new ConflictException("use-submit", new Message("Hồ sơ của đơn vị được trình bằng thao tác trình hồ sơ, có kiểm tra thời hạn nộp và tài liệu."));
        if (definition.CentralAwardActionAt(task.StepKey)?.Name == request.Action)
            throw new ConflictException("use-central-decision", new Message("Quyết định khen thưởng của cấp trên được ghi nhận riêng, với số, ngày, cơ quan ban hành và hình thức khen thưởng."));
        if (DefinitionSemantics.NeedsReason(definition, task.StepKey, request.Action) && string.IsNullOrWhiteSpace(request.Comment))
            throw new InputException("comment", new Message("Trả lại hoặc không đồng ý cần ghi rõ lý do."));

        // Someone covering an away assignee acts as that assignee, the substitute recorded (Features/Substitutions).
        var actor = await substitutes.ActorAsync(task, user, cancellationToken);
        var result = await workflow.ExecuteAsync(nomination, new Engine.ActOnTask(task.TaskKey, actor, request.Action, request.Comment)
        {
            Outputs = request.Outputs,
        }, cancellationToken);
        var outputs = result.State.History.LastOrDefault(h => h.Event == Engine.HistoryEvent.Acted && h.TaskId == task.TaskKey)?.Outputs;
        object data = actor.SubstituteUserId is null
            ? new { task = task.TaskKey, round = task.Round, outputs }
            : new { task = task.TaskKey, round = task.Round, outputs, onBehalfOf = task.AssigneeUserId };
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), AuditPrefix + request.Action, task.StepKey, request.Comment, data, cancellationToken);
        // Counted once committed; the meaning lets an operator sum approvals across routes whatever their actions are called.
        var meaning = DefinitionSemantics.MeaningOf(definition, task.StepKey, request.Action)?.ToString() ?? "none";
        var (route, step, action) = (instance.DefinitionId, task.StepKey, request.Action);
        afterSuccess.Add(() => metrics.ActionTaken(route, step, action, meaning));
        return WorkflowOutcome.Of(nomination);
    }
}
