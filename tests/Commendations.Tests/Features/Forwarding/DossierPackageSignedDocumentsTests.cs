using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Domain.Sessions;
using Commendations.Engine;
using Commendations.Features.Documents.SubmissionLetters;
using Commendations.Features.Documents.Signing;
using Commendations.Features.Forwarding;
using Commendations.Features.Nominations;
using Commendations.Features.Sessions;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Documents;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commendations.Tests.Features.Forwarding;

/// <summary>
/// Issue 22, item 3: the dossier package carries the signed documents the system keeps for the nomination — the unit's
/// signed submission letter, the council's minutes signed by the secretary and the chair — each listed in the manifest
/// with its SHA-256, size and the check of its signatures; what the system does not hold signed (the appraisal report, a
/// provincial decision the province never took) is listed as missing with the reason. The checksums are recomputed from
/// the zip and the minutes taken out of it verify with poppler's pdfsig.
/// </summary>
public class DossierPackageSignedDocumentsTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IDisposable
{
    private readonly NominationSteps _steps = new(app);
    private readonly string _folder = Directory.CreateTempSubdirectory("dossier-package-").FullName;
    private static readonly DemoAccounts.Account Secretary = DemoAccounts.SteeringStandingMember;
    private static readonly DemoAccounts.Account Chair = DemoAccounts.SteeringHead;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Certificates the server holds for the unit head, the secretary and the chair, from one test CA it trusts.</summary>
    private void Certificates()
    {
        var options = app.Services.GetRequiredService<IOptions<Pkcs12SigningOptions>>().Value;
        foreach (var account in new[] { DemoAccounts.HeadTanHoa, Secretary, Chair })
            options.Certificates[account.UserName] = new Pkcs12Certificate
            {
                Path = TestCertificates.SignerPkcs12(Directory.CreateDirectory(Path.Combine(_folder, account.UserName)).FullName, account.DisplayName, "mk"),
                Password = "mk",
            };
        var trust = app.Services.GetRequiredService<IOptions<SignatureTrustOptions>>().Value.TrustedRoots;
        trust.Clear();
        foreach (var account in new[] { DemoAccounts.HeadTanHoa, Secretary, Chair })
            trust.Add(TestCertificates.AuthorityOf(Path.Combine(_folder, account.UserName)));
    }

