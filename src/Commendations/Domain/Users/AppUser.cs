using Microsoft.AspNetCore.Identity;

namespace Commendations.Domain.Users;

/// <summary>A person who signs in: an emulation officer, committee member, appraiser, leader or administrator, attached to one unit.</summary>
public class AppUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;

    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";

    /// <summary>Position shown in the UI and in minutes, e.g. "Phó Trưởng ban".</summary>
    public string? Title { get; set; }

    public Guid? UnitId { get; set; }

    /// <summary>
    /// Whether the user's notifications are also mailed (their own setting, on by default). In-app notifications are
    /// always stored.
    /// </summary>
    public bool EmailNotifications { get; set; } = true;

    /// <summary>The language of the user's notifications and e-mails: <c>vi</c> (default) or <c>en</c> (<see cref="Common.Text.Languages"/>).</summary>
    public string PreferredLanguage { get; set; } = Common.Text.Languages.VietnameseCode;

    /// <summary>Seeded demo accounts are flagged so production can refuse to start while any exists.</summary>
    public bool IsDemo { get; set; }
}

public class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Guid.CreateVersion7();

    public AppRole(string name) : this() => Name = name;
}
