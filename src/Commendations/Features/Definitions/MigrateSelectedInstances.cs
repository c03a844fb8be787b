using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Definitions;

/// <summary>
/// Moves a selection of nominations to another version, one transaction per instance: one that cannot move is reported
/// with its reason and the others still move. The selection is checked whole first, so bad input moves nothing.
/// Not an <see cref="Common.ICommand{TResult}"/> on purpose: each <see cref="MigrateInstance"/> is its own transaction.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record MigrateSelectedInstances(string DefinitionId, int ToVersion, IReadOnlyList<Guid> NominationIds,
    IReadOnlyDictionary<string, string>? Mapping, string? Comment) : IRequest<IReadOnlyList<InstanceMigrationOutcome>>;

/// <summary>One nomination's result: moved (with the new place), or why not (a code and a sentence in the reader's language).</summary>
public sealed record InstanceMigrationOutcome(Guid NominationId, bool Succeeded, InstanceMigrated? Result, string? Code, string? Reason);

public sealed class MigrateSelectedInstancesValidator : AbstractValidator<MigrateSelectedInstances>
{
    public MigrateSelectedInstancesValidator()
    {
        RuleFor(c => c.NominationIds).NotEmpty().Must(ids => ids.Count <= MigrateInstanceValidator.MaxSelection)
            .WithMessage(new Message("Chọn tối đa {0} hồ sơ mỗi lần.", MigrateInstanceValidator.MaxSelection));
        Include(new MigrationInputValidator<MigrateSelectedInstances>(c => c.Mapping, c => c.Comment));
    }
}

public sealed class MigrateSelectedInstancesHandler(IMediator mediator, CommendationsDbContext db)
    : IRequestHandler<MigrateSelectedInstances, IReadOnlyList<InstanceMigrationOutcome>>
{
    public async Task<IReadOnlyList<InstanceMigrationOutcome>> Handle(MigrateSelectedInstances request, CancellationToken cancellationToken)
    {
        var outcomes = new List<InstanceMigrationOutcome>();
        foreach (var nominationId in request.NominationIds.Distinct())
        {
            try
            {
                var moved = await mediator.Send(new MigrateInstance(nominationId, request.DefinitionId, request.ToVersion, request.Mapping, request.Comment),
                    cancellationToken);
                outcomes.Add(new InstanceMigrationOutcome(nominationId, true, moved, null, null));
            }
            catch (AppException refused) when (refused is InputException or ConflictException or NotFoundException)
            {
                // What the refused instance left in the shared context must not ride along with the next one's save.
                db.ChangeTracker.Clear();
                outcomes.Add(new InstanceMigrationOutcome(nominationId, false, null, CodeOf(refused), ReasonOf(refused)));
            }
        }
        return outcomes;
    }

    /// <summary>The sentences a person reads; a field refusal's field paths (step keys of the mapping) stay out of it.</summary>
    private static string ReasonOf(AppException refused) => refused is InputException input
        ? string.Join(" ", input.Fields.SelectMany(f => f.Value).Select(m => m.Format()).Distinct())
        : refused.Message;

    private static string CodeOf(AppException refused) => refused switch
    {
        ConflictException conflict => conflict.Code,
        NotFoundException notFound => notFound.Code,
        InputException input => input.Code,
        _ => "refused",
    };
}

/// <summary>The mapping and comment rules shared by the single and the batch migration.</summary>
public sealed class MigrationInputValidator<T> : AbstractValidator<T>
{
    public MigrationInputValidator(Func<T, IReadOnlyDictionary<string, string>?> mapping, Func<T, string?> comment)
    {
        RuleFor(c => comment(c)).MaximumLength(MigrateInstanceValidator.MaxCommentLength).OverridePropertyName("comment");
        RuleFor(c => mapping(c)).Must(m => m is null || (m.Count <= 200 && m.All(e => e.Key.Length <= 80 && e.Value.Length <= 80)))
            .OverridePropertyName("mapping")
            .WithMessage(new Message("Bảng ánh xạ có tối đa 200 dòng, mỗi mã bước tối đa 80 ký tự."));
    }
}

public sealed class MigrateInstanceValidator : AbstractValidator<MigrateInstance>
{
    public const int MaxSelection = 500;
    public const int MaxCommentLength = 2000;

    public MigrateInstanceValidator() => Include(new MigrationInputValidator<MigrateInstance>(c => c.Mapping, c => c.Comment));
}
