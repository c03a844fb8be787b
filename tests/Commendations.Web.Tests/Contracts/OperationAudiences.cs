using Commendations.Common.Security;

namespace Commendations.Web.Tests.Contracts;

/// <summary>
/// Who may call each operation of the API — the authorisation matrix, written out here on purpose (not read from the
/// code), so a change of who may do what is a visible change of this table. A test fails for any operation the
/// OpenAPI document has and this table does not.
/// </summary>
public static class OperationAudiences
{
    public const string Public = "public";
    public const string SignedIn = "signed-in";

    private const string O = Roles.EmulationOfficer, C = Roles.CommitteeMember, A = Roles.Appraiser, L = Roles.ProvincialLeader, D = Roles.Administrator;

    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["POST /api/auth/login"] = [Public],
        ["POST /api/auth/refresh"] = [Public],
        ["POST /api/auth/logout"] = [Public],
        ["GET /api/auth/me"] = [SignedIn],
        ["POST /api/auth/change-password"] = [SignedIn],
        ["GET /api/nominations"] = [SignedIn],
        ["POST /api/nominations"] = [O],
        ["GET /api/nominations/{id}"] = [SignedIn],
        ["PUT /api/nominations/{id}"] = [O],
        ["POST /api/nominations/{id}/documents"] = [O],
        ["GET /api/nominations/{id}/documents/{documentId}"] = [SignedIn],
        ["DELETE /api/nominations/{id}/documents/{documentId}"] = [O],
        ["POST /api/nominations/{id}/submit"] = [O],
        ["POST /api/nominations/{id}/withdraw"] = [O, D],
        ["POST /api/nominations/{id}/votes"] = [C],
        ["GET /api/tasks/inbox"] = [SignedIn],
        ["POST /api/tasks/{taskId}/actions"] = [SignedIn],
        ["GET /api/campaigns"] = [SignedIn],
        ["GET /api/campaigns/{id}/progress"] = [O, C, A, L, D],
        ["POST /api/decisions"] = [L],
        ["GET /api/decisions/{id}"] = [SignedIn],
        ["GET /api/audit/verify"] = [D],
        ["POST /api/audit/seal"] = [D],
        ["GET /api/campaigns/{id}/dashboard"] = [O, C, A, L, D],
        ["GET /api/nominations/{id}/disclosure-comments"] = [C, A, L, D],
        ["POST /api/disclosure-comments/{id}/handling"] = [C, D],
        ["GET /api/nominations/{id}/eligibility"] = [SignedIn],
        ["GET /api/definitions"] = [D],
        ["GET /api/definitions/{id}/versions/{version}"] = [D],
        ["PUT /api/definitions/{id}/versions/{version}"] = [D],
        ["GET /api/definitions/{id}/versions/{version}/export"] = [D],
        ["POST /api/definitions/{id}/drafts"] = [D],
        ["POST /api/definitions/import"] = [D],
        ["POST /api/definitions/validate"] = [D],
        ["GET /api/definitions/{id}/diff"] = [D],
        ["POST /api/definitions/{id}/versions/{version}/simulate"] = [D],
        ["GET /api/definitions/{id}/scenarios"] = [D],
        ["POST /api/definitions/{id}/scenarios"] = [D],
        ["POST /api/definitions/{id}/versions/{version}/publish"] = [D],
        ["POST /api/definitions/{id}/versions/{version}/retire"] = [D],
        ["POST /api/definitions/{id}/versions/{version}/rollback"] = [D],
        ["POST /api/definitions/{id}/migrations/preview"] = [D],
        ["POST /api/definitions/{id}/migrations"] = [D],
        ["GET /api/notifications"] = [SignedIn],
        ["GET /api/notifications/unread-count"] = [SignedIn],
        ["POST /api/notifications/{id}/read"] = [SignedIn],
        ["POST /api/notifications/read-all"] = [SignedIn],
        ["GET /api/admin/organisation"] = [D],
        ["GET /api/admin/units"] = [D],
        ["POST /api/admin/units"] = [D],
        ["PUT /api/admin/units/{id}"] = [D],
        ["GET /api/admin/users"] = [D],
        ["POST /api/admin/users"] = [D],
        ["PUT /api/admin/users/{id}"] = [D],
        ["POST /api/admin/users/{id}/lock"] = [D],
        ["POST /api/admin/users/{id}/unlock"] = [D],
        ["GET /api/admin/committees"] = [D],
        ["POST /api/admin/committees"] = [D],
        ["POST /api/admin/committees/{id}/members"] = [D],
        ["DELETE /api/admin/committees/{id}/members/{userId}"] = [D],
        ["POST /api/admin/committees/{id}/members/{userId}/move"] = [D],
        ["GET /api/admin/campaigns/editor"] = [D],
        ["POST /api/admin/campaigns"] = [D],
        ["PUT /api/admin/campaigns/{id}"] = [D],
        ["GET /api/admin/award-forms"] = [D],
        ["POST /api/admin/award-forms"] = [D],
        ["PUT /api/admin/award-forms/{id}"] = [D],
        ["GET /api/admin/calendar/days"] = [D],
        ["POST /api/admin/calendar/days"] = [D],
        ["DELETE /api/admin/calendar/days/{date}"] = [D],
        ["POST /api/admin/calendar/imports/preview"] = [D],
        ["POST /api/admin/calendar/imports"] = [D],
        ["GET /api/admin/calendar/offers"] = [D],
        ["POST /api/admin/calendar/offers/{year}/dismissal"] = [D],
        ["GET /api/registry"] = [SignedIn],
        ["GET /api/registry/{id}/history"] = [SignedIn],
        ["POST /api/registry/{id}/revocation"] = [D, L],
        ["GET /api/exports/campaigns/{id}/nominations"] = [SignedIn],
        ["GET /api/exports/registry"] = [SignedIn],
        ["POST /api/sessions"] = [C, D],
        ["GET /api/sessions"] = [C, A, L, D],
        ["GET /api/sessions/{id}"] = [C, A, L, D],
        ["PUT /api/sessions/{id}/attendance/{memberUserId}"] = [C, D],
        ["PUT /api/sessions/{id}/attendance"] = [C, D],
        ["POST /api/sessions/{id}/ballots"] = [C, D],
        ["POST /api/sessions/{id}/close"] = [C, D],
        ["GET /api/sessions/{id}/votes.{format}"] = [C, A, L, D],
        ["GET /api/public/campaigns/{code}/disclosure"] = [Public],
        ["GET /api/public/disclosure/form-token"] = [Public],
        ["POST /api/public/nominations/{id}/comments"] = [Public],
        ["GET /api/eligibility-rules"] = [D],
        ["POST /api/eligibility-rules"] = [D],
    };

    public static bool Allows(string operation, string role) =>
        Allowed[operation] is var audience && (audience.Contains(Public) || audience.Contains(SignedIn) || audience.Contains(role));
}
