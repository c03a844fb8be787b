using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Repairs;

/// <summary>
/// A repair: an administrator moves a running nomination to another step of its own route version — e.g. back to the
/// appraisal after a definition mistake sent it on too early. Without <see cref="Apply"/> (or without a target) it
/// previews, as a migration does: the tasks that close, the tasks that open and for whom, where it lands, and any council
/// vote or public disclosure the move passes over. Applied, with a written reason: the open tasks close, the target step
/// opens afresh, the history, the timeline and the audit say who moved it, from where, to where and why, and the unit and
/// whoever lost a task are told. Passing over a vote or a disclosure is refused unless <see cref="SkipChecks"/> says so,
/// and the audit then names what was not checked.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record MoveInstance(Guid NominationId, string? TargetStep, string? Reason, bool SkipChecks = false, bool Apply = false)
    : ICommand<InstanceMove>, IRepair
{
    public Guid? ApprovedRequestId { get; init; }
}

/// <param name="Targets">The steps it may be moved to, by name (its current version's top-level steps that are not ends).</param>
/// <param name="Problems">Why the move cannot be made, in the reader's language (empty when it can).</param>
public sealed record InstanceMove(Guid NominationId, string NomineeName, string CurrentStepName, IReadOnlyList<MoveTarget> Targets,
    string? TargetStepName, string? LandingStepName, IReadOnlyList<string> ClosingTasks, IReadOnlyList<string> OpeningTasks,
    IReadOnlyList<string> SkippedChecks, IReadOnlyList<string> Problems, bool Applied) : IRepairOutcome
{
    public Guid? AwaitingApproval { get; init; }

    public IRepairOutcome Pending(Guid requestId) => this with { AwaitingApproval = requestId, Applied = false };
}

public sealed record MoveTarget(string StepKey, string Name);

public sealed class MoveInstanceValidator : AbstractValidator<MoveInstance>
{
    public MoveInstanceValidator()
    {
        RuleFor(c => c.NominationId).NotEmpty();
        RuleFor(c => c.TargetStep).NotEmpty().When(c => c.Apply).WithMessage(new Message("Chọn bước chuyển đến."));
        RuleFor(c => c.TargetStep).MaximumLength(80);
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Apply);
        RuleFor(c => c.Reason).MaximumLength(2000);
    }
}

public sealed class MoveInstanceHandler(CommendationsDbContext db, NominationWorkflow workflow, AuditTrail audit, DefinitionSemantics semantics,
    ICurrentUser user) : IRequestHandler<MoveInstance, InstanceMove>
{
    public const string AuditAction = "repair.moved";

    public async Task<InstanceMove> Handle(MoveInstance request, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == request.NominationId, cancellationToken)
                         ?? throw new NotFoundException(Things.Nomination);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        if (nomination.IsFinal)
            throw new ConflictException("already-final", new Message("Đề nghị đã kết thúc ({0}).", Names.Status(nomination.Status)));
        var definition = await semantics.OfAsync(instance, cancellationToken);
        string Name(string? key) => DefinitionSemantics.StepName(definition, key);
        var targets = definition.Steps.Where(s => s is not EndStep).Select(s => new MoveTarget(s.Key, Name(s.Key))).ToList();
        var view = new InstanceMove(nomination.Id, nomination.NomineeName, Name(instance.CurrentStep), targets, null, null, [], [], [], [], false);
        if (string.IsNullOrWhiteSpace(request.TargetStep))
            return view;

        var reason = request.Reason?.Trim() ?? "";
        var apply = request.Apply;
        var move = await workflow.MoveAsync(nomination, request.TargetStep, user.UserId.ToString(), reason, apply: false, cancellationToken);
        var skipped = move.SkippedChecks.Select(Name).ToList();
        view = await DescribeAsync(view, move, definition, skipped, cancellationToken);
        if (!apply)
            return view;
        if (!move.CanApply)
            throw new InputException(new Dictionary<string, Message[]> { ["targetStep"] = [.. view.Problems.Select(Message.Formatted)] });
        if (skipped.Count > 0 && !request.SkipChecks)
            throw new ConflictException("skips-legal-check", new Message(
                "Chuyển đến bước này bỏ qua {0} mà hồ sơ chưa qua trong lượt xét này: hãy xác nhận rõ việc bỏ qua (được ghi vào nhật ký) hoặc chọn bước khác.",
                string.Join(", ", skipped.Select(s => $"“{s}”"))));

        await workflow.MoveAsync(nomination, request.TargetStep, user.UserId.ToString(), reason, apply: true, cancellationToken);
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), AuditAction, request.TargetStep, reason,
            new { from = instance.CurrentStep, to = request.TargetStep, skippedChecks = move.SkippedChecks, approvedRequest = request.ApprovedRequestId },
            cancellationToken);
        return view with { Applied = true };
    }

    /// <summary>The engine's preview in people's words: steps by name, tasks by their step and the person or role they are for.</summary>
    private async Task<InstanceMove> DescribeAsync(InstanceMove view, MovePreview move, WorkflowDefinition definition, IReadOnlyList<string> skipped,
        CancellationToken cancellationToken)
    {
        var preview = move.Preview;
        var closing = await RepairWords.TasksAsync(db, definition, [.. preview.ClosingTasks.Select(t => (t.StepKey, t.Assignee))], cancellationToken);
        var opening = await RepairWords.TasksAsync(db, definition, [.. preview.OpeningTasks.Select(t => (t.StepKey, t.Assignee))], cancellationToken);
        return view with
        {
            TargetStepName = DefinitionSemantics.StepName(definition, preview.MappedStep),
            LandingStepName = preview.LandingStep is null ? null : DefinitionSemantics.StepName(definition, preview.LandingStep),
            ClosingTasks = closing,
            OpeningTasks = [.. opening.Select((task, i) => $"{task} ({new Message("hạn {0}", global::Commendations.Scheduling.NotificationTexts.When(preview.OpeningTasks[i].DueAt)).Format()})")],
            SkippedChecks = skipped,
            Problems = [.. preview.Problems.Select(p => p.Message)],
        };
    }
}
