using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Incidents;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Incidents;

/// <summary>The open incidents, oldest first, each with its reason in words and the repairs that apply to it.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListIncidents : IQuery<IReadOnlyList<IncidentView>>;

/// <param name="Repairs">What an administrator can do about it today, each with the page where it is done.</param>
public sealed record IncidentView(Guid Id, IncidentKind Kind, string KindName, string Reason, Guid? NominationId, string? NomineeName,
    DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, IReadOnlyList<IncidentRepair> Repairs)
{
    /// <summary>For a failing automatic step: the outbox message to retry (<see cref="Repairs.RetryOutboxMessage"/>).</summary>
    public long? OutboxMessageId { get; init; }

    /// <summary>For a failed scheduled job: the failure to run again (<see cref="Repairs.RetryFailedJob"/>).</summary>
    public Guid? JobFailureId { get; init; }
}

public sealed record IncidentRepair(string Name, string Link);

public sealed class ListIncidentsHandler(CommendationsDbContext db, DefinitionSemantics semantics) : IRequestHandler<ListIncidents, IReadOnlyList<IncidentView>>
{
    public async Task<IReadOnlyList<IncidentView>> Handle(ListIncidents request, CancellationToken cancellationToken)
    {
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.ResolvedAt == null).OrderBy(i => i.FirstSeenAt).ToListAsync(cancellationToken);
        var nominationIds = incidents.Select(i => i.NominationId).OfType<Guid>().Distinct().ToList();
        var nominees = await db.Nominations.AsNoTracking().Where(n => nominationIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.NomineeName, cancellationToken);
        var instances = await db.WorkflowInstances.AsNoTracking().Where(i => nominationIds.Contains(i.NominationId)).ToDictionaryAsync(i => i.NominationId, cancellationToken);
        var taskIds = incidents.Select(i => i.TaskId).OfType<Guid>().ToList();
        var tasks = await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var userIds = incidents.Select(i => i.UserId).OfType<Guid>().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var unitIds = incidents.Select(i => i.UnitId).OfType<Guid>().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var failureIds = incidents.Select(i => i.JobFailureId).OfType<Guid>().ToList();
        var failures = await db.JobFailures.AsNoTracking().Where(f => failureIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var attempts = await db.Outbox.AsNoTracking().Where(m => incidents.Select(i => i.OutboxMessageId).Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.Attempts, cancellationToken);

        async Task<string> StepNameAsync(Guid? nominationId, string? stepKey) =>
            nominationId is { } id && instances.TryGetValue(id, out var instance)
                ? DefinitionSemantics.StepName(await semantics.OfAsync(instance, cancellationToken), stepKey ?? instance.CurrentStep)
                : "—";

        var views = new List<IncidentView>();
        foreach (var incident in incidents)
        {
            var task = incident.TaskId is { } taskId ? tasks.GetValueOrDefault(taskId) : null;
            var step = await StepNameAsync(incident.NominationId, task?.StepKey);
            var reason = incident.Kind switch
            {
                IncidentKind.AssigneeLocked => new Message("Việc \"{0}\" được giao cho {1}, tài khoản này đang bị khóa.", step,
                    incident.UserId is { } u ? users.GetValueOrDefault(u, "—") : "—"),
                IncidentKind.AssigneeRemoved => new Message("Việc \"{0}\" được giao cho một tài khoản không còn tồn tại.", step),
                IncidentKind.NoEligibleAssignee => new Message("Không tài khoản đang hoạt động nào giữ vai trò {0} tại {1} để nhận việc \"{2}\".",
                    RoleNames.Of(incident.Role ?? ""), incident.UnitId is { } unit ? units.GetValueOrDefault(unit, "—") : new Message("mọi đơn vị"), step),
                IncidentKind.OutboxFailing => new Message("Một xử lý tự động (đặt hạn, gửi thông báo hoặc hẹn giờ) đã thất bại {0} lần và vẫn đang được thử lại.",
                    incident.OutboxMessageId is { } m ? attempts.GetValueOrDefault(m) : 0),
                IncidentKind.JobFailed when incident.JobFailureId is { } f && failures.GetValueOrDefault(f) is { } failure =>
                    new Message("Một việc hẹn giờ (hạn xử lý, kết thúc thời gian chờ) bị lỗi lúc {0} và chưa được chạy lại: {1}", failure.FailedAt, failure.Error),
                IncidentKind.JobFailed => new Message("Một việc hẹn giờ bị lỗi và chưa được chạy lại."),
                IncidentKind.CommitteeUnresolved => new Message("Bước \"{0}\" cần Hội đồng / Ban có mã {1}, nhưng Hội đồng / Ban này không còn hoặc không còn thành viên đang hoạt động.",
                    step, incident.Committee ?? "—"),
                _ => new Message("Bước chờ \"{0}\" chưa được hẹn giờ kết thúc: hồ sơ sẽ không tự chuyển sang bước sau.", step),
            };
            views.Add(new IncidentView(incident.Id, incident.Kind, IncidentWords.Kind(incident.Kind).Format(), reason.Format(), incident.NominationId,
                incident.NominationId is { } n ? nominees.GetValueOrDefault(n) : null, incident.FirstSeenAt, incident.LastSeenAt, Repairs(incident))
                { OutboxMessageId = incident.OutboxMessageId, JobFailureId = incident.JobFailureId });
        }
        return views;
    }

