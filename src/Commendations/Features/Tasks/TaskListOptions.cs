using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Tasks;

/// <summary>What the task list's filter form offers: the steps people work at (named by the definitions) and the units.</summary>
[Allowed(Audience.SignedIn)]
public sealed record GetTaskListOptions : IQuery<TaskListOptions>;

/// <param name="Steps">Human steps of the runnable definitions, by key, named in the reader's language (one entry per key).</param>
public sealed record TaskListOptions(IReadOnlyList<TaskListOption> Steps, IReadOnlyList<TaskListOption> Units);

public sealed record TaskListOption(string Value, string Name);

public sealed class GetTaskListOptionsHandler(CommendationsDbContext db, DefinitionSemantics semantics)
    : IRequestHandler<GetTaskListOptions, TaskListOptions>
{
    public async Task<TaskListOptions> Handle(GetTaskListOptions request, CancellationToken cancellationToken)
    {
        var definitions = await semantics.RunnableAsync(cancellationToken);
        var steps = definitions.OrderByDescending(d => d.Version)
            .SelectMany(d => StepPaths.HumanSteps(d).Select(s => new TaskListOption(s.Key, DefinitionSemantics.StepName(d, s.Key))))
            .DistinctBy(o => o.Value).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new TaskListOption(u.Id.ToString(), u.Name)).ToListAsync(cancellationToken);
        return new TaskListOptions(steps, units);
    }
}
