using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Features.Decisions;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Documents.Signing;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// The signed decision as the document of record: signed with the leader's certificate or by an external signer that
/// only sees the digest, verified before it is stored, stored once and never changed, downloaded byte for byte — and
/// checked by pdfsig, an independent verifier.
/// </summary>
public class SignedDecisionTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>, IDisposable
{
    private readonly AwardSteps _awards = new(app);
    private readonly string _folder = Directory.CreateTempSubdirectory("signed-decision-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A decision of one awardee, issued by the leader (lanhdao), whose certificate the server holds; the test CA trusted.</summary>
    private async Task<(Guid DecisionId, string P12, string Authority)> IssuedAndConfiguredAsync(string prefix, string number)
    {
        var ids = await _awards.InDisclosureAsync(1, 0, prefix);
        await _awards.ToDecisionAsync(ids);
        var issued = await app.SendOnDecisionDay(DemoAccounts.Leader, new IssueDecision(number, new DateOnly(2027, 1, 12), "Ngô Đức Mạnh",
            "Chủ tịch UBND tỉnh", "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", ids));
        var p12 = TestCertificates.SignerPkcs12(_folder, "Ngô Đức Mạnh", "mật-khẩu");
        app.Services.GetRequiredService<IOptions<Pkcs12SigningOptions>>().Value.Certificates[DemoAccounts.Leader.UserName] =
            new Pkcs12Certificate { Path = p12, Password = "mật-khẩu" };
        var trust = app.Services.GetRequiredService<IOptions<SignatureTrustOptions>>().Value.TrustedRoots;
        trust.Clear();
        trust.Add(TestCertificates.AuthorityOf(_folder));
        return (issued.DecisionId, p12, TestCertificates.AuthorityOf(_folder));
    }

    private async Task<PdfTools.Output> PdfSigAsync(byte[] pdf, string name)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, pdf);
        return await PdfTools.RunAsync("pdfsig", path);
    }

    [Fact]
    public async Task The_leader_signs_once_the_stored_document_is_valid_for_pdfsig_its_sha256_is_the_downloaded_bytes_and_it_cannot_be_changed()
    {
        var (decisionId, _, _) = await IssuedAndConfiguredAsync("KS", "31/QĐ-UBND");

        // Neither an officer nor a leader other than the one who issued the decision signs it.
        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new SignDecision(decisionId));
        (await officer.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("role-required");
        var deputy = new FixedCurrentUser(Guid.NewGuid(), "Lê Thị Hạnh", new HashSet<string> { Roles.ProvincialLeader }, null);
        var other = () => app.Send(deputy, new SignDecision(decisionId));
        (await other.Should().ThrowAsync<ForbiddenException>()).Which.Code.Should().Be("not-decision-signer");

        var signed = await app.Send(DemoAccounts.Leader, new SignDecision(decisionId));
        signed.Verification.Should().Be(SignatureVerdict.Valid, "the test CA is configured as a trusted root");
        signed.Method.Should().Be(SignatureMethod.Pkcs12);
        signed.SignerName.Should().Be("Ngô Đức Mạnh");
        signed.CertificateName.Should().Be("Ngô Đức Mạnh");
        signed.FileName.Should().Be("quyet-dinh-31-QD-UBND-da-ky.pdf");

        // Any reader of the decision downloads the very bytes stored; the page shows their checksum.
        var file = await app.Send(DemoAccounts.OfficerTanHoa, new GetSignedDecisionPdf(decisionId));
        Convert.ToHexString(SHA256.HashData(file.Content)).ToLowerInvariant().Should().Be(signed.Sha256);
        file.Content.LongLength.Should().Be(signed.SizeBytes);
        var check = await PdfSigAsync(file.Content, file.FileName);
        check.All.Should().Contain("Signature Validation: Signature is Valid.", check.All).And.Contain("Total document signed");
        var shown = await app.Send(DemoAccounts.OfficerTanHoa, new GetDecision(decisionId));
        shown.SignedDocument.Should().BeEquivalentTo(signed);

        // Signed once: a second signature is refused in words, and the database refuses any change to the stored one.
        var again = () => app.Send(DemoAccounts.Leader, new SignDecision(decisionId));
        (await again.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("decision-already-signed");
        var deferred = () => app.Send(DemoAccounts.Leader, new PrepareDecisionSigning(decisionId));
        (await deferred.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("decision-already-signed");
        await using var db = app.CreateDbContext();
        var change = () => db.Database.ExecuteSqlRawAsync("UPDATE signed_decision_documents SET signer_name = 'Người khác'");
        await change.Should().ThrowAsync<Npgsql.PostgresException>();
        var remove = () => db.Database.ExecuteSqlRawAsync("DELETE FROM signed_decision_documents");
        await remove.Should().ThrowAsync<Npgsql.PostgresException>();
    }

    [Fact]
    public async Task A_signature_returned_after_the_session_s_lifetime_is_refused_and_a_new_preparation_clears_the_old_session()
    {
        var (decisionId, p12, authority) = await IssuedAndConfiguredAsync("HH", "35/QĐ-UBND");
        using var certificates = new DisposableCollection(X509CertificateLoader.LoadPkcs12CollectionFromFile(p12, "mật-khẩu", X509KeyStorageFlags.EphemeralKeySet));
        var signer = certificates.Items.Single(c => c.HasPrivateKey);
        var ca = X509CertificateLoader.LoadCertificateFromFile(authority);

        var prepared = await app.Send(DemoAccounts.Leader, new PrepareDecisionSigning(decisionId));
        var cms = DigestOnlySigner.Sign(Convert.FromBase64String(prepared.Digest), signer, ca, DateTimeOffset.UtcNow);
        var before = app.Clock.GetUtcNow();
        try
        {
            app.Clock.Set(before + SigningSessions.Lifetime + TimeSpan.FromMinutes(1)); // the token's owner came back too late
            var late = () => app.Send(DemoAccounts.Leader, new CompleteDecisionSigning(decisionId, prepared.SessionId, Convert.ToBase64String(cms)));
            (await late.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("signing-session-expired");
            var again = await app.Send(DemoAccounts.Leader, new PrepareDecisionSigning(decisionId));
            await using var db = app.CreateDbContext();
            (await db.DecisionSigningSessions.AsNoTracking().Where(s => s.DecisionId == decisionId).Select(s => s.Id).ToListAsync())
                .Should().Equal([again.SessionId], "the expired session was cleared when a new one was prepared");
            (await db.SignedDecisionDocuments.AsNoTracking().AnyAsync(d => d.DecisionId == decisionId)).Should().BeFalse("nothing was stored");
        }
        finally
        {
            app.Clock.Set(before);
        }
    }

    [Fact]
    public async Task An_external_signer_that_only_sees_the_digest_returns_a_cms_the_server_embeds_verifies_and_stores()
    {
        var (decisionId, p12, authority) = await IssuedAndConfiguredAsync("HS", "32/QĐ-UBND");
        using var certificates = new DisposableCollection(X509CertificateLoader.LoadPkcs12CollectionFromFile(p12, "mật-khẩu", X509KeyStorageFlags.EphemeralKeySet));
        var signer = certificates.Items.Single(c => c.HasPrivateKey);
        var ca = X509CertificateLoader.LoadCertificateFromFile(authority);

        var prepared = await app.Send(DemoAccounts.Leader, new PrepareDecisionSigning(decisionId));
        prepared.DigestAlgorithm.Should().Be("SHA-256");
        var digest = Convert.FromBase64String(prepared.Digest);
        digest.Should().HaveCount(32);

        // A CMS over another digest (the signer signed something else): refused, nothing stored, the session still open.
        var wrong = DigestOnlySigner.Sign(SHA256.HashData("một văn bản khác"u8.ToArray()), signer, ca, DateTimeOffset.UtcNow);
        var refused = () => app.Send(DemoAccounts.Leader, new CompleteDecisionSigning(decisionId, prepared.SessionId, Convert.ToBase64String(wrong)));
        (await refused.Should().ThrowAsync<UnprocessableException>()).Which.Code.Should().Be("signature-invalid");

        var cms = DigestOnlySigner.Sign(digest, signer, ca, DateTimeOffset.UtcNow);
        var stored = await app.Send(DemoAccounts.Leader, new CompleteDecisionSigning(decisionId, prepared.SessionId, Convert.ToBase64String(cms)));
        stored.Method.Should().Be(SignatureMethod.Deferred);
        stored.Verification.Should().Be(SignatureVerdict.Valid);

        var file = await app.Send(DemoAccounts.Leader, new GetSignedDecisionPdf(decisionId));
        Convert.ToHexString(SHA256.HashData(file.Content)).ToLowerInvariant().Should().Be(stored.Sha256);
        var check = await PdfSigAsync(file.Content, "deferred.pdf");
        check.All.Should().Contain("Signature Validation: Signature is Valid.", check.All).And.Contain("Total document signed").And.Contain("Ngô Đức Mạnh");

        // The session is used up: completing it again finds nothing to complete (and the decision is signed anyway).
        var twice = () => app.Send(DemoAccounts.Leader, new CompleteDecisionSigning(decisionId, prepared.SessionId, Convert.ToBase64String(cms)));
        await twice.Should().ThrowAsync<ConflictException>();
    }

    [Fact]
    public async Task Verification_is_valid_against_the_trusted_test_ca_not_checked_without_roots_untrusted_with_another_root_and_invalid_after_a_changed_byte()
    {
        var (decisionId, _, authority) = await IssuedAndConfiguredAsync("XM", "33/QĐ-UBND");
        var decision = await app.Send(DemoAccounts.Leader, new GetDecision(decisionId));
        var (pdf, place) = DecisionPdf.Generate(decision);
        var signer = app.Services.GetRequiredService<IDocumentSigner>();
        var signed = await signer.SignAsync(pdf, new SignerIdentity("Ngô Đức Mạnh", DemoAccounts.Leader.UserName), "Ký", "Lam Giang", place);
        var otherFolder = Directory.CreateDirectory(Path.Combine(_folder, "other")).FullName;
        TestCertificates.SignerPkcs12(otherFolder, "Người khác", "x");

        PdfVerification With(byte[] document, params string[] roots) =>
            new PdfSignatureVerifier(Options.Create(new SignatureTrustOptions { TrustedRoots = [.. roots] }), TimeProvider.System).Verify(document);

        var valid = With(signed, authority);
        valid.Verdict.Should().Be(SignatureVerdict.Valid);
        valid.Signatures.Should().ContainSingle().Which.Should().Match<SignatureCheck>(s => s.SignerName == "Ngô Đức Mạnh" && s.CoversWholeDocument && s.SignedAt != null);
        With(signed).Verdict.Should().Be(SignatureVerdict.NotCheckedAgainstTrustedRoots, "no trusted root configured: never \"valid\"");
        With(signed, TestCertificates.AuthorityOf(otherFolder)).Verdict.Should().Be(SignatureVerdict.Untrusted);
        With(pdf, authority).Verdict.Should().Be(SignatureVerdict.Unsigned);

        var tampered = (byte[])signed.Clone();
        var at = System.Text.Encoding.Latin1.GetString(tampered).IndexOf("Commendations", StringComparison.Ordinal);
        tampered[at] = (byte)'K';
        With(tampered, authority).Verdict.Should().Be(SignatureVerdict.Invalid);
        (await PdfSigAsync(tampered, "tampered.pdf")).All.Should().NotContain("Signature is Valid.");

        // A configured root that cannot be read trusts nothing — and says so to the operator, once.
        var missing = Path.Combine(_folder, "khong-co.crt");
        var log = new ListLogger<PdfSignatureVerifier>();
        var verifier = new PdfSignatureVerifier(Options.Create(new SignatureTrustOptions { TrustedRoots = [missing] }), TimeProvider.System, log);
        verifier.Verify(signed).Verdict.Should().Be(SignatureVerdict.NotCheckedAgainstTrustedRoots, "no root could be read: never \"valid\"");
        verifier.Verify(signed);
        log.Warnings.Should().ContainSingle().Which.Should().Contain(missing);
    }

    private sealed class ListLogger<T> : Microsoft.Extensions.Logging.ILogger<T>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Warning)
                Warnings.Add(formatter(state, exception));
        }
    }

    [Fact]
    public async Task A_signed_pdf_a_unit_uploads_to_its_dossier_is_checked_and_the_result_kept_with_the_document()
    {
        var (decisionId, _, _) = await IssuedAndConfiguredAsync("TL", "34/QĐ-UBND");
        var decision = await app.Send(DemoAccounts.Leader, new GetDecision(decisionId));
        var (pdf, place) = DecisionPdf.Generate(decision);
        var signed = await app.Services.GetRequiredService<IDocumentSigner>()
            .SignAsync(pdf, new SignerIdentity("Ngô Đức Mạnh", DemoAccounts.Leader.UserName), "Ký tờ trình", "Lam Giang", place);
        var tampered = (byte[])signed.Clone();
        tampered[System.Text.Encoding.Latin1.GetString(tampered).IndexOf("Commendations", StringComparison.Ordinal)] = (byte)'K';
        var draft = await _awards.Steps.DraftCollectiveAsync();

        var letter = await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Nominations.AddDocument(draft, DocumentKind.SubmissionLetter, "to-trinh-da-ky.pdf", signed));
        letter.Signature.Should().Be(SignatureVerdict.Valid);
        var changed = await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Nominations.AddDocument(draft, DocumentKind.Other, "to-trinh-sua.pdf", tampered));
        changed.Signature.Should().Be(SignatureVerdict.Invalid);
        var plain = await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Nominations.AddDocument(draft, DocumentKind.Other, "khong-ky.pdf", pdf));
        plain.Signature.Should().BeNull("an unsigned PDF has no signature to check");

        var shown = await app.Send(DemoAccounts.OfficerTanHoa, new Commendations.Features.Nominations.GetNomination(draft));
        shown.Documents.Should().Contain(d => d.FileName == "to-trinh-da-ky.pdf" && d.Signature == SignatureVerdict.Valid)
            .And.Contain(d => d.FileName == "to-trinh-sua.pdf" && d.Signature == SignatureVerdict.Invalid);
    }

    private sealed class DisposableCollection(X509Certificate2Collection items) : IDisposable
    {
        public X509Certificate2Collection Items => items;

        public void Dispose()
        {
            foreach (var c in items)
                c.Dispose();
        }
    }
}
