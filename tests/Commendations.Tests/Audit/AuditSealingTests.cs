using Commendations.Audit;
using Commendations.Common.Errors;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Audit;

/// <summary>
/// Heads written before heads were sealed are reported unsealed, never silently trusted, until an administrator seals
/// them; sealing checks each chain first and is itself recorded. (A database of its own: sealing covers every head.)
/// </summary>
public class AuditSealingTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task An_unsealed_head_is_reported_stays_unsealed_on_append_and_is_sealed_by_an_administrator_after_its_chain_is_checked()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        var tampering = new AuditTampering(app, id);
        await tampering.RemoveSealAsync();

        var before = await app.Send(DemoAccounts.Admin, new VerifyAuditTrail());
        before.Intact.Should().BeFalse();
        before.Unsealed.Should().BeGreaterThanOrEqualTo(1);
        before.Problems.Should().ContainSingle(p => p.Stream == tampering.Stream).Which.Kind.Should().Be(AuditProblemKind.Unsealed);

        await _steps.ActAsync(NominationSteps.SteeringInOrder[0], id, "approve", "Đồng ý.");
        await using (var db = app.CreateDbContext())
            (await db.AuditStreams.SingleAsync(s => s.Name == tampering.Stream)).Seal.Should().BeNull("an append does not vouch for a tail nobody checked");

        var sealing = await app.Send(DemoAccounts.Admin, new SealAuditHeads());

        sealing.Sealed.Should().BeGreaterThanOrEqualTo(1);
        var after = await app.Send(DemoAccounts.Admin, new VerifyAuditTrail());
        after.Problems.Should().NotContain(p => p.Stream == tampering.Stream);
        await using var check = app.CreateDbContext();
        (await check.AuditEntries.Where(e => e.Stream == SealAuditHeadsHandler.Stream).Select(e => e.Action).ToListAsync())
            .Should().Contain("audit.heads-sealed", "sealing trusts the tails as they are: who did it, and when, is on the record");
    }

    [Fact]
    public async Task An_unsealed_head_whose_chain_is_broken_is_not_sealed()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        var tampering = new AuditTampering(app, id);
        await tampering.RemoveSealAsync();
        await tampering.DeleteAsync(2);

        var sealing = await app.Send(DemoAccounts.Admin, new SealAuditHeads());

        sealing.NotSealed.Should().ContainSingle(p => p.Stream == tampering.Stream).Which.Kind.Should().Be(AuditProblemKind.Deleted);
        var after = await app.Send(DemoAccounts.Admin, new VerifyAuditTrail());
        after.Problems.Where(p => p.Stream == tampering.Stream).Select(p => p.Kind)
            .Should().BeEquivalentTo([AuditProblemKind.Deleted, AuditProblemKind.Unsealed]);
    }

    [Fact]
    public async Task Only_administrators_seal()
    {
        var seal = () => app.Send(DemoAccounts.Leader, new SealAuditHeads());

        await seal.Should().ThrowAsync<ForbiddenException>();
    }
}
