namespace Commendations.Common;

/// <summary>
/// The one place that builds links to the web pages people are sent to — from notifications (in-app and e-mail), the
/// API's notification items, the menu and the work-waiting list (other pages still write their own routes). Each is a
/// page route of <c>src/Commendations.Web/Pages</c> (<c>@page</c>); <c>HandOverNotificationsOverHttpTests</c> follows the links of a turn, a return, a rejection, an award
/// and a session call as their recipient and expects 200.
/// </summary>
public static class PageLinks
{
    /// <summary>The nomination page (<c>Pages/Nominations/Details</c>).</summary>
    public static string Nomination(Guid nominationId) => $"/de-nghi/{nominationId}";

    /// <summary>The unit's nominations (<c>Pages/Nominations/Index</c>), optionally one campaign's.</summary>
    /// <summary>The nomination's route page (its diagram, passages, timers and, for administrators, the repairs), optionally at a section.</summary>
    public static string Route(Guid nominationId, string? section = null) =>
        section is null ? $"/de-nghi/{nominationId}/lo-trinh" : $"/de-nghi/{nominationId}/lo-trinh#{section}";

    public static string Nominations(Guid? campaignId = null) => campaignId is { } id ? $"/de-nghi?campaignId={id}" : "/de-nghi";

    /// <summary>A council session (<c>Pages/Sessions/Details</c>).</summary>
    public static string Session(Guid sessionId) => $"/phien-hop/{sessionId}";

    /// <summary>A closed session's minutes (<c>Pages/BienBan/Index</c>).</summary>
    public static string Minutes(Guid sessionId) => $"/bien-ban/{sessionId}";

    /// <summary>An award decision (<c>Pages/Decisions/Details</c>).</summary>
    public static string Decision(Guid decisionId) => $"/quyet-dinh/{decisionId}";

    /// <summary>The work waiting for the signed-in user (<c>Pages/Inbox/Index</c>).</summary>
    public const string WorkWaiting = "/viec-can-xu-ly";

    /// <summary>A campaign's dashboard (<c>Pages/Dashboard/Index</c>).</summary>
    public static string Dashboard(Guid campaignId) => $"/bang-dieu-khien?campaignId={campaignId}";

    /// <summary>Comments and complaints from public disclosure to handle (<c>Pages/Disclosure/Comments</c>).</summary>
    public const string DisclosureComments = "/y-kien-cong-khai";

    /// <summary>The user's own notifications and account settings (<c>Pages/Notifications</c>, <c>Pages/Account/Settings</c>).</summary>
    public const string Notifications = "/thong-bao";

    public const string Account = "/tai-khoan";

    /// <summary>The user's substitutes while away (<c>Pages/Account/Substitutes</c>).</summary>
    public const string MySubstitutes = "/tai-khoan/nguoi-thay-the";

    /// <summary>
    /// <paramref name="link"/> under the site's public address (e-mails are read outside the site); unchanged when no
    /// address is configured.
    /// </summary>
    public static string Absolute(string? publicBaseUrl, string link) =>
        string.IsNullOrWhiteSpace(publicBaseUrl) || !link.StartsWith('/') ? link : publicBaseUrl.TrimEnd('/') + link;
}
