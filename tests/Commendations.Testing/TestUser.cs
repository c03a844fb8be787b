using Commendations.Common.Security;
using Commendations.Seeding;

namespace Commendations.Testing;

/// <summary>Holds who the current scope acts as, so tests send commands as a chosen demo account.</summary>
public sealed class CurrentUserHolder
{
    public ICurrentUser User { get; set; } = FixedCurrentUser.System;
}

public static class TestUsers
{
    /// <summary>A demo account as a current user, with ids read from the seeded database.</summary>
    public static FixedCurrentUser For(DemoAccounts.Account account, IReadOnlyDictionary<string, (Guid UserId, Guid UnitId)> directory) =>
        new(directory[account.UserName].UserId, account.DisplayName, new HashSet<string> { account.Role }, directory[account.UserName].UnitId, "127.0.0.1");
}
