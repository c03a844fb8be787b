using Commendations.Audit;
using Commendations.Common.Errors;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Audit;

/// <summary>
/// Each way someone with write access to the tables, but without the application's key, can tamper with a nomination's
/// chain is reported, with its kind. Tests of this class share a database and each tampers with its own nomination.
/// </summary>
public class AuditTrailTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    private async Task<(AuditTampering Tampering, Guid Id)> SubmittedAsync()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        return (new AuditTampering(app, id), id);
    }

    private async Task<List<AuditProblem>> ProblemsOfAsync(AuditTampering tampering)
    {
        var result = await app.Send(DemoAccounts.Admin, new VerifyAuditTrail());
        return result.Problems.Where(p => p.Stream == tampering.Stream).ToList();
    }

    [Fact]
    public async Task An_untouched_trail_verifies_with_its_head_sealed()
    {
        var (tampering, _) = await SubmittedAsync();

        var result = await app.Send(DemoAccounts.Admin, new VerifyAuditTrail());

        result.Problems.Should().NotContain(p => p.Stream == tampering.Stream, "the other tests tamper only with their own nominations");
        result.Entries.Should().BeGreaterThan(5);
        await using var db = app.CreateDbContext();
        (await db.AuditStreams.SingleAsync(s => s.Name == tampering.Stream)).Seal.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task An_edited_entry_is_detected()
    {
        var (tampering, _) = await SubmittedAsync();
        await tampering.EditCommentAsync(2);

        var problems = await ProblemsOfAsync(tampering);

        problems.Should().ContainSingle().Which.Should().Match<AuditProblem>(p => p.Kind == AuditProblemKind.Edited && p.Sequence == 2);
    }

    [Fact]
    public async Task An_entry_inserted_in_the_middle_with_the_chain_rehashed_after_it_is_detected()
    {
        var (tampering, _) = await SubmittedAsync();
        var last = (await tampering.EntriesAsync())[^1].Sequence;
        await tampering.InsertAsync(2, rehash: true);

        var problems = await ProblemsOfAsync(tampering);

        problems.Should().ContainSingle("every link and hash is right again; only the head knows where the chain ended")
            .Which.Should().Match<AuditProblem>(p => p.Kind == AuditProblemKind.Inserted && p.Sequence == last + 1);
    }

    [Fact]
    public async Task An_entry_inserted_in_the_middle_without_rehashing_is_detected()
    {
        var (tampering, _) = await SubmittedAsync();
        var last = (await tampering.EntriesAsync())[^1].Sequence;
        await tampering.InsertAsync(2, rehash: false);

        var problems = await ProblemsOfAsync(tampering);

        problems.Select(p => (p.Kind, p.Sequence)).Should().BeEquivalentTo(
            Enumerable.Range(3, (int)last - 1).Select(n => (AuditProblemKind.Edited, (long?)n)) // renumbered: their hashes cover the old number
                .Append((AuditProblemKind.Inserted, last + 1)));
    }

    [Fact]
    public async Task A_deleted_middle_entry_is_detected()
    {
        var (tampering, _) = await SubmittedAsync();
        await tampering.DeleteAsync(2);

        var problems = await ProblemsOfAsync(tampering);

        problems.Should().ContainSingle().Which.Should().Match<AuditProblem>(p => p.Kind == AuditProblemKind.Deleted && p.Sequence == 2);
    }

    [Fact]
    public async Task A_truncated_tail_is_detected()
    {
        var (tampering, _) = await SubmittedAsync();
        var last = (await tampering.EntriesAsync())[^1].Sequence;
        await tampering.DeleteAsync(last);

        var problems = await ProblemsOfAsync(tampering);

        problems.Should().ContainSingle().Which.Should().Match<AuditProblem>(p => p.Kind == AuditProblemKind.TruncatedTail && p.Sequence == last - 1);
    }

    [Fact]
    public async Task A_truncated_tail_with_its_head_rewritten_is_detected_by_the_seal()
    {
        var (tampering, _) = await SubmittedAsync();
        await tampering.DeleteAsync((await tampering.EntriesAsync())[^1].Sequence);
        await tampering.RewriteHeadToChainEndAsync();

        var problems = await ProblemsOfAsync(tampering);

        problems.Should().ContainSingle().Which.Kind.Should().Be(AuditProblemKind.RewrittenHead, "the chain itself is consistent again");
    }

    [Fact]
    public async Task A_chain_rebuilt_around_an_inserted_entry_with_its_head_rewritten_is_detected_by_the_seal()
    {
        var (tampering, _) = await SubmittedAsync();
        await tampering.InsertAsync(2, rehash: true);
        await tampering.RewriteHeadToChainEndAsync();

        var problems = await ProblemsOfAsync(tampering);

        problems.Should().ContainSingle().Which.Kind.Should().Be(AuditProblemKind.RewrittenHead);
    }

    [Fact]
    public async Task A_head_given_another_streams_seal_is_detected()
    {
        var (tampering, _) = await SubmittedAsync();
        var (other, _) = await SubmittedAsync();
        await tampering.CopySealFromAsync(other.Stream);

        var problems = await ProblemsOfAsync(tampering);

        problems.Should().ContainSingle().Which.Kind.Should().Be(AuditProblemKind.RewrittenHead, "the seal covers the stream's name");
    }

    [Fact]
    public async Task An_approval_after_the_head_was_rewritten_does_not_wash_the_evidence_away()
    {
        var (tampering, id) = await SubmittedAsync();
        await tampering.DeleteAsync((await tampering.EntriesAsync())[^1].Sequence);
        await tampering.RewriteHeadToChainEndAsync();

        await _steps.ActAsync(NominationSteps.SteeringInOrder[0], id, "approve", "Đồng ý.");

        var problems = await ProblemsOfAsync(tampering);
        problems.Should().ContainSingle().Which.Kind.Should().Be(AuditProblemKind.RewrittenHead);
    }

    [Fact]
    public async Task Problems_read_in_Vietnamese_by_default_and_in_English_on_request()
    {
        var (tampering, _) = await SubmittedAsync();
        await tampering.DeleteAsync(2);
        var problem = (await ProblemsOfAsync(tampering)).Single();

        problem.Text.Format(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")).Should().Be($"Chuỗi {tampering.Stream} thiếu các mục từ #2 đến #2: chúng đã bị xóa.");
        problem.Text.Format(System.Globalization.CultureInfo.GetCultureInfo("en-GB")).Should().Be($"{tampering.Stream} lacks entries #2 to #2: they were deleted.");
    }

    [Fact]
    public async Task Only_administrators_verify()
    {
        var verify = () => app.Send(DemoAccounts.OfficerTanHoa, new VerifyAuditTrail());

        await verify.Should().ThrowAsync<ForbiddenException>();
    }
}
