using Commendations.Common.Text;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Definitions;

/// <summary>
/// A simulation as the designer shows it: the engine's result, plus each task's assignee and escalation in words
/// and how it ended (by task id). The engine works with user and unit ids; a person reads names, looked up here, never in the engine.
/// </summary>
public sealed record SimulationView(
    IReadOnlyList<SimulatedStep> Path,
    IReadOnlyList<SimulatedTask> Tasks,
    IReadOnlyList<SimulatedEffect> Effects,
    InstanceState FinalState,
    SimulationRefusal? Refusal,
    EndResult? Result,
    string? StoppedAt,
    IReadOnlyDictionary<string, string> Assignees,
    IReadOnlyDictionary<string, string> Escalations,
    IReadOnlyDictionary<string, string> Outcomes);

/// <summary>Names the people, units and escalations of a <see cref="SimulationResult"/>.</summary>
public sealed class SimulationNames(CommendationsDbContext db)
{
    public async Task<SimulationView> DescribeAsync(SimulationResult result, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var ids = result.Tasks.SelectMany(t => new[] { t.Assignee.UserId, t.Assignee.UnitId })
            .Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.Name, cancellationToken);

        var assignees = new Dictionary<string, string>(StringComparer.Ordinal);
        var escalations = new Dictionary<string, string>(StringComparer.Ordinal);
        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var task in result.Tasks)
        {
            assignees[task.TaskId] = Who(task.Assignee, users, units);
            if (task.Escalation is { } escalation)
                escalations[task.TaskId] = What(escalation, definition, task.StepKey).Format();
            if (task.Outcome is { } outcome)
                outcomes[task.TaskId] = DefinitionSemantics.ActionName(definition, task.StepKey, outcome);
        }
        return new SimulationView(result.Path, result.Tasks, result.Effects, result.FinalState, result.Refusal, result.Result, result.StoppedAt, assignees, escalations, outcomes);
    }

    /// <summary>A member by name; a role by its name and, when known, its unit ("Chuyên viên thẩm định – Ban Thi đua").</summary>
    private static string Who(Assignee assignee, Dictionary<string, string> users, Dictionary<string, string> units)
    {
        if (assignee.UserId is { } user)
            return users.TryGetValue(user, out var name) ? name : new Message("người được giao").Format();
        var role = Names.Role(assignee.Role).Format();
        if (assignee.UnitId is null)
            return role;
        // The nominating unit of a simulation is not a real unit: it is simulated by its scope's name.
        return units.TryGetValue(assignee.UnitId, out var unit) ? new Message("{0} – {1}", role, unit).Format() : new Message("{0} – đơn vị đề nghị", role).Format();
    }

    /// <summary>The escalation as a sentence: whom it notifies, or which action it takes, and when.</summary>
    private static Message What(Escalation escalation, WorkflowDefinition definition, string stepKey)
    {
        var what = escalation.NotifyRole is { } role ? new Message("báo {0}", Names.Role(role))
            : escalation.Action == VoteStep.CloseAction && definition.FindStep(stepKey) is VoteStep ? new Message("khép phiếu với số phiếu đã có")
            : escalation.Action is { } action ? new Message("tự động “{0}”", DefinitionSemantics.ActionName(definition, stepKey, action))
            : new Message("báo người xử lý");
        return escalation switch
        {
            { AfterWorkingDays: { } after } => new Message("Quá hạn {0} ngày làm việc: {1}", after, what),
            { BeforeWorkingDays: { } before } => new Message("Trước hạn {0} ngày làm việc: {1}", before, what),
            _ => new Message("Khi đến hạn: {0}", what),
        };
    }
}
