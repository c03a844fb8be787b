using Commendations.Common.Errors;
using Commendations.Domain.Workflows;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Nominations;

public class ConcurrencyAndIdempotencyTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task Two_simultaneous_approvals_of_one_task_give_one_success_and_one_conflict()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        var task = (await _steps.TurnOfAsync(DemoAccounts.SteeringStandingMember, id)).TaskId;

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                await app.Send(DemoAccounts.SteeringStandingMember, new ActOnTask(task, "approve", "Đồng ý."));
                return "ok";
            }
            catch (ConflictException)
            {
                return "conflict";
            }
        })));

        attempts.Should().BeEquivalentTo(["ok", "conflict"]);
        await using var db = app.CreateDbContext();
        var tasks = await db.Tasks.Where(t => t.NominationId == id && t.StepKey == "committee-review").ToListAsync();
        tasks.Should().HaveCount(2, "the first member's task and the second member's, nothing duplicated");
        tasks.Count(t => t.Status == WorkflowTaskStatus.Open).Should().Be(1);
        (await db.AuditEntries.CountAsync(e => e.Stream == Commendations.Audit.AuditTrail.NominationStream(id) && e.Action == "task.approve")).Should().Be(1);
    }

    [Fact]
    public async Task Repeating_a_request_with_the_same_idempotency_key_returns_the_first_result_and_changes_nothing()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        var task = (await _steps.TurnOfAsync(DemoAccounts.SteeringStandingMember, id)).TaskId;
        var first = await app.Send(DemoAccounts.SteeringStandingMember, new ActOnTask(task, "approve", null, "key-approve-1"));
        int auditAfterFirst;
        await using (var db = app.CreateDbContext())
            auditAfterFirst = await db.AuditEntries.CountAsync();

        var repeat = await app.Send(DemoAccounts.SteeringStandingMember, new ActOnTask(task, "approve", null, "key-approve-1"));

        repeat.Should().Be(first);
        await using var check = app.CreateDbContext();
        (await check.AuditEntries.CountAsync()).Should().Be(auditAfterFirst);
        (await check.Tasks.CountAsync(t => t.NominationId == id && t.StepKey == "committee-review")).Should().Be(2);
    }
}
