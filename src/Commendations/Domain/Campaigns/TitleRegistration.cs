namespace Commendations.Domain.Campaigns;

/// <summary>
/// The year-start registration of titles (đăng ký thi đua) a campaign's owner opens: units say which titles and award
/// forms they aim at, until the closing date (inclusive, a Vietnam date). One window per campaign.
/// </summary>
public class RegistrationWindow
{
    public Guid CampaignId { get; private set; }
    public DateOnly ClosesOn { get; private set; }
    public Guid OpenedBy { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public uint Version { get; private set; }

    private RegistrationWindow() { }

    public RegistrationWindow(Guid campaignId, DateOnly closesOn, Guid openedBy, DateTimeOffset now)
    {
        CampaignId = campaignId;
        ClosesOn = closesOn;
        OpenedBy = openedBy;
        OpenedAt = now;
    }

    /// <summary>The owner may move the closing date (e.g. extend it for late units); the registrations stay.</summary>
    public void CloseOn(DateOnly closesOn) => ClosesOn = closesOn;

    public bool IsOpen(DateOnly today) => today <= ClosesOn;
}

/// <summary>One unit's registration in a campaign: how many collectives and individuals aim at each award form.</summary>
public class TitleRegistration
{
    public const int MaxCount = 100_000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; private set; }
    public Guid UnitId { get; private set; }
    public List<RegisteredTitle> Titles { get; private set; } = [];
    public Guid RegisteredBy { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public uint Version { get; private set; }

    private TitleRegistration() { }

    public TitleRegistration(Guid campaignId, Guid unitId)
    {
        CampaignId = campaignId;
        UnitId = unitId;
    }

    /// <summary>A unit may correct its registration until the window closes: the list is replaced as a whole.</summary>
    public void Register(IEnumerable<RegisteredTitle> titles, Guid by, DateTimeOffset now)
    {
        Titles = titles.ToList();
        RegisteredBy = by;
        RegisteredAt = now;
    }

    public RegisteredTitle? For(Guid awardFormId) => Titles.FirstOrDefault(t => t.AwardFormId == awardFormId);
}

/// <summary>The award form a unit aims at, with how many of its collectives and individuals.</summary>
public sealed record RegisteredTitle(Guid AwardFormId, int Collectives, int Individuals);
