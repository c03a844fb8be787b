using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Commendations.Persistence;

/// <summary>
/// Change tracking for a <c>List&lt;DateTimeOffset&gt;</c> column (a task's reminder times). The comparer EF Core builds for
/// a primitive collection creates its element comparer's delegate on every call (<c>DynamicMethod.CreateDelegate</c> in
/// each Equals and Snapshot), and a task row is snapshotted and compared in every action that loads or adds one: that was
/// 3–4 % of the web process's thread samples during approvals. These expressions call plain methods instead. Instants
/// compare exactly (offset included), as EF Core's own <see cref="DateTimeOffset"/> comparer does.
/// </summary>
public sealed class InstantListComparer() : ValueComparer<List<DateTimeOffset>>(
    (a, b) => Same(a, b),
    list => HashOf(list),
    list => Copy(list))
{
    public static bool Same(List<DateTimeOffset>? a, List<DateTimeOffset>? b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a is null || b is null || a.Count != b.Count)
            return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (!a[i].EqualsExact(b[i]))
                return false;
        }
        return true;
    }

    public static int HashOf(List<DateTimeOffset> list)
    {
        var hash = new HashCode();
        foreach (var instant in list)
            hash.Add(instant);
        return hash.ToHashCode();
    }

    public static List<DateTimeOffset> Copy(List<DateTimeOffset> list) => [.. list];
}
