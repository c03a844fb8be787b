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
        services.AddOptions<SmtpSettings>().Bind(configuration.GetSection(SmtpSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(SchedulingSettings.Section).Get<SchedulingSettings>() ?? new SchedulingSettings();
        // Read here to build Quartz, so checked here: a wrong value stops the start with its setting's name.
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(settings, new(settings), problems, validateAllProperties: true))
            throw new Microsoft.Extensions.Options.OptionsValidationException(SchedulingSettings.Section, typeof(SchedulingSettings),
                problems.Select(p => p.ErrorMessage ?? ""));
        if (settings.Enabled)
            services.AddCommendationsScheduling(connectionString, settings);
        return services;
    }
}
