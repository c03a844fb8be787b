using Microsoft.EntityFrameworkCore;

namespace Commendations.Persistence;

public static class TrackedLookup
{
    /// <summary>
    /// An entity this context already tracks, matched on values that never change after insert (so no change detection is
    /// needed): reading <c>DbSet.Local</c> would otherwise scan every tracked entity for changes first.
    /// </summary>
    public static T? FindTracked<T>(this DbContext db, Func<T, bool> match) where T : class
    {
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.Set<T>().Local.FirstOrDefault(match);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }
}