    /// <summary>The repairs that apply to each kind (retries are buttons on the list itself).</summary>
    private static IReadOnlyList<IncidentRepair> Repairs(Incident incident)
    {
        var repairs = new List<IncidentRepair>();
        if (incident.Kind == IncidentKind.AssigneeLocked)
            repairs.Add(new IncidentRepair(new Message("Mở khóa tài khoản").Format(), "/quan-tri/nguoi-dung"));
        if (incident.Kind is IncidentKind.AssigneeLocked or IncidentKind.AssigneeRemoved && incident.NominationId is { } stuck)
            repairs.Add(new IncidentRepair(new Message("Chuyển việc cho thành viên khác").Format(), PageLinks.Route(stuck, "reassign")));
        if (incident.Kind == IncidentKind.NoEligibleAssignee)
            repairs.Add(new IncidentRepair(new Message("Giao vai trò cho một người dùng của đơn vị").Format(), "/quan-tri/nguoi-dung"));
        if (incident.Kind == IncidentKind.CommitteeUnresolved)
            repairs.Add(new IncidentRepair(new Message("Bổ sung thành viên Hội đồng / Ban").Format(), "/quan-tri/hoi-dong"));
        if (incident.NominationId is { } nomination)
        {
            if (incident.Kind is not (IncidentKind.OutboxFailing or IncidentKind.JobFailed))
                repairs.Add(new IncidentRepair(new Message("Chuyển hồ sơ sang bước khác").Format(), PageLinks.Route(nomination, "move")));
            repairs.Add(new IncidentRepair(new Message("Xem lộ trình của hồ sơ").Format(), PageLinks.Route(nomination)));
        }
        return repairs;
    }
}

/// <summary>Incident kinds in words.</summary>
public static class IncidentWords
{
    public static Message Kind(IncidentKind kind) => kind switch
    {
        IncidentKind.AssigneeLocked => new Message("Người được giao bị khóa tài khoản"),
        IncidentKind.AssigneeRemoved => new Message("Người được giao không còn tồn tại"),
        IncidentKind.NoEligibleAssignee => new Message("Không có người nhận việc"),
        IncidentKind.OutboxFailing => new Message("Xử lý tự động thất bại"),
        IncidentKind.JobFailed => new Message("Việc hẹn giờ bị lỗi"),
        IncidentKind.CommitteeUnresolved => new Message("Hội đồng / Ban không còn thành viên"),
        _ => new Message("Bước chờ chưa được hẹn giờ"),
    };
}
