using System.Reflection;
using Commendations.Common.Behaviours;
using Commendations.Common.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Commendations.Domain.Users;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations;

public static class DependencyInjection
{
    /// <param name="demoScopes">Route unit scopes not configured mean the demo province's offices (with the demo data only).</param>
    public static IServiceCollection AddCommendations(this IServiceCollection services, string connectionString, bool demoScopes = false)
    {
        // Pooled: a request takes a reset context instead of building one (its options and internal services) each time.
        services.AddDbContextPool<CommendationsDbContext>((provider, options) => options.UseCommendationsDatabase(connectionString)
            .AddInterceptors(provider.GetRequiredService<Workflow.ReferenceDataCommitInterceptor>()));
        services.AddSingleton(TimeProvider.System);
        // Outside a web request (jobs, command line) the actor is the system; the web host registers the signed-in user.
        services.TryAddScoped<ICurrentUser>(_ => StartupActor.Current ?? FixedCurrentUser.System);
        services.AddIdentityCore<AppUser>(options =>
            {
                PasswordPolicy.Apply(options.Password);
                options.User.RequireUniqueEmail = false;
                // Lockout here means an administrator's lock (SetUserLock) only. Failed sign-ins never lock an account:
                // anyone could keep a user out by failing on their name. They are throttled per client address and
                // account name in the web host instead (Commendations.Web.Auth.SignInThrottle).
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<CommendationsDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddOptions<PasswordPolicy>();
        services.AddMediatorWithPipeline(typeof(DependencyInjection).Assembly);
        // Validators name fields in the reader's language (FluentValidation's sentences are Vietnamese or English already).
        Common.Text.FieldNames.Install();
        var workflows = services.AddOptions<Workflow.WorkflowOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (demoScopes)
            workflows.PostConfigure(o =>
            {
                foreach (var (scope, unit) in Seeding.DemoUnits.Scopes)
                    o.Scopes.TryAdd(scope, unit);
            });
        services.AddScoped<Workflow.DefinitionCache>();
        services.AddScoped<Workflow.DefinitionSemantics>();
        services.AddScoped<Workflow.EngineMessages>();
        services.AddScoped<Features.Definitions.OrganisationFacts>();
        services.AddScoped<Features.Definitions.DefinitionTemplates>();
        services.AddScoped<Features.Definitions.SimulationNames>();
        services.AddScoped<Workflow.RuntimeContextFactory>();
        services.AddSingleton<Workflow.ReferenceDataCache>();
        services.AddSingleton<Workflow.ReferenceDataCommitInterceptor>();
        services.AddSingleton(new Workflow.ReferenceDataConnection(connectionString));
        services.AddHostedService<Workflow.ReferenceDataListener>();
        services.AddScoped<Workflow.NominationWorkflow>();
        services.AddScoped<Features.Imports.ImportDuplicates>();
        services.AddScoped<Features.Nominations.NominationDrafting>();
        services.AddScoped<Features.Forwarding.ForwardingStep>();
        services.AddScoped<Features.Forwarding.DossierPackage>();
        services.AddScoped<Features.Forwarding.SignedDocumentsOfRecord>();
        services.AddOptions<Features.Forwarding.ForwardingOptions>();
        services.AddScoped<Features.Admin.Calendar.CalendarDeadlines>();
        services.AddScoped<Audit.AuditTrail>();
        services.AddScoped<Features.Decisions.DecisionSigning>();
        services.AddScoped<Features.Sessions.MinutesSigning>();
        services.AddScoped<Features.Decisions.DecisionEffect>();
        // The host binds the Audit section (or supplies a generated key where that is allowed); without a valid key the
        // host does not start, and outside a host the first use of the seal fails.
        services.AddOptions<Audit.AuditKeyOptions>().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Audit.AuditKeyOptions>, Audit.AuditKeyOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Audit.AuditKeyOptions>>().Value.ToSeal());
        services.AddScoped<Features.Nominations.NominationAccess>();
        services.AddScoped<Features.Sessions.SessionAccess>();
        services.AddScoped<Features.Nominations.TimelineVotes>();
        services.AddScoped<Features.Substitutions.Substitutes>();
        services.AddScoped<Features.Substitutions.SubstitutionWriter>();
        services.AddScoped<Features.Substitutions.CoveredTasks>();
        services.AddScoped<Features.Substitutions.CoverNotices>();
        services.AddScoped<Features.Documents.DocumentData>();
        services.AddScoped<Features.Documents.SubmissionLetters.SubmissionLetters>();
        services.AddScoped<Features.Documents.SubmissionLetters.SubmissionLetterSigning>();
        // One signer for every document; the host binds the Signing section (docs/documents.md).
        services.AddOptions<Features.Documents.Signing.Pkcs12SigningOptions>();
        services.AddSingleton<Features.Documents.Signing.IDocumentSigner, Features.Documents.Signing.Pkcs12DocumentSigner>();
        services.AddOptions<Features.Documents.Signing.SignatureTrustOptions>();
        services.AddOptions<Features.Documents.Signing.SignatureTimestampOptions>();
        services.AddSingleton<Features.Documents.Signing.SignatureTimestamper>();
        services.AddSingleton<Features.Documents.Signing.RevocationChecker>();
        services.AddSingleton<Features.Documents.Signing.PdfSignatureVerifier>();
        services.AddSingleton<Features.Sessions.BallotBox>();
        services.AddScoped<Features.Disclosure.DisclosureSteps>();
        services.AddScoped<Features.Incidents.IncidentDetector>();
        services.AddScoped<Features.Eligibility.EligibilityEvaluator>();
        services.AddSingleton<Features.Disclosure.CommentRateLimiter>();
        services.AddSingleton<Features.PublicLookup.LookupRateLimiter>();
        services.AddScoped<Features.Definitions.DefinitionAdmin>();
        services.AddOptions<Scheduling.SchedulingSettings>();
        services.AddOptions<Scheduling.SmtpSettings>();
        services.AddScoped<Scheduling.Notifier>();
        services.AddScoped<Scheduling.OutboxApplier>();
        services.AddScoped<Scheduling.HandOverNotifier>();
        // Telemetry (docs/operations.md, "Telemetry"): the figures an operator watches, computed in one place.
        services.AddMetrics();
        services.AddScoped<Common.Telemetry.AfterSuccess>();
        services.AddSingleton<Common.Telemetry.SignInFailures>();
        services.AddSingleton<Common.Telemetry.OperationsMetrics>();
        services.AddScoped<Features.Operations.OperationsFigures>();
        services.AddSingleton<Features.Operations.OperationsFiguresCache>();
        services.AddOptions<Features.Operations.OperationsFiguresOptions>();
        return services;
    }

    /// <summary>
    /// MediatR 5.1.0 (the newest in the package mirror) has no DI package: register its ServiceFactory,
    /// the pipeline in order (tracing → logging → authorization → nomination scope → validation → transaction → idempotency), and scan for handlers and validators.
    /// </summary>
    public static IServiceCollection AddMediatorWithPipeline(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TracingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Features.Nominations.NominationScopeBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));
        // Inside the transaction: a repair awaiting a second administrator is dry-run there, then rolled back to a savepoint.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Features.Repairs.RepairApprovalBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehaviour<,>));

        Type[] scanned = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>)];
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && scanned.Contains(i.GetGenericTypeDefinition())))
            {
                // A validator builds its rules in its constructor (a few kB of rule objects, 3 % of an approval's
                // allocations when built per request) and keeps no state between validations: one per process, unless
                // it needs services, which may be scoped.
                if (contract.GetGenericTypeDefinition() == typeof(IValidator<>) && type.GetConstructors().All(c => c.GetParameters().Length == 0))
                    services.AddSingleton(contract, type);
                else
                    services.AddScoped(contract, type);
            }
        }
        return services;
    }
}