    /// <summary>
    /// A provincial emulation fighter whose unit head signed the submission letter, forwarded by the appraiser, voted by
    /// the whole council in a session whose minutes the secretary and then the chair signed.
    /// </summary>
    private async Task<Guid> VotedWithSignedMinutesAsync()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        Certificates();
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentRegularCampaign);
        var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(campaign, DemoCatalog.ProvincialEmulationFighter, NomineeKind.Individual,
            new PersonInput("Nông Thị Hoa", Gender.Female, 1978, "Trưởng trạm y tế xã"), null, "Ba năm liền Chiến sĩ thi đua cơ sở; sáng kiến cấp tỉnh."));
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.Minutes, "bien-ban-binh-xet-cua-xa.pdf", NominationSteps.Pdf));
        await app.Send(DemoAccounts.HeadTanHoa, new SignSubmissionLetter(id));
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
        await _steps.ActAsync(DemoAccounts.Appraiser, id, "forward", "Đủ điều kiện, tiêu chuẩn; đề nghị Hội đồng xét.");

        var session = await app.Send(Secretary, new OpenSession(DemoCatalog.Council, "Phiên họp xét danh hiệu Chiến sĩ thi đua cấp tỉnh năm 2026",
            TestClock.At(2026, 12, 3), "Hội trường UBND tỉnh", [id]));
        foreach (var member in DemoAccounts.CouncilInOrder)
            await app.Send(Secretary, new RecordAttendance(session, app.UserId(member), AttendanceStatus.Present));
        foreach (var member in DemoAccounts.CouncilInOrder)
            await app.Send(member, new CastSessionBallot(session, id, VoteChoice.Yes));
        await app.Send(Secretary, new CloseSession(session));
        await app.Send(Secretary, new RecordMinutesDetails(session, "07/BB-HĐTĐKT", null, null, new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.FromHours(7))));
        await app.Send(Secretary, new SignMinutes(session));
        await app.Send(Chair, new SignMinutes(session));
        return id;
    }

    private async Task<byte[]> PackageAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Commendations.Persistence.CommendationsDbContext>();
        var nomination = await db.Nominations.SingleAsync(n => n.Id == id);
        return (await scope.ServiceProvider.GetRequiredService<DossierPackage>().BuildAsync(nomination, CancellationToken.None)).Content;
    }

    private static Dictionary<string, byte[]> Entries(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public async Task The_package_carries_the_signed_minutes_and_letter_with_checksums_and_signature_checks_and_names_what_is_missing()
    {
        var id = await VotedWithSignedMinutesAsync();

        var files = Entries(await PackageAsync(id));
        var manifest = JsonNode.Parse(files["manifest.json"])!.AsObject();
        var listed = manifest["files"]!.AsArray().Select(f => f!.AsObject()).ToList();
        listed.Select(f => (string)f["path"]!).Should().BeEquivalentTo(files.Keys.Where(k => k != "manifest.json"), "the manifest lists every other file");
        foreach (var file in listed)
        {
            var bytes = files[(string)file["path"]!];
            ((string)file["sha256"]!).Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)), $"{file["path"]}'s checksum is the entry's");
            ((long)file["size"]!).Should().Be(bytes.LongLength);
        }

        var signed = manifest["signedDocuments"]!.AsArray().Select(d => d!.AsObject()).ToDictionary(d => (string)d["document"]!);
        signed.Keys.Should().BeEquivalentTo(["Minutes", "AppraisalReport", "SubmissionLetter", "ProvincialDecision"], "every expected signed document is listed, present or not");

        var minutes = signed["Minutes"];
        ((string)minutes["status"]!).Should().Be("included");
        ((string)minutes["signature"]!).Should().Be("Valid");
        ((bool)minutes["signatureValid"]!).Should().BeTrue();
        var minutesPath = (string)minutes["path"]!;
        minutesPath.Should().StartWith("signed/").And.EndWith(".pdf");
        listed.Single(f => (string)f["path"]! == minutesPath)["signature"]!.GetValue<string>().Should().Be("Valid");
        await using (var db = app.CreateDbContext())
        {
            var record = await db.SignedMinutes.AsNoTracking().Where(m => m.Role == MinutesSignatureRole.Chair)
                .OrderByDescending(m => m.SignedAt).FirstAsync();
            Convert.ToHexStringLower(SHA256.HashData(files[minutesPath])).Should().Be(record.Sha256, "the chair's version, the document of record, travels as stored");
        }
        var path = Path.Combine(_folder, "minutes-from-package.pdf");
        await File.WriteAllBytesAsync(path, files[minutesPath]);
        var check = await PdfTools.RunAsync("pdfsig", path);
        Regex.Matches(check.All, "Signature is Valid").Count.Should().Be(2, check.All);
        check.All.Should().Contain(Secretary.DisplayName).And.Contain(Chair.DisplayName);

        var letter = signed["SubmissionLetter"];
        ((string)letter["status"]!).Should().Be("included");
        ((string)letter["signature"]!).Should().Be("Valid");
        ((string)letter["path"]!).Should().StartWith("documents/").And.Contain("SubmissionLetter", "the signed letter is the dossier's own, not copied twice");
        var letterCheck = Path.Combine(_folder, "letter-from-package.pdf");
        await File.WriteAllBytesAsync(letterCheck, files[(string)letter["path"]!]);
        (await PdfTools.RunAsync("pdfsig", letterCheck)).All.Should().Contain("Signature is Valid").And.Contain("Phạm Văn Tùng");

        ((string)signed["AppraisalReport"]["status"]!).Should().Be("missing");
        ((string)signed["AppraisalReport"]["missingReason"]!).Should().Contain("báo cáo thẩm định");
        ((string)signed["ProvincialDecision"]["status"]!).Should().Be("missing");
        ((string)signed["ProvincialDecision"]["missingReason"]!).Should().Be("Không có quyết định khen thưởng của tỉnh cho hồ sơ này.");
        signed.Values.Where(d => (string)d["status"]! == "missing").Should().OnlyContain(d => d["path"] == null && d["signature"] == null);
    }

    [Fact]
    public async Task Minutes_not_yet_signed_are_listed_as_missing_with_the_reason()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentRegularCampaign);
        var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(campaign, DemoCatalog.ProvincialEmulationFighter, NomineeKind.Individual,
            new PersonInput("Lục Văn Tâm", Gender.Male, 1980, "Trưởng thôn Nà Pồng"), null, "Ba năm liền Chiến sĩ thi đua cơ sở."));
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.Minutes, "bien-ban-binh-xet-cua-xa.pdf", NominationSteps.Pdf));
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
        await _steps.ActAsync(DemoAccounts.Appraiser, id, "forward", "Đủ điều kiện.");
        var session = await app.Send(Secretary, new OpenSession(DemoCatalog.Council, "Phiên họp bổ sung", TestClock.At(2026, 12, 4), "Hội trường UBND tỉnh", [id]));
        await app.Send(Secretary, new CloseSession(session));

        var files = Entries(await PackageAsync(id));
        var signed = JsonNode.Parse(files["manifest.json"])!["signedDocuments"]!.AsArray().Select(d => d!.AsObject()).ToDictionary(d => (string)d["document"]!);
        ((string)signed["Minutes"]["status"]!).Should().Be("missing");
        ((string)signed["Minutes"]["missingReason"]!).Should().Be("Biên bản phiên họp của Hội đồng chưa được ký số.");
        ((string)signed["SubmissionLetter"]["missingReason"]!).Should().Be("Hồ sơ chưa có tờ trình đã ký số của đơn vị.", "the uploaded letter carries no signature");
        files.Keys.Should().NotContain(k => k.StartsWith("signed/"));
    }
}
