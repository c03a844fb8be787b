using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominations;
using Commendations.Features.Decisions;
using Commendations.Features.Definitions;
using Commendations.Features.Documents.Signing;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// A definition whose decision step requires the leader's signature and the clerk's seal: the issued decision does not
/// take effect — nobody is awarded, nothing enters the registry — until the signed and sealed document of record is
/// stored; then the award is sent. The seal is a second signature that leaves the leader's valid (pdfsig checks both).
/// </summary>
public class SigningRequiredDecisionTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IDisposable
{
    private const string Route = "bang-khen-chuyen-de";
    private readonly AwardSteps _awards = new(app);
    private readonly string _folder = Directory.CreateTempSubdirectory("signing-required-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The administrator publishes the certificate-of-merit route with its decision step requiring <paramref name="signing"/>.</summary>
    private async Task PublishAsync(string signing)
    {
        var latest = (await app.Send(DemoAccounts.Admin, new ListDefinitions(Route))).Single().PublishedVersion!.Value;
        var draft = await app.Send(DemoAccounts.Admin, new CreateDraft(Route, latest, null));
        var view = await app.Send(DemoAccounts.Admin, new GetDefinitionVersion(Route, draft.Version));
        var root = JsonNode.Parse(view.Content)!.AsObject();
        var decision = root["steps"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["meaning"] == "decision");
        decision["signing"] = JsonNode.Parse(signing);
        await app.Send(DemoAccounts.Admin, new SaveDraft(Route, draft.Version, root.ToJsonString(), view.RowVersion));
        await app.Send(DemoAccounts.Admin, new PublishDefinition(Route, draft.Version));
    }

    /// <summary>The leader's certificate and the agency's seal certificate held by the server, each from its own test CA, both trusted.</summary>
    private (string LeaderP12, string SealP12, string SealCa) Certificates()
    {
        var leader = Directory.CreateDirectory(Path.Combine(_folder, "leader")).FullName;
        var seal = Directory.CreateDirectory(Path.Combine(_folder, "seal")).FullName;
        var leaderP12 = TestCertificates.SignerPkcs12(leader, "Ngô Đức Mạnh", "mk-lanh-dao");
        var sealP12 = TestCertificates.SignerPkcs12(seal, "Ủy ban nhân dân tỉnh Lam Giang", "mk-con-dau");
        var options = app.Services.GetRequiredService<IOptions<Pkcs12SigningOptions>>().Value;
        options.Certificates[DemoAccounts.Leader.UserName] = new Pkcs12Certificate { Path = leaderP12, Password = "mk-lanh-dao" };
        options.Seal = new Pkcs12Certificate { Path = sealP12, Password = "mk-con-dau" };
        var trust = app.Services.GetRequiredService<IOptions<SignatureTrustOptions>>().Value.TrustedRoots;
        trust.Clear();
        trust.Add(TestCertificates.AuthorityOf(leader));
        trust.Add(TestCertificates.AuthorityOf(seal));
        return (leaderP12, sealP12, TestCertificates.AuthorityOf(seal));
    }

    private Task<DecisionIssued> IssueAsync(string number, IReadOnlyList<Guid> ids) =>
        app.SendOnDecisionDay(DemoAccounts.Leader, new IssueDecision(number, new DateOnly(2027, 1, 12), "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh",
            "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", ids));

    private async Task<(List<NominationStatus> Statuses, int RegistryLines)> StateAsync(Guid decisionId, IReadOnlyList<Guid> ids)
    {
        await using var db = app.CreateDbContext();
        var statuses = await db.Nominations.Where(n => ids.Contains(n.Id)).Select(n => n.Status).ToListAsync();
        return (statuses, await db.AwardRecords.CountAsync(r => r.DecisionId == decisionId));
    }

    [Fact]
    public async Task The_decision_takes_effect_only_once_the_leader_has_signed_and_the_clerk_has_sealed_it()
    {
        await PublishAsync("""{ "leader": "required", "seal": { "role": "clerk", "scope": "province" } }""");
        var ids = await _awards.AtDecisionAsync(1, 1, "KD");
        Certificates();

        var issued = await IssueAsync("41/QĐ-UBND", ids);
        issued.AwaitsSignatures.Should().BeTrue();
        issued.RegisterNumbers.Should().BeEmpty("numbers are assigned when the decision takes effect");
        var (statuses, lines) = await StateAsync(issued.DecisionId, ids);
        statuses.Should().NotContain(NominationStatus.Awarded);
        lines.Should().Be(0, "nothing enters the registry before the decision is in force");
        var waiting = await app.Send(DemoAccounts.OfficerTanHoa, new GetDecision(issued.DecisionId));
        waiting.Waiting.Should().Be(DecisionWait.LeaderSignature);
        waiting.Awardees.Should().HaveCount(2).And.OnlyContain(a => a.RegisterNumber == null && a.AwardRecordId == null);
        var again = () => IssueAsync("42/QĐ-UBND", ids);
        (await again.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("decision-awaiting-signatures");

        // The seal comes after the leader's signature, and only a clerk applies it.
        var early = () => app.Send(DemoAccounts.Clerk, new SealDecision(issued.DecisionId));
        (await early.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("decision-not-signed-yet");
        var signed = await app.Send(DemoAccounts.Leader, new SignDecision(issued.DecisionId));
        signed.Role.Should().Be(SignatureRole.Leader);
        (await app.Send(DemoAccounts.Leader, new GetDecision(issued.DecisionId))).Waiting.Should().Be(DecisionWait.Seal);
        (await StateAsync(issued.DecisionId, ids)).Statuses.Should().NotContain(NominationStatus.Awarded, "the seal is still missing");
        foreach (var wrong in new[] { DemoAccounts.Leader, DemoAccounts.OfficerTanHoa, DemoAccounts.Appraiser })
        {
            var refused = () => app.Send(wrong, new SealDecision(issued.DecisionId));
            (await refused.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("role-required");
        }
        var otherClerk = new FixedCurrentUser(Guid.NewGuid(), "Văn thư xã", new HashSet<string> { Roles.Clerk }, app.User(DemoAccounts.OfficerTanHoa).UnitId);
        var outside = () => app.Send(otherClerk, new SealDecision(issued.DecisionId));
        (await outside.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("not-seal-holder");

        var sealedCopy = await app.Send(DemoAccounts.Clerk, new SealDecision(issued.DecisionId));
        sealedCopy.Role.Should().Be(SignatureRole.Seal);
        sealedCopy.Verification.Should().Be(SignatureVerdict.Valid);
        sealedCopy.SignerName.Should().Be(DemoAccounts.Clerk.DisplayName);
        sealedCopy.Signatures.Select(s => (s.CertificateName, s.Verdict, s.CoversWholeDocument)).Should().Equal(
            ("Ngô Đức Mạnh", SignatureVerdict.Valid, false), ("Ủy ban nhân dân tỉnh Lam Giang", SignatureVerdict.Valid, true));

        // In force: awarded, in the registry with register numbers, the record downloaded is the sealed PDF.
        (statuses, lines) = await StateAsync(issued.DecisionId, ids);
        statuses.Should().OnlyContain(s => s == NominationStatus.Awarded);
        lines.Should().Be(2);
        var shown = await app.Send(DemoAccounts.OfficerTanHoa, new GetDecision(issued.DecisionId));
        shown.Waiting.Should().Be(DecisionWait.Nothing);
        shown.Sealed.Should().BeTrue();
        shown.Awardees.Should().OnlyContain(a => a.RegisterNumber != null && a.AwardRecordId != null);
        var file = await app.Send(DemoAccounts.OfficerTanHoa, new GetSignedDecisionPdf(issued.DecisionId));
        Convert.ToHexString(SHA256.HashData(file.Content)).ToLowerInvariant().Should().Be(sealedCopy.Sha256);
        file.FileName.Should().Be("quyet-dinh-41-QD-UBND-da-ky-dong-dau.pdf");
        var path = Path.Combine(_folder, file.FileName);
        await File.WriteAllBytesAsync(path, file.Content);
        var check = await PdfTools.RunAsync("pdfsig", path);
        Regex.Matches(check.All, "Signature Validation: Signature is Valid.").Should().HaveCount(2, check.All);
        check.All.Should().Contain("Total document signed").And.Contain("Not total document signed");

        await using var db = app.CreateDbContext();
        var events = await db.AuditEntries.Where(e => e.Stream == "decisions").Select(e => e.Action).ToListAsync();
        events.Should().Contain(["decision.signed", "decision.sealed", "decision.took-effect"]);
        var twice = () => app.Send(DemoAccounts.Clerk, new SealDecision(issued.DecisionId));
        (await twice.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("decision-already-sealed");
    }

    [Fact]
    public async Task The_clerk_seals_through_an_external_signer_that_only_sees_the_digest()
    {
        await PublishAsync("""{ "leader": "required", "seal": { "role": "clerk", "scope": "province" } }""");
        var ids = await _awards.AtDecisionAsync(0, 1, "HD");
        var (_, sealP12, sealCa) = Certificates();
        var issued = await IssueAsync("43/QĐ-UBND", ids);
        await app.Send(DemoAccounts.Leader, new SignDecision(issued.DecisionId));

        var prepared = await app.Send(DemoAccounts.Clerk, new PrepareDecisionSeal(issued.DecisionId));
        var certificates = X509CertificateLoader.LoadPkcs12CollectionFromFile(sealP12, "mk-con-dau", X509KeyStorageFlags.EphemeralKeySet);
        try
        {
            var cms = DigestOnlySigner.Sign(Convert.FromBase64String(prepared.Digest), certificates.Single(c => c.HasPrivateKey),
                X509CertificateLoader.LoadCertificateFromFile(sealCa), app.Clock.GetUtcNow());
            // A leader's session is not the seal's: the seal's session completes only as a seal.
            var asLeader = () => app.Send(DemoAccounts.Leader, new CompleteDecisionSigning(issued.DecisionId, prepared.SessionId, Convert.ToBase64String(cms)));
            await asLeader.Should().ThrowAsync<Exception>();
            var stored = await app.Send(DemoAccounts.Clerk, new CompleteDecisionSeal(issued.DecisionId, prepared.SessionId, Convert.ToBase64String(cms)));
            stored.Method.Should().Be(SignatureMethod.Deferred);
            stored.Signatures.Should().HaveCount(2).And.OnlyContain(s => s.Verdict == SignatureVerdict.Valid);
        }
        finally
        {
            foreach (var c in certificates)
                c.Dispose();
        }
        (await StateAsync(issued.DecisionId, ids)).Statuses.Should().OnlyContain(s => s == NominationStatus.Awarded);
    }

    [Fact]
    public async Task Without_a_seal_required_the_leaders_signature_puts_the_decision_in_force_and_a_batch_mixing_requirements_is_refused()
    {
        // Signing optional (as routes that declare nothing): in force when issued. Other tests of the class published other versions.
        await PublishAsync("""{ "leader": "optional" }""");
        var unsigned = await _awards.AtDecisionAsync(0, 1, "KH");
        await PublishAsync("""{ "leader": "required" }""");
        var ids = await _awards.AtDecisionAsync(0, 1, "KL");
        Certificates();

        var mixed = () => IssueAsync("44/QĐ-UBND", [.. unsigned, .. ids]);
        (await mixed.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("mixed-signing-requirements");
        var issued = await IssueAsync("45/QĐ-UBND", ids);
        issued.AwaitsSignatures.Should().BeTrue();
        (await StateAsync(issued.DecisionId, ids)).RegistryLines.Should().Be(0);

        var signed = await app.Send(DemoAccounts.Leader, new SignDecision(issued.DecisionId));
        signed.Verification.Should().Be(SignatureVerdict.Valid);
        var (statuses, lines) = await StateAsync(issued.DecisionId, ids);
        statuses.Should().OnlyContain(s => s == NominationStatus.Awarded);
        lines.Should().Be(1);
        (await app.Send(DemoAccounts.Leader, new GetDecision(issued.DecisionId))).Waiting.Should().Be(DecisionWait.Nothing);

        // The nominations whose route does not require the signature are awarded when their decision is issued, as before.
        var plain = await IssueAsync("46/QĐ-UBND", unsigned);
        plain.AwaitsSignatures.Should().BeFalse();
        plain.RegisterNumbers.Should().HaveCount(1);
    }
}
