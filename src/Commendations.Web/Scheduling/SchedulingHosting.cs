using Commendations.Scheduling;

namespace Commendations.Web.Scheduling;

/// <summary>
/// Quartz (clustered, on the app's PostgreSQL), the outbox dispatcher and the email sender run in every web node unless
/// <c>Scheduling:Enabled</c> is false. <c>Scheduling:*</c> binds <see cref="SchedulingSettings"/>; <c>Smtp:*</c> binds
/// <see cref="SmtpSettings"/> (mail is sent only when <c>Smtp:Host</c> is set).
/// </summary>
public static class SchedulingHosting
{
    public static IServiceCollection AddCommendationsSchedulingHost(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.Configure<SmtpSettings>(configuration.GetSection(SmtpSettings.Section));
        var settings = configuration.GetSection(SchedulingSettings.Section).Get<SchedulingSettings>() ?? new SchedulingSettings();
        if (settings.Enabled)
            services.AddCommendationsScheduling(connectionString, settings);
        return services;
    }
}
