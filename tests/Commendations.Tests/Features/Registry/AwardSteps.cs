using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Features.Nominations;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Registry;

/// <summary>Brings batches of certificate-of-merit nominations (PT-2026-QCDC) to the provincial decision step.</summary>
public sealed class AwardSteps(LifecycleHarness app)
{
    private readonly NominationSteps _steps = new(app);

    public NominationSteps Steps => _steps;

    /// <summary>Submitted and approved by the steering committee on 01/12/2026: now in public disclosure.</summary>
    public async Task<List<Guid>> InDisclosureAsync(int collectives, int individuals, string prefix)
    {
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentThematicCampaign);
        var ids = new List<Guid>();
        for (var i = 1; i <= collectives + individuals; i++)
        {
            var collective = i <= collectives;
            var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(campaign, DemoCatalog.CertificateOfMerit,
                collective ? NomineeKind.Collective : NomineeKind.Individual,
                collective ? null : new PersonInput($"{prefix} Cá nhân {i - collectives:D2}", Gender.Female, 1980 + i % 10, "Công chức"),
                collective ? new CollectiveInput($"{prefix} Tập thể {i:D2}", 20, 10, 16) : null,
                $"Thành tích xuất sắc số {i} trong thực hiện Quy chế dân chủ ở cơ sở."));
            await _steps.AttachRequiredDocumentsAsync(id);
            await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
            await _steps.ApproveByWholeCommitteeAsync(id);
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>Ends every disclosure wait (the clock jumps past the latest) and the appraiser forwards each to the decision.</summary>
    public async Task ToDecisionAsync(IReadOnlyList<Guid> ids)
    {
        await using (var db = app.CreateDbContext())
        {
            var states = await db.WorkflowInstances.Where(i => ids.Contains(i.NominationId)).Select(i => i.State).ToListAsync();
            var latest = states.Max(s => Engine.InstanceState.FromJson(s).WaitUntil!.Value);
            if (latest > app.Clock.GetUtcNow())
                app.Clock.Set(latest.AddMinutes(1));
        }
        foreach (var id in ids)
        {
            (await app.Send(FixedCurrentUser.System, new ElapseWait(id, "public-disclosure"))).Should().BeTrue();
            await _steps.ActAsync(DemoAccounts.Appraiser, id, "forward", "Đủ điều kiện.");
        }
    }

    public async Task<List<Guid>> AtDecisionAsync(int collectives, int individuals, string prefix)
    {
        var ids = await InDisclosureAsync(collectives, individuals, prefix);
        await ToDecisionAsync(ids);
        return ids;
    }
}
