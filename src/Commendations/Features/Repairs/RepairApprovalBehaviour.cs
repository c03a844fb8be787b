using Commendations.Audit;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Notifications;
using Commendations.Domain.Repairs;
using Commendations.Persistence;
using Commendations.Scheduling;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Repairs;

/// <summary>
/// When a second administrator must approve repairs: an applied repair is carried out as a dry run inside the command's
/// transaction — every check it makes when approved is made now, so a request that could never be carried out is refused
/// at once with the same message — then rolled back to a savepoint, and a <see cref="RepairRequest"/> is recorded, audited,
/// and the other administrators are told. The approval sends the command again with <see cref="IRepair.ApprovedRequestId"/>.
/// Runs inside <see cref="Common.Behaviours.TransactionBehaviour{TRequest,TResponse}"/> (registered after it).
/// </summary>
public sealed class RepairApprovalBehaviour<TRequest, TResponse>(CommendationsDbContext db, IOptions<RepairOptions> options, ICurrentUser user,
    AuditTrail audit, Notifier notifier, TimeProvider clock) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public const string RequestedAction = "repair.requested";

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IRepair { Apply: true, ApprovedRequestId: null } repair || !options.Value.RequireSecondApproval)
            return await next();
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A repair runs in its command's transaction.");

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CreateSavepointAsync("repair_dry_run", cancellationToken);
        var dryRun = await next();
        await transaction.RollbackToSavepointAsync("repair_dry_run", cancellationToken);
        db.ChangeTracker.Clear();

        var now = clock.GetUtcNow();
        var summary = Summary(dryRun);
        var nominationId = (dryRun as IRepairOutcome)?.NominationId;
        var stored = new RepairRequest(RepairKinds.Of(repair), RepairKinds.Write(repair), nominationId, repair.Reason?.Trim() ?? "",
            summary, user.UserId, now);
        db.RepairRequests.Add(stored);
        if (nominationId is { } id)
            await audit.RecordAsync(AuditTrail.NominationStream(id), RequestedAction, null, stored.Reason,
                new { request = stored.Id, kind = stored.Kind }, cancellationToken);

        var administrators = await notifier.UsersInRoleAsync(Roles.Administrator, null, cancellationToken);
        await notifier.NotifyAsync([.. administrators.Where(a => a != user.UserId)], new NotificationDraft(NotificationKinds.RepairRequested,
            new Message("Đề nghị sửa chữa chờ duyệt: {0}", RepairNames.Of(stored.Kind)),
            new Message("{0} đề nghị: {1}. Lý do: {2}. Cần một quản trị viên khác duyệt.", user.DisplayName, new Verbatim(summary), new Verbatim(stored.Reason)),
            nominationId, $"repair-request:{stored.Id:N}", RepairNames.RequestsPage), cancellationToken);

        return dryRun is IRepairOutcome outcome ? (TResponse)outcome.Pending(stored.Id) : dryRun;
    }

    /// <summary>What the dry run did, as the approver will read it.</summary>
    private static string Summary(TResponse result) => result switch
    {
        WaitEnding e => new Message("kết thúc sớm bước “{0}” (hạn {1}), chuyển sang bước “{2}”", e.WaitName, NotificationTexts.When(e.WaitUntil), e.NextStepName).Format(),
        TaskReassignment r => new Message("chuyển việc “{0}” của hồ sơ “{1}” từ {2} sang {3}", r.StepName, r.NomineeName, r.FromName, r.ToName ?? "—").Format(),
        InstanceMove m => new Message("chuyển hồ sơ “{0}” từ bước “{1}” sang bước “{2}”", m.NomineeName, m.CurrentStepName, m.TargetStepName ?? "—").Format()
                          + (m.SkippedChecks.Count > 0 ? new Message(" (bỏ qua: {0})", string.Join(", ", m.SkippedChecks)).Format() : ""),
        InstanceCancellation c => new Message("huỷ hồ sơ “{0}” đang ở bước “{1}”", c.NomineeName, c.CurrentStepName).Format(),
        _ => "",
    };
}

/// <summary>Names of the repair kinds as people read them, and where requests are decided.</summary>
public static class RepairNames
{
    public const string RequestsPage = "/quan-tri/sua-chua";

    public static Message Of(string kind) => kind switch
    {
        nameof(EndWaitEarly) => new Message("Kết thúc thời gian chờ trước hạn"),
        nameof(ReassignTask) => new Message("Chuyển việc cho người khác"),
        nameof(MoveInstance) => new Message("Chuyển hồ sơ sang bước khác"),
        nameof(CancelInstance) => new Message("Huỷ hồ sơ"),
        _ => new Message("Sửa chữa khác"),
    };
}
