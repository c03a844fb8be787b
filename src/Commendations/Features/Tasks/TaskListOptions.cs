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

/// <param name="Steps">Human steps of the runnable definitions by their names in the reader's language (one entry per name; the value is the name).</param>
public sealed record TaskListOptions(IReadOnlyList<TaskListOption> Steps, IReadOnlyList<TaskListOption> Units);

public sealed record TaskListOption(string Value, string Name);

public sealed class GetStepsByName(CommendationsDbContext db, DefinitionSemantics semantics)
    : IRequestHandler<GetTaskListOptions, TaskListOptions>
{
    public async Task<TaskListOptions> Handle(GetTaskListOptions request, CancellationToken cancellationToken)
    {
        var definitions = await semantics.RunnableAsync(cancellationToken);
        var steps = definitions.SelectMany(d => StepPaths.HumanSteps(d).Select(s => DefinitionSemantics.StepName(d, s.Key)))
            .Distinct().Order(StringComparer.CurrentCulture).Select(name => new TaskListOption(name, name)).ToList();
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new TaskListOption(u.Id.ToString(), u.Name)).ToListAsync(cancellationToken);
        return new TaskListOptions(steps, units);
    }
}

/// <summary>Steps by name: the filter never carries a key (people would see it in the address).</summary>
public static class StepsByName
{
    /// <summary>The keys of the human steps called <paramref name="name"/> (in the reader's language or in Vietnamese) in these definitions.</summary>
    public static IReadOnlyList<string> StepKeysNamed(IEnumerable<WorkflowDefinition> definitions, string name) =>
        definitions.SelectMany(d => StepPaths.HumanSteps(d)
                .Where(s => DefinitionSemantics.StepName(d, s.Key) == name
                            || DefinitionSemantics.StepName(d, s.Key, Common.Text.Languages.Vietnamese) == name)
                .Select(s => s.Key))
            .Distinct().ToList();
}
