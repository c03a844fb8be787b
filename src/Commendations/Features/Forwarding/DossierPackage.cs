using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Commendations.Common.Text;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominations;
using Commendations.Features.Documents.Signing;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Forwarding;

/// <summary>The package's bytes, its SHA-256 (recorded with each send) and its file name.</summary>
public sealed record DossierPackageFile(byte[] Content, string Sha256, string FileName);

/// <summary>
/// The dossier package sent upward, a .zip of: every document the system holds for the nomination (the submission
/// letter, achievement report, minutes … as uploaded, under <c>documents/</c>), the signed documents of record kept
/// elsewhere (the council's signed minutes, the provincial decision's signed PDF, under <c>signed/</c>; see
/// <see cref="SignedDocumentsOfRecord"/>), the nominee's particulars (<c>particulars.json</c>) and <c>manifest.json</c>:
/// every other file with its SHA-256, size and — for a PDF — what the check of its signatures finds, and the expected
/// signed documents, each with its file or the reason it is missing, so the receiver checks the package without
/// trusting the transport. Entries carry the build time, so the same dossier built twice differs only by that.
/// </summary>
public sealed class DossierPackage(CommendationsDbContext db, SignedDocumentsOfRecord signedDocuments, PdfSignatureVerifier verifier, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    private sealed record PackageFile(string Path, byte[] Bytes, string Kind, SignatureVerdict? Signature);

    public async Task<DossierPackageFile> BuildAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        var particulars = await ParticularsAsync(nomination, cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.NominationId == nomination.Id)
            .OrderBy(d => d.Round).ThenBy(d => d.UploadedAt)
            .Select(d => new { d.Id, d.Kind, d.FileName, d.ContentType, Bytes = d.Content!.Bytes }).ToListAsync(cancellationToken);
        var uploaded = documents.Select((d, i) => (d.Id, Path: $"documents/{i + 1:D2}-{d.Kind}-{Safe(d.FileName)}")).ToDictionary(x => x.Id, x => x.Path);
        var signed = await signedDocuments.ReadAsync(nomination, uploaded, cancellationToken);

        var files = new List<PackageFile> { new("particulars.json", JsonSerializer.SerializeToUtf8Bytes(particulars, Json), "particulars", null) };
        files.AddRange(documents.Select(d => new PackageFile(uploaded[d.Id], d.Bytes, d.Kind.ToString(),
            d.ContentType == "application/pdf" ? verifier.Verify(d.Bytes).Verdict : null)));
        files.AddRange(signed.Where(s => s.Included && files.All(f => f.Path != s.Path))
            .Select(s => new PackageFile(s.Path!, s.Content!, s.Document.ToString(), s.Signature)));
        var now = clock.GetUtcNow();
        var manifest = new
        {
            format = "commendations-dossier/2",
            createdAt = now,
            nominee = nomination.NomineeName,
            files = files.Select(f => new { path = f.Path, kind = f.Kind, sha256 = Sha256(f.Bytes), size = f.Bytes.LongLength, signature = f.Signature?.ToString() }),
            signedDocuments = signed.Select(s => new
            {
                document = s.Document.ToString(),
                name = SignedDocumentsOfRecord.Name(s.Document).Format(Vietnamese),
                status = s.Included ? "included" : "missing",
                path = s.Path,
                signature = s.Signature?.ToString(),
                signatureValid = s.Signature is { } verdict ? verdict == SignatureVerdict.Valid : (bool?)null,
                missingReason = s.Missing?.Format(Vietnamese),
            }),
        };

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files.Append(new PackageFile("manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, Json), "manifest", null)))
            {
                var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                entry.LastWriteTime = now;
                await using var entryStream = entry.Open();
                await entryStream.WriteAsync(file.Bytes, cancellationToken);
            }
        }
        var content = stream.ToArray();
        return new DossierPackageFile(content, Sha256(content), $"ho-so-{Safe(nomination.NomineeName)}.zip");
    }

    private async Task<object> ParticularsAsync(Nomination n, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == n.UnitId).Select(u => new { u.Code, u.Name }).SingleAsync(cancellationToken);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == n.CampaignId).Select(c => new { c.Code, c.Name }).SingleAsync(cancellationToken);
        var form = await db.AwardForms.AsNoTracking().Where(f => f.Id == n.AwardFormId).Select(f => new { f.Code, f.Name }).SingleAsync(cancellationToken);
        var person = n.PersonId is { } personId
            ? await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.FullName, gender = p.Gender.ToString(), p.BirthYear, p.Position }).SingleAsync(cancellationToken)
            : null;
        var collective = n.CollectiveId is { } collectiveId
            ? await db.Collectives.AsNoTracking().Where(c => c.Id == collectiveId)
                .Select(c => new { c.Name, c.Headcount, c.Women, c.AdvancedWorkers }).SingleAsync(cancellationToken)
            : null;
        return new
        {
            kind = n.Kind.ToString(), kindName = Names.Kind(n.Kind).ToString(), nominee = n.NomineeName, person, collective,
            unit, campaign, awardForm = form, achievementSummary = n.AchievementSummary, round = n.Round,
            submittedAt = n.SubmittedAt,
        };
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A name safe in a zip path and a download: no folders, no characters a file system refuses.</summary>
    internal static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var clean = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '-' : c).ToArray()).Trim();
        return clean.Length == 0 ? "tep" : clean.Length > 100 ? clean[..100] : clean;
    }
}
