using System.Security.Cryptography;
using Commendations.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Testing;

/// <summary>
/// The audit head key of every test process: fixed, so the template database, the use-case harnesses and the web host
/// of one test run seal and verify heads alike. Never a production key.
/// </summary>
public static class TestAuditKey
{
    public static readonly string HeadKey = Convert.ToBase64String(SHA256.HashData("commendations tests audit head key"u8));

    public static IServiceCollection AddTestAuditKey(this IServiceCollection services) =>
        services.Configure<AuditKeyOptions>(o => o.HeadKey = HeadKey);
}
