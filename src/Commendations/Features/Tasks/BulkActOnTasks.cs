using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Engine;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Tasks;

/// <summary>
/// A secretary or committee member acts on several tasks at once with one comment (e.g. approves them). The action is
/// chosen by its meaning and found in each task's own step; each item then runs as its own <see cref="Nominations.ActOnTask"/> —
/// its own transaction, checks and audit entry — so one refusal stops nothing else, and the result says what happened
/// to each. Ballots are never cast in bulk: a vote is personal.
/// </summary>
/// <remarks>Deliberately not an <see cref="ICommand{T}"/>: one transaction around all items would make one failure undo the rest.</remarks>
[Allowed(Roles.CommitteeMember, Roles.Appraiser)]
public sealed record BulkActOnTasks(IReadOnlyList<Guid> TaskIds, ActionMeaning Meaning, string? Comment) : IRequest<BulkActionResult>;

public sealed record BulkActionResult(IReadOnlyList<BulkItemResult> Items)
{
    public int Succeeded => Items.Count(i => i.Ok);
    public int Refused => Items.Count(i => !i.Ok);
}

/// <summary>One item's outcome: done, or refused with the refusal's code and its sentence in the reader's language.</summary>
public sealed record BulkItemResult(Guid TaskId, string? NomineeName, bool Ok, string? Code, string? Message);

public sealed class BulkActOnTasksValidator : AbstractValidator<BulkActOnTasks>
{
    public const int MaxItems = 50;

    /// <summary>What may be done in bulk: the review verdicts. A submission has its own dossier checks, an award its decision.</summary>
    public static readonly ActionMeaning[] Allowed = [ActionMeaning.Approve, ActionMeaning.ReturnForSupplement, ActionMeaning.Reject];

    public BulkActOnTasksValidator()
    {
        RuleFor(c => c.TaskIds).NotEmpty()
            .Must(ids => ids is null || ids.Count <= MaxItems).WithMessage(new Message("Chọn tối đa {0} việc mỗi lần.", MaxItems))
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage(new Message("Một việc được chọn hai lần."));
        RuleFor(c => c.Meaning).IsInEnum().Must(m => Allowed.Contains(m))
            .WithMessage(new Message("Thao tác này không làm hàng loạt được."));
        RuleFor(c => c.Comment).MaximumLength(4000);
        RuleFor(c => c.Comment).NotEmpty().When(c => DefinitionMeanings.NeedsReason(c.Meaning))
            .WithMessage(new Message("Trả lại hoặc không đồng ý cần ghi rõ lý do."));
    }
}

public sealed class BulkActOnTasksHandler(CommendationsDbContext db, IMediator mediator, ICurrentUser user, DefinitionSemantics semantics)
    : IRequestHandler<BulkActOnTasks, BulkActionResult>
{
    public async Task<BulkActionResult> Handle(BulkActOnTasks request, CancellationToken cancellationToken)
    {
        var results = new List<BulkItemResult>(request.TaskIds.Count);
        foreach (var taskId in request.TaskIds)
        {
            results.Add(await OneAsync(taskId, request, cancellationToken));
            // The next item starts from what the database says, not from what a refused item left tracked.
            db.ChangeTracker.Clear();
        }
        return new BulkActionResult(results);
    }

    private async Task<BulkItemResult> OneAsync(Guid taskId, BulkActOnTasks request, CancellationToken cancellationToken)
    {
        var row = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId)
            .Join(db.Nominations, t => t.NominationId, n => n.Id, (t, n) => new { Task = t, n.NomineeName })
            .Join(db.WorkflowInstances, x => x.Task.InstanceId, i => i.Id, (x, i) => new { x.Task, x.NomineeName, Instance = i })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null || !MyTasks.IsAssignedTo(row.Task, user))
            return Refused(taskId, null, new NotFoundException(Things.Task));
        var definition = await semantics.OfAsync(row.Instance, cancellationToken);
        if (DefinitionSemantics.IsVote(definition, row.Task.StepKey))
            return Refused(taskId, row.NomineeName, new ConflictException("vote-not-in-bulk",
                new Message("Phiếu biểu quyết là của riêng từng thành viên: hãy bỏ phiếu trên từng hồ sơ.")));
        if (DefinitionSemantics.ActionMeaningAt(definition, row.Task.StepKey, request.Meaning) is not { } action)
            return Refused(taskId, row.NomineeName, new ConflictException("not-in-step", new Message("Bước \"{0}\" không có thao tác này.",
                new StepNameText(definition, row.Task.StepKey))));
        try
        {
            await mediator.Send(new Nominations.ActOnTask(taskId, action, request.Comment), cancellationToken);
            return new BulkItemResult(taskId, row.NomineeName, true, null, null);
        }
        catch (AppException refusal)
        {
            return Refused(taskId, row.NomineeName, refusal);
        }
    }

    private static BulkItemResult Refused(Guid taskId, string? nominee, AppException refusal)
    {
        var code = refusal switch
        {
            NotFoundException e => e.Code,
            ConflictException e => e.Code,
            ForbiddenException e => e.Code,
            UnprocessableException e => e.Code,
            InputException e => e.Code,
            _ => RefusalCodes.InvalidInput,
        };
        var message = refusal is InputException input ? string.Join(" ", input.Errors.SelectMany(e => e.Value)) : refusal.Message;
        return new BulkItemResult(taskId, nominee, false, code, message);
    }
}
