using Commendations.Common.Text;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Repairs;

/// <summary>A repair's preview in people's words: each task by its step's name and the person (or role) it is for.</summary>
public static class RepairWords
{
    public static async Task<IReadOnlyList<string>> TasksAsync(CommendationsDbContext db, WorkflowDefinition definition,
        IReadOnlyList<(string StepKey, Assignee Assignee)> tasks, CancellationToken cancellationToken)
    {
        var userIds = tasks.Select(t => Guid.TryParse(t.Assignee.UserId, out var id) ? id : (Guid?)null).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, cancellationToken);
        return [.. tasks.Select(t => $"{DefinitionSemantics.StepName(definition, t.StepKey)} – "
                                     + (t.Assignee.UserId is { } id ? names.GetValueOrDefault(id, "—") : Names.Role(t.Assignee.Role).Format()))];
    }
}
