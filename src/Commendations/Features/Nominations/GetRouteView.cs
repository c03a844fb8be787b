using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>
/// The nomination's route as it ran: its definition version (the document, to draw it), the current step, every step
/// passed with who acted, when and the outcome, and the timers still pending (due times, reminders, escalation levels,
/// the end of a wait) with their instants. Readable by whoever may read the nomination.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record GetRouteView(Guid NominationId) : IQuery<RouteView>, INominationRequest;

/// <param name="DefinitionDocument">The pinned version's JSON document (what the diagram draws).</param>
/// <param name="PassedStepKeys">The top-level steps the route has been through (the diagram marks them).</param>
public sealed record RouteView(
    Guid NominationId, string NomineeName, string DefinitionId, int DefinitionVersion, string DefinitionName, bool Completed,
    string? CurrentStepKey, string CurrentStepName, string DefinitionDocument, IReadOnlyList<string> PassedStepKeys,
    IReadOnlyList<RoutePassage> Passages, IReadOnlyList<RouteTimer> Timers);

/// <summary>One line of the route's history, in words: <see cref="What"/> happened at <see cref="StepName"/>.</summary>
public sealed record RoutePassage(DateTimeOffset At, int Round, string? StepKey, string StepName, string What, string? Actor, string? Comment);

/// <summary>A pending timer. <see cref="Kind"/> is <c>due</c>, <c>reminder</c>, <c>escalation</c> or <c>waitEnds</c>.</summary>
public sealed record RouteTimer(string Kind, string KindName, DateTimeOffset At, string StepName, string? Assignee);

public sealed class GetRouteViewHandler(CommendationsDbContext db, NominationAccess access, DefinitionSemantics semantics, DefinitionCache definitions)
    : IRequestHandler<GetRouteView, RouteView>
{
    public async Task<RouteView> Handle(GetRouteView request, CancellationToken cancellationToken)
    {
        var nomination = await access.ReadableAsync(request.NominationId, cancellationToken);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        var record = await db.WorkflowDefinitions.AsNoTracking()
            .SingleAsync(d => d.DefinitionId == instance.DefinitionId && d.Version == instance.DefinitionVersion, cancellationToken);
        var definition = await semantics.OfAsync(instance, cancellationToken);
        var state = InstanceState.FromJson(instance.State);
        var callees = await definitions.CalleesAsync(definition, state, cancellationToken);
        string StepName(string? key) => DefinitionSemantics.StepName(definition, key, null, callees);

        var userIds = state.History.Select(h => h.ActorUserId).Concat(state.History.Select(h => h.SubstituteUserId))
            .Concat(state.OpenTasks.Select(t => t.Assignee.UserId))
            .Select(id => Guid.TryParse(id, out var g) ? g : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, cancellationToken);
        var unitIds = state.OpenTasks.Select(t => Guid.TryParse(t.Assignee.UnitId, out var g) ? g : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.Name, cancellationToken);
        string? Person(string? userId) => userId is null ? null : people.GetValueOrDefault(userId) ?? new Message("Hệ thống").Format();
        string Assignee(Assignee a) => a.UserId is { } id ? people.GetValueOrDefault(id, new Message("Người dùng đã bị xóa").Format())
            : a.Role is { } role ? RoleNames.Of(role).Format() + (a.UnitId is { } unit && units.TryGetValue(unit, out var name) ? " – " + name : "")
            : "—";

        // A substitute's action names both: who acted, on whose behalf (docs/substitutes.md).
        string? ActorOf(HistoryEntry h) => h.SubstituteUserId is { } substitute
            ? new Message("{0} (thay mặt {1})", Person(substitute), Person(h.ActorUserId)).Format()
            : Person(h.ActorUserId);

        var passages = state.History
            .Select(h => new RoutePassage(h.At, h.Round, h.StepKey, h.StepKey is null ? "—" : StepName(h.StepKey),
                RouteWords.What(h, definition).Format(), ActorOf(h), h.Comment))
            .ToList();

        var timers = new List<RouteTimer>();
        foreach (var task in state.OpenTasks)
        {
            var step = StepName(task.StepKey);
            var who = Assignee(task.Assignee);
            timers.Add(new RouteTimer("due", new Message("Hạn xử lý").Format(), task.DueAt, step, who));
            timers.AddRange(task.ReminderTimes.Select(at => new RouteTimer("reminder", new Message("Nhắc việc").Format(), at, step, who)));
            if (task.Escalations is { } levels)
                timers.AddRange(levels.Skip(task.EscalationsDone).Select(l =>
                    new RouteTimer("escalation", new Message("Báo cáo cấp trên (mức {0})", l.Level + 1).Format(), l.At, step, who)));
            else if (task.EscalateAt is { } escalateAt && !task.Overdue)
                timers.Add(new RouteTimer("escalation", new Message("Báo cáo cấp trên").Format(), escalateAt, step, who));
        }
        if (state.WaitUntil is { } until && !instance.IsCompleted)
            timers.Add(new RouteTimer("waitEnds", new Message("Hết thời gian chờ").Format(), until, StepName(state.CurrentStep), null));

        var passed = state.History.Where(h => h.StepKey is not null).Select(h => StepPaths.Split(h.StepKey!).Head).Distinct().ToList();
        return new RouteView(nomination.Id, nomination.NomineeName, instance.DefinitionId, instance.DefinitionVersion,
            record.Name, instance.IsCompleted, state.CurrentStep, StepName(state.CurrentStep), record.Content, passed,
            passages, timers.OrderBy(t => t.At).ToList());
    }
}
