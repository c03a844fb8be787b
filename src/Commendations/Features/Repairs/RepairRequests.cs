using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Notifications;
using Commendations.Domain.Repairs;
using Commendations.Persistence;
using Commendations.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Repairs;

/// <summary>Repair requests awaiting a second administrator, and the last decided ones.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListRepairRequests : IQuery<IReadOnlyList<RepairRequestView>>;

public sealed record RepairRequestView(Guid Id, string KindName, Guid? NominationId, string? NomineeName, string Summary, string Reason,
    string RequestedByName, DateTimeOffset RequestedAt, string Status, string StatusName, string? DecidedByName, DateTimeOffset? DecidedAt,
    string? DecisionNote, bool MineToDecide);

public sealed class ListRepairRequestsHandler(CommendationsDbContext db, ICurrentUser user) : IRequestHandler<ListRepairRequests, IReadOnlyList<RepairRequestView>>
{
    public async Task<IReadOnlyList<RepairRequestView>> Handle(ListRepairRequests request, CancellationToken cancellationToken)
    {
        var rows = await db.RepairRequests.AsNoTracking()
            .OrderByDescending(r => r.Status == RepairRequestStatus.Pending).ThenByDescending(r => r.RequestedAt).Take(200)
            .Select(r => new
            {
                r,
                Nominee = db.Nominations.Where(n => n.Id == r.NominationId).Select(n => n.NomineeName).FirstOrDefault(),
                By = db.Users.Where(u => u.Id == r.RequestedBy).Select(u => u.DisplayName).FirstOrDefault(),
                Decider = db.Users.Where(u => u.Id == r.DecidedBy).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new RepairRequestView(x.r.Id, RepairNames.Of(x.r.Kind).Format(), x.r.NominationId, x.Nominee, x.r.Summary, x.r.Reason,
            x.By ?? "—", x.r.RequestedAt, x.r.Status.ToString(), StatusName(x.r.Status).Format(), x.Decider, x.r.DecidedAt, x.r.DecisionNote,
            x.r.Status == RepairRequestStatus.Pending && x.r.RequestedBy != user.UserId))];
    }

    public static Message StatusName(RepairRequestStatus status) => status switch
    {
        RepairRequestStatus.Pending => new Message("Chờ duyệt"),
        RepairRequestStatus.Approved => new Message("Đã duyệt và thực hiện"),
        _ => new Message("Không duyệt"),
    };
}

/// <summary>
/// A second administrator decides a repair request: approved, the repair is carried out now — checked again, since the
/// route may have moved on (a refusal then leaves the request pending, to be declined) — in the same transaction as the
/// decision; declined, with a note. Never by the administrator who asked; the first decision wins.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record DecideRepairRequest(Guid RequestId, bool Approve, string? Note) : ICommand<RepairRequestDecided>;

public sealed record RepairRequestDecided(Guid RequestId, bool Approved, Guid? NominationId);

public sealed class DecideRepairRequestValidator : AbstractValidator<DecideRepairRequest>
{
    public DecideRepairRequestValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty();
        RuleFor(c => c.Note).NotEmpty().When(c => !c.Approve).WithMessage(new Message("Không duyệt cần ghi rõ lý do."));
        RuleFor(c => c.Note).MaximumLength(RepairRequest.NoteMaxLength);
    }
}

public sealed class DecideRepairRequestHandler(CommendationsDbContext db, IMediator mediator, ICurrentUser user, AuditTrail audit, Notifier notifier,
    TimeProvider clock) : IRequestHandler<DecideRepairRequest, RepairRequestDecided>
{
    public const string ApprovedAction = "repair.approved";
    public const string DeclinedAction = "repair.declined";

    public async Task<RepairRequestDecided> Handle(DecideRepairRequest request, CancellationToken cancellationToken)
    {
        var stored = await db.RepairRequests.SingleOrDefaultAsync(r => r.Id == request.RequestId, cancellationToken)
                     ?? throw new NotFoundException(Things.RepairRequest);
        if (stored.Status != RepairRequestStatus.Pending)
            throw new ConflictException("request-decided", new Message("Đề nghị này đã được quyết định ({0}).",
                ListRepairRequestsHandler.StatusName(stored.Status)));
        if (stored.RequestedBy == user.UserId)
            throw new ConflictException("same-administrator", new Message("Người đề nghị sửa chữa không tự duyệt được: cần một quản trị viên khác."));

        var note = request.Note?.Trim();
        if (request.Approve)
            await RepairKinds.SendAsync(mediator, RepairKinds.Read(stored.Kind, stored.Command, stored.Id), cancellationToken);
        stored.Decide(request.Approve, user.UserId, string.IsNullOrEmpty(note) ? null : note, clock.GetUtcNow());
        if (stored.NominationId is { } nominationId)
            await audit.RecordAsync(AuditTrail.NominationStream(nominationId), request.Approve ? ApprovedAction : DeclinedAction, null, note,
                new { request = stored.Id, kind = stored.Kind, requestedBy = stored.RequestedBy }, cancellationToken);
        await notifier.NotifyAsync([stored.RequestedBy], new NotificationDraft(NotificationKinds.RepairDecided,
            request.Approve ? new Message("Sửa chữa đã được duyệt: {0}", RepairNames.Of(stored.Kind)) : new Message("Sửa chữa không được duyệt: {0}", RepairNames.Of(stored.Kind)),
            request.Approve
                ? new Message("{0} đã duyệt và thực hiện: {1}.", user.DisplayName, new Verbatim(stored.Summary))
                : new Message("{0} không duyệt: {1}. Lý do: {2}", user.DisplayName, new Verbatim(stored.Summary), new Verbatim(note ?? "")),
            stored.NominationId, $"repair-decided:{stored.Id:N}", RepairNames.RequestsPage), cancellationToken);
        return new RepairRequestDecided(stored.Id, request.Approve, stored.NominationId);
    }
}

/// <summary>How many repair requests wait for me (an administrator other than the one who asked).</summary>
[Allowed(Roles.Administrator)]
public sealed record CountRepairRequestsForMe : IQuery<int>;

public sealed class CountRepairRequestsForMeHandler(CommendationsDbContext db, ICurrentUser user) : IRequestHandler<CountRepairRequestsForMe, int>
{
    public Task<int> Handle(CountRepairRequestsForMe request, CancellationToken cancellationToken) =>
        db.RepairRequests.CountAsync(r => r.Status == RepairRequestStatus.Pending && r.RequestedBy != user.UserId, cancellationToken);
}
