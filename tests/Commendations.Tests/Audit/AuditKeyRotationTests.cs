using System.Security.Cryptography;
using Commendations.Audit;
using Commendations.Common.Security;
using Commendations.Domain.Audit;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;

namespace Commendations.Tests.Audit;

/// <summary>
/// Rotating the head key: the new key goes in Audit:HeadKey, the old one in Audit:PreviousHeadKeys until an administrator
/// has sealed the heads again. (A database of its own: resealing moves every head to another key.)
/// </summary>
public class AuditKeyRotationTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task Heads_sealed_with_a_previous_key_verify_until_sealed_again_under_the_new_one()
    {
        var stream = new AuditTampering(app, await _steps.SubmittedCollectiveAsync()).Stream;
        var oldKey = Convert.FromBase64String(TestAuditKey.HeadKey);
        var newKey = RandomNumberGenerator.GetBytes(32);
        var admin = app.User(DemoAccounts.Admin);

        var rotating = await VerifyAsync(new AuditHeadSeal(newKey, [oldKey]), admin);
        rotating.Problems.Should().NotContain(p => p.Stream == stream);
        rotating.SealedWithPreviousKey.Should().BeGreaterThanOrEqualTo(1);

        var oldKeyDroppedTooSoon = await VerifyAsync(new AuditHeadSeal(newKey), admin);
        oldKeyDroppedTooSoon.Problems.Should().ContainSingle(p => p.Stream == stream).Which.Kind.Should().Be(AuditProblemKind.RewrittenHead);

        await using (var db = app.CreateDbContext())
        {
            var seal = new AuditHeadSeal(newKey, [oldKey]);
            var sealing = await new SealAuditHeadsHandler(db, seal, new AuditTrail(db, admin, app.Clock, seal))
                .Handle(new SealAuditHeads(), default);
            await db.SaveChangesAsync();
            sealing.Resealed.Should().BeGreaterThanOrEqualTo(1);
        }

        var rotated = await VerifyAsync(new AuditHeadSeal(newKey), admin);
        rotated.Problems.Should().NotContain(p => p.Stream == stream);
        rotated.SealedWithPreviousKey.Should().Be(0);
    }

    private async Task<AuditVerification> VerifyAsync(AuditHeadSeal seal, ICurrentUser user)
    {
        await using var db = app.CreateDbContext();
        return await new VerifyAuditTrailHandler(db, seal).Handle(new VerifyAuditTrail(), default);
    }
}
