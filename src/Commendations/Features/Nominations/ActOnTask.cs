using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;

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
    private static readonly string[] NeedReason = ["return", "reject"];

    public ActOnTaskValidator()
    {
        RuleFor(c => c.Action).NotEmpty().MaximumLength(60);
        RuleFor(c => c.Comment).MaximumLength(4000);
        RuleFor(c => c.Comment).NotEmpty().When(c => NeedReason.Contains(c.Action))
            .WithMessage("A return or a rejection needs a written reason.");
        RuleFor(c => c.Outputs).Must(o => o is null || (o.Count <= 20 && o.All(kv => kv.Key.Length <= 60 && kv.Value.GetRawText().Length <= 200)))
            .WithMessage("Too many or too long outputs.");
    }
}

public sealed class ActOnTaskHandler(
    CommendationsDbContext db, NominationAccess access, NominationWorkflow workflow, ICurrentUser user, AuditTrail audit)
    : IRequestHandler<ActOnTask, WorkflowOutcome>
{
    public async Task<WorkflowOutcome> Handle(ActOnTask request, CancellationToken cancellationToken)
    {
        var task = await TaskPreload.TaskWithItsNominationAsync(db, request.TaskId, cancellationToken) ?? throw new NotFoundException("Task", request.TaskId);
        var nomination = await access.ReadableAsync(task.NominationId, cancellationToken);
        if (task.AssigneeRole == Roles.EmulationOfficer)
            throw new ConflictException("use-submit", "The unit's proposal is sent with the submit action, which checks the dossier window and documents.");

        var result = await workflow.ExecuteAsync(nomination, new Engine.ActOnTask(task.TaskKey, NominationWorkflow.ActorFor(user), request.Action, request.Comment)
        {
            Outputs = request.Outputs,
        }, cancellationToken);
        var outputs = result.State.History.LastOrDefault(h => h.Event == Engine.HistoryEvent.Acted && h.TaskId == task.TaskKey)?.Outputs;
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), $"task.{request.Action}", task.StepKey, request.Comment,
            new { task = task.TaskKey, round = task.Round, outputs }, cancellationToken);
        return WorkflowOutcome.Of(nomination);
    }
}
