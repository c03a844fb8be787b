using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Features.Decisions;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Tests.Features.Registry;

/// <summary>One decision for 15 collectives and 15 individuals; register numbers; quotas; corrections by amendment.</summary>
public class DecisionRegisterTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly AwardSteps _awards = new(app);

    private Task<DecisionIssued> DecideAsync(string number, IReadOnlyList<Guid> ids, Guid? amends = null, IReadOnlyList<AwardCorrection>? corrections = null) =>
        app.SendOnDecisionDay(DemoAccounts.Leader, new IssueDecision(number, new DateOnly(2027, 1, 12), "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh",
            "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", ids, null, amends, corrections));

    [Fact]
    public async Task A_decision_for_15_collectives_and_15_individuals_numbers_the_certificates_consecutively_then_refuses_over_quota_and_is_corrected_by_amendment()
    {
        var ids = await _awards.InDisclosureAsync(15, 16, "QĐ");
        var extra = ids[^1];
        await _awards.ToDecisionAsync(ids);
        var batch = ids.Take(30).ToList();

        var issued = await DecideAsync("215/QĐ-UBND", batch);

        issued.Awarded.Should().Be(30);
        issued.RegisterNumbers.Should().Equal(Enumerable.Range(1, 30).Select(i => $"SV-2027-{i:D4}"));
        var decision = await app.Send(DemoAccounts.OfficerTanHoa, new GetDecision(issued.DecisionId));
        decision.Collectives.Should().HaveCount(15);
        decision.Individuals.Should().HaveCount(15);
        decision.Collectives.Select(a => a.RegisterNumber).Should().Equal(Enumerable.Range(1, 15).Select(i => $"SV-2027-{i:D4}"));
        decision.Individuals.Select(a => a.RegisterNumber).Should().Equal(Enumerable.Range(16, 15).Select(i => $"SV-2027-{i:D4}"));
        decision.Collectives[0].NomineeName.Should().Be("QĐ Tập thể 01");

        // The 16th individual is over the campaign's quota of 15: refused whole, with the numbers.
        var over = () => DecideAsync("216/QĐ-UBND", [extra]);
        var refusal = (await over.Should().ThrowAsync<ConflictException>()).Which;
        refusal.Code.Should().Be("over-quota");
        refusal.Message.Should().Contain("chỉ tiêu 15 cá nhân, đã quyết định 15, quyết định này thêm 1 (vượt 1)");
        (await app.Send(DemoAccounts.Leader, new GetNomination(extra))).Status.Should().Be(NominationStatus.InReview);

        // Nothing in an issued decision can change, not even by hand in the database.
        await using (var db = app.CreateDbContext())
        {
            var edit = () => db.Database.ExecuteSqlRawAsync("UPDATE decisions SET citation = 'sửa' WHERE number = '215/QĐ-UBND'");
            (await edit.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("cannot be changed");
        }

        // A correction: decision 220 amends 215, re-issuing one line with the corrected name under a new number.
        var wrongLine = decision.Individuals[0];
        var correction = await DecideAsync("220/QĐ-UBND", [], issued.DecisionId, [new AwardCorrection(wrongLine.AwardRecordId!.Value, "QĐ Cá nhân 01 (Nguyễn)")]);
        correction.RegisterNumbers.Should().Equal("SV-2027-0031");
        var amending = await app.Send(DemoAccounts.Leader, new GetDecision(correction.DecisionId));
        amending.AmendsDecisionNumber.Should().Be("215/QĐ-UBND");
        amending.Individuals.Single().NomineeName.Should().Be("QĐ Cá nhân 01 (Nguyễn)");
        (await app.Send(DemoAccounts.Leader, new GetDecision(issued.DecisionId))).Individuals[0].Superseded.Should().BeTrue();
    }

    [Fact]
    public async Task Bad_decision_input_is_refused_with_fields_and_only_the_leader_issues()
    {
        var noNominations = () => DecideAsync("300/QĐ-UBND", []);
        var correctionWithoutAmendment = () => app.SendOnDecisionDay(DemoAccounts.Leader, new IssueDecision("301/QĐ-UBND", new DateOnly(2027, 1, 12), "A", "B", "C",
            [Guid.NewGuid()], null, null, [new AwardCorrection(Guid.NewGuid(), "X")], "sv"));
        var unknownAmended = () => DecideAsync("302/QĐ-UBND", [], Guid.NewGuid(), [new AwardCorrection(Guid.NewGuid(), "X")]);
        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new IssueDecision("303/QĐ-UBND", new DateOnly(2027, 1, 12), "A", "B", "C", [Guid.NewGuid()]));

        (await noNominations.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("nominationIds");
        (await correctionWithoutAmendment.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().Contain(["corrections", "series"]);
        (await unknownAmended.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("amendsDecisionId");
        await officer.Should().ThrowAsync<ForbiddenException>();
    }
}
