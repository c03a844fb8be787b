using System.Runtime.CompilerServices;
using Commendations.Domain.Audit;
using Commendations.Domain.Idempotency;
using Commendations.Domain.Nominations;
using Commendations.Domain.Notifications;
using Commendations.Domain.Outbox;
using Commendations.Domain.Workflows;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Commendations.Persistence;

/// <summary>
/// The <see cref="RowShape"/>s of a model, for the rows a workflow transition and its follow-up write: the nomination,
/// its instance and tasks, their reminder, escalation and wait rows, the audit chain, the outbox, idempotency records and
/// notifications. Only these: reference data (units, users, campaigns…) is saved by EF Core, whose interceptor tells the
/// other nodes' caches (<c>ReferenceDataCommitInterceptor</c>).
/// </summary>
internal sealed class RowShapes
{
    private static readonly Type[] Written =
    [
        typeof(Nomination), typeof(WorkflowInstance), typeof(WorkflowTask), typeof(TaskReminder), typeof(TaskEscalation),
        typeof(StepWait), typeof(AuditStream), typeof(AuditEntry), typeof(OutboxMessage), typeof(IdempotencyRecord), typeof(Notification),
    ];

    private static readonly ConditionalWeakTable<IModel, RowShapes> ByModel = new();

    private readonly Dictionary<IEntityType, RowShape> _shapes = [];

    private RowShapes(IModel model)
    {
        var types = Written.Select(model.FindEntityType).OfType<IEntityType>().ToList();
        foreach (var type in types)
        {
            if (RankOf(type, types, 0) is { } rank && RowShape.Of(type, rank) is { } shape)
                _shapes[type] = shape;
        }
    }

    public static RowShapes Of(IModel model) => ByModel.GetValue(model, m => new RowShapes(m));

    public RowShape? For(IEntityType type) => _shapes.GetValueOrDefault(type);

    /// <summary>
    /// How many principals of these types stand above <paramref name="type"/>; null for a type that refers to itself or
    /// sits in a cycle, whose rows EF Core orders (it can insert and then update).
    /// </summary>
    private static int? RankOf(IEntityType type, IReadOnlyList<IEntityType> types, int depth)
    {
        if (depth > types.Count)
            return null;
        var rank = 0;
        foreach (var principal in type.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(types.Contains).Distinct())
        {
            if (principal == type || RankOf(principal, types, depth + 1) is not { } above)
                return null;
            rank = Math.Max(rank, above + 1);
        }
        return rank;
    }
}
