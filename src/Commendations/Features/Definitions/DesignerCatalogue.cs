using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Definitions;

/// <summary>
/// The step types as the designer offers them, from the engine's <see cref="StepTypeCatalogue"/> (the same data the
/// parser and the validator use), with every name in the reader's language.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record ListStepTypes : IQuery<IReadOnlyList<StepTypeView>>;

public sealed record StepTypeView(
    string Key, string Name, string Description, bool Human, bool AnyOutcome,
    IReadOnlyList<StepPropertyView> Properties, IReadOnlyList<StepOutcomeView> Outcomes, IReadOnlyList<ChoiceView> Meanings,
    IReadOnlyList<ChoiceView> ActionMeanings);

/// <summary>
/// A property: <see cref="Path"/> is its JSON path in the step, <see cref="Kind"/> the control to offer;
/// <see cref="OnlyForMeaning"/>: offered only on a step of that meaning (a decision step's signing), else null.
/// </summary>
public sealed record StepPropertyView(string Path, string Name, StepPropertyKind Kind, bool Required, IReadOnlyList<ChoiceView>? Values,
    decimal? Min, decimal? Max, bool MinExclusive, decimal? Default, string? OnlyForMeaning = null);

public sealed record StepOutcomeView(string Name, string DisplayName, bool Required);

/// <summary>A value to store and its name for people.</summary>
public sealed record ChoiceView(string Value, string Name);

public sealed class ListStepTypesHandler : IRequestHandler<ListStepTypes, IReadOnlyList<StepTypeView>>
{
    public Task<IReadOnlyList<StepTypeView>> Handle(ListStepTypes request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StepTypeView>>([.. StepTypeCatalogue.All.Select(View)]);

    private static string Text(string vietnamese) => new Message(vietnamese).Format();

    private static StepTypeView View(StepTypeInfo type) => new(
        type.Key, Text(type.Name), Text(type.Description), type.Human, type.AnyOutcome,
        [.. type.Properties.Select(p => new StepPropertyView(p.Path, Text(p.Name), p.Kind, p.Required,
            p.Values?.Select(v => new ChoiceView(v.Value, Text(v.Name))).ToList(), p.Min, p.Max, p.MinExclusive, p.Default,
            p.OnlyForMeaning is { } meaning ? StepTypeCatalogue.MeaningValue(meaning) : null))],
        [.. type.Outcomes.Select(o => new StepOutcomeView(o.Name, Text(o.DisplayName), o.Required))],
        [.. type.Meanings.Select(m => new ChoiceView(StepTypeCatalogue.MeaningValue(m), Text(StepTypeCatalogue.MeaningDisplayName(m))))],
        // Only a task names its actions; approvals' actions have fixed meanings.
        type.Properties.Any(p => p.Path == "actions") ? [.. StepTypeCatalogue.ActionMeanings.Select(m => new ChoiceView(m.Value, Text(m.Name)))] : []);
}

/// <summary>
/// What a definition may name, for the designer's pickers: committees, roles, unit scopes (only configured ones whose
/// unit exists, and the nominating unit), active users and award forms — each with its name in the reader's language.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record GetDesignerOrganisation : IQuery<DesignerOrganisation>;

/// <summary>
/// Definitions name committees by code, roles by code, scopes by key and award forms by code; they name no user (people
/// are chosen by role and scope), so users are listed by id for reference only.
/// </summary>
public sealed record DesignerOrganisation(
    IReadOnlyList<CommitteeChoice> Committees,
    IReadOnlyList<ChoiceView> Roles,
    IReadOnlyList<ChoiceView> Scopes,
    IReadOnlyList<UserChoice> Users,
    IReadOnlyList<ChoiceView> AwardForms);

public sealed record CommitteeChoice(string Code, string Name, int ActiveMembers);

public sealed record UserChoice(Guid Id, string FullName, string? Unit);

public sealed class GetDesignerOrganisationHandler(CommendationsDbContext db, IOptions<Workflow.WorkflowOptions> scopes, TimeProvider clock)
    : IRequestHandler<GetDesignerOrganisation, DesignerOrganisation>
{
    public async Task<DesignerOrganisation> Handle(GetDesignerOrganisation request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => (u.Code, u.Name), cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.LockoutEnd == null || u.LockoutEnd <= now)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.UnitId })
            .ToListAsync(cancellationToken);
        var active = users.Select(u => u.Id).ToHashSet();

        var committees = await db.Committees.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var forms = await db.AwardForms.AsNoTracking().OrderBy(f => f.Name).Select(f => new ChoiceView(f.Code, f.Name)).ToListAsync(cancellationToken);

        // A scope is offered only when configured with a unit that exists: a definition naming another would not publish.
        var unitByCode = units.Values.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        var configured = scopes.Value.Scopes
            .Where(s => unitByCode.ContainsKey(s.Value))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ChoiceView(s.Key, unitByCode[s.Value]));
        IReadOnlyList<ChoiceView> scopeChoices = [new(ValidationContext.NominatingScope, new Message("Đơn vị lập hồ sơ đề nghị").Format()), .. configured];

        string[] roles = [.. Common.Security.Roles.All, ValidationContext.CommitteeChair, ValidationContext.CommitteeSecretary];
        return new DesignerOrganisation(
            [.. committees.Select(c => new CommitteeChoice(c.Code, c.Name, c.Members.Count(m => active.Contains(m.UserId))))],
            [.. roles.Select(r => new ChoiceView(r, Names.Role(r).Format()))],
            scopeChoices,
            [.. users.Select(u => new UserChoice(u.Id, u.DisplayName, u.UnitId is { } id && units.TryGetValue(id, out var unit) ? unit.Name : null))],
            forms);
    }
}
