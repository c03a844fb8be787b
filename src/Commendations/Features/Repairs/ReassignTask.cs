using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Scheduling;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Repairs;

/// <summary>
/// A repair: an administrator gives a person's open task to another person — typically when the assignee's account was
/// locked (an incident). Only an active member of the step's committee who has no turn in this review yet may receive
/// it (the engine refuses votes, role tasks and tasks inside branches or called routes). Without <see cref="Apply"/> it
/// previews: the task, its assignee and who could receive it. Applied: the task moves (same due time and reminders),
/// history and audit keep who, when and why, and both people are told.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record ReassignTask(Guid TaskId, Guid? NewUserId, string? Reason, bool Apply = false) : ICommand<TaskReassignment>, IRepair
{
    public Guid? ApprovedRequestId { get; init; }
}

public sealed record TaskReassignment(Guid NominationId, string NomineeName, string StepName, string FromName, string? ToName,
    IReadOnlyList<ReassignCandidate> Candidates, bool Applied) : IRepairOutcome
{
    public Guid? AwaitingApproval { get; init; }

    public IRepairOutcome Pending(Guid requestId) => this with { AwaitingApproval = requestId, Applied = false };
}

public sealed record ReassignCandidate(Guid UserId, string DisplayName);

public sealed class ReassignTaskValidator : AbstractValidator<ReassignTask>
{
    public ReassignTaskValidator()
    {
        RuleFor(c => c.TaskId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Apply);
        RuleFor(c => c.Reason).MaximumLength(2000);
        RuleFor(c => c.NewUserId).NotEmpty().When(c => c.Apply)
            .WithMessage(new Message("Chọn người nhận việc."));
    }
}

public sealed class ReassignTaskHandler(CommendationsDbContext db, NominationWorkflow workflow, AuditTrail audit, DefinitionSemantics semantics,
    DefinitionCache definitions, Notifier notifier, ICurrentUser user, TimeProvider clock) : IRequestHandler<ReassignTask, TaskReassignment>
{
    public const string AuditAction = "repair.task-reassigned";

    public async Task<TaskReassignment> Handle(ReassignTask request, CancellationToken cancellationToken)
    {
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == request.TaskId, cancellationToken)
                   ?? throw new NotFoundException(Things.Task);
        if (task.Status != WorkflowTaskStatus.Open)
            throw new ConflictException("task-closed", new Message("Việc này đã được xử lý."));
        var nomination = await db.Nominations.SingleAsync(n => n.Id == task.NominationId, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, cancellationToken);
        var definition = await semantics.OfAsync(instance, cancellationToken);
        var state = InstanceState.FromJson(instance.State);
        var callees = await definitions.CalleesAsync(definition, state, cancellationToken);
        var candidates = await CandidatesAsync(definition, state, callees, task, cancellationToken);
        var names = await db.Users.AsNoTracking()
            .Where(u => u.Id == task.AssigneeUserId || u.Id == request.NewUserId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var view = new TaskReassignment(nomination.Id, nomination.NomineeName, DefinitionSemantics.StepName(definition, task.StepKey, null, callees),
            task.AssigneeUserId is { } from ? names.GetValueOrDefault(from, "—") : "—",
            request.NewUserId is { } to ? names.GetValueOrDefault(to) : null, candidates, request.Apply);
        if (!request.Apply)
            return view;

        var newUser = request.NewUserId!.Value;
        if (candidates.All(c => c.UserId != newUser))
            throw new InputException("newUserId", new Message(
                "{0} không nhận được việc này: người nhận phải là thành viên đang hoạt động của Hội đồng / Ban ở bước này và chưa có lượt trong bước.",
                view.ToName ?? "—"));
        await workflow.ExecuteAsync(nomination, new Engine.ReassignTask(task.TaskKey, newUser.ToString(), user.UserId.ToString(), request.Reason!.Trim()),
            cancellationToken);
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), AuditAction, task.StepKey, request.Reason!.Trim(),
            new { from = task.AssigneeUserId, to = newUser, approvedRequest = request.ApprovedRequestId }, cancellationToken);
        var step = new StepNameText(definition, task.StepKey, callees);
        var key = $"reassigned:{task.Id:N}:{clock.GetUtcNow().UtcTicks}";
        await notifier.NotifyAsync([newUser], new NotificationDraft(Domain.Notifications.NotificationKinds.TaskReassigned,
            new Message("Việc được chuyển cho Đồng chí: {0}", nomination.NomineeName),
            new Message("Việc \"{0}\" của hồ sơ \"{1}\" được chuyển cho Đồng chí xử lý (hạn {2}). Lý do: {3}", step, nomination.NomineeName,
                NotificationTexts.When(task.DueAt), new Verbatim(request.Reason!.Trim())), nomination.Id, key), cancellationToken);
        if (task.AssigneeUserId is { } previous)
            await notifier.NotifyAsync([previous], new NotificationDraft(Domain.Notifications.NotificationKinds.TaskReassigned,
                new Message("Việc đã chuyển cho người khác: {0}", nomination.NomineeName),
                new Message("Việc \"{0}\" của hồ sơ \"{1}\" đã được chuyển cho {2}. Lý do: {3}", step, nomination.NomineeName, view.ToName ?? "—",
                    new Verbatim(request.Reason!.Trim())), nomination.Id, key), cancellationToken);
        return view;
    }

    /// <summary>Active members of the step's committee with no turn in the step yet (the assignee excluded).</summary>
    private async Task<IReadOnlyList<ReassignCandidate>> CandidatesAsync(WorkflowDefinition definition, InstanceState state, CalleeDefinitions callees,
        WorkflowTask task, CancellationToken cancellationToken)
    {
        // The engine refuses these; offering nobody keeps the page from suggesting a repair that cannot be made.
        if (task.AssigneeUserId is null || StepPaths.IsNested(task.StepKey) || definition.FindStep(task.StepKey) is VoteStep
            || Notifier.CommitteeOf(definition, task.StepKey, state, callees) is not { } code)
            return [];
        var committee = await db.Committees.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (committee is null)
            return [];
        var turns = state.Progress switch
        {
            SequentialProgress s => s.Members,
            ParallelProgress p => p.Members,
            _ => [],
        };
        var memberIds = committee.Members.Select(m => m.UserId).Where(id => id != task.AssigneeUserId && !turns.Contains(id.ToString())).ToList();
        var now = clock.GetUtcNow();
        return await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id) && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .OrderBy(u => u.DisplayName).Select(u => new ReassignCandidate(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
    }
}
