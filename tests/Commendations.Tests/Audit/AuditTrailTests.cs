using Commendations.Audit;
using Commendations.Common.Errors;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Audit;

public class AuditTrailTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task An_untouched_trail_verifies()
    {
        var id = await _steps.SubmittedCollectiveAsync();

        var result = await app.Send(DemoAccounts.Admin, new VerifyAuditTrail());

        // Other tests of this class tamper with their own nominations in the same database; this one's chain must be clean.
        result.Problems.Should().NotContain(p => p.Contains(id.ToString()));
        result.Entries.Should().BeGreaterThan(5);
    }

    [Fact]
    public async Task An_edited_entry_is_detected()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await using (var db = app.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET comment = 'Đã sửa' WHERE stream = {0} AND action = 'nomination.submitted'", AuditTrail.NominationStream(id));

        var result = await app.Send(DemoAccounts.Admin, new VerifyAuditTrail());

        result.Intact.Should().BeFalse();
        result.Problems.Should().Contain(p => p.Contains(id.ToString()) && p.Contains("edited"));
    }

    [Fact]
    public async Task A_deleted_last_entry_is_detected()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await using (var db = app.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE id = (SELECT max(id) FROM audit_entries WHERE stream = {0})", AuditTrail.NominationStream(id));

        var result = await app.Send(DemoAccounts.Admin, new VerifyAuditTrail());

        result.Problems.Should().Contain(p => p.Contains(id.ToString()) && p.Contains("deleted"));
    }

    private async Task<bool> DetectedAsync(Guid id)
    {
        var result = await app.Send(DemoAccounts.Admin, new VerifyAuditTrail());
        return result.Problems.Any(p => p.Contains(id.ToString()));
    }

    [Fact]
    public async Task Scenario_deleted_middle_entry()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await new AuditTampering(app, id).DeleteAsync(2);
        (await DetectedAsync(id)).Should().BeTrue();
    }

    [Fact]
    public async Task Scenario_inserted_entry()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await new AuditTampering(app, id).InsertAsync(2, rehash: false);
        (await DetectedAsync(id)).Should().BeTrue();
    }

    [Fact]
    public async Task Scenario_truncated_tail_with_head_rewritten()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        var tampering = new AuditTampering(app, id);
        await tampering.DeleteAsync((await tampering.EntriesAsync())[^1].Sequence);
        await tampering.RewriteHeadToChainEndAsync();
        (await DetectedAsync(id)).Should().BeTrue();
    }

    [Fact]
    public async Task Scenario_rebuilt_chain_with_inserted_entry_and_head_rewritten()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        var tampering = new AuditTampering(app, id);
        await tampering.InsertAsync(2, rehash: true);
        await tampering.RewriteHeadToChainEndAsync();
        (await DetectedAsync(id)).Should().BeTrue();
    }

    [Fact]
    public async Task Only_administrators_verify()
    {
        var verify = () => app.Send(DemoAccounts.OfficerTanHoa, new VerifyAuditTrail());

        await verify.Should().ThrowAsync<ForbiddenException>();
    }
}
