namespace Commendations.Web.Api;

/// <summary>All REST endpoints, under /api, grouped by feature. Every group requires a signed-in user; use cases check roles and unit scope.</summary>
public static class ApiEndpoints
{
    public static WebApplication MapCommendationsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization()
            .AddEndpointFilter<Contracts.ControlCharacterGuard.FormEndpointFilter>()
            .AddEndpointFilterFactory(Contracts.EnumQueryFilter.Create);
        api.MapNominationEndpoints();
        api.MapSubmissionLetterEndpoints();
        api.MapCertificateEndpoints();
        api.MapTaskEndpoints();
        api.MapSubstitutionEndpoints();
        api.MapCampaignEndpoints();
        api.MapDecisionEndpoints();
        api.MapAuditEndpoints();
        api.MapDefinitionEndpoints();
        api.MapNotificationEndpoints();
        api.MapAdminEndpoints();
        api.MapRegistryEndpoints();
        api.MapExportEndpoints();
        api.MapSessionEndpoints();
        api.MapDisclosureEndpoints();
        api.MapEligibilityEndpoints();
        api.MapStatisticsEndpoints();
        api.MapRegistrationEndpoints();
        api.MapPublicLookupEndpoints();
        api.MapImportEndpoints();
        api.MapForwardingEndpoints();
        return app;
    }

    /// <summary>The optional Idempotency-Key header of acting requests.</summary>
    public static string? IdempotencyKey(this HttpRequest request) =>
        request.Headers.TryGetValue("Idempotency-Key", out var value) ? value.ToString() : null;
}
