using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Commendations.Common.Text;
using Commendations.Domain.Nominations;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Forwarding;

/// <summary>The package's bytes, its SHA-256 (recorded with each send) and its file name.</summary>
public sealed record DossierPackageFile(byte[] Content, string Sha256, string FileName);

/// <summary>
/// The dossier package sent upward, a .zip of: every document the system holds for the nomination (the signed
/// submission letter, minutes, appraisal report … as uploaded, under <c>documents/</c>), the nominee's particulars
/// (<c>particulars.json</c>) and <c>manifest.json</c> listing every other file with its SHA-256 and size, so the receiver
/// checks the package without trusting the transport. Entries carry the build time, so the same dossier built twice
/// differs only by that.
/// </summary>
public sealed class DossierPackage(CommendationsDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<DossierPackageFile> BuildAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        var particulars = await ParticularsAsync(nomination, cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.NominationId == nomination.Id)
            .OrderBy(d => d.Round).ThenBy(d => d.UploadedAt)
            .Select(d => new { d.Kind, d.FileName, d.Round, Bytes = d.Content!.Bytes }).ToListAsync(cancellationToken);

        var files = new List<(string Path, byte[] Bytes, string Kind)>
        {
            ("particulars.json", JsonSerializer.SerializeToUtf8Bytes(particulars, Json), "particulars"),
        };
        files.AddRange(documents.Select((d, i) => ($"documents/{i + 1:D2}-{d.Kind}-{Safe(d.FileName)}", d.Bytes, d.Kind.ToString())));
        var now = clock.GetUtcNow();
        var manifest = new
        {
            format = "commendations-dossier/1",
            createdAt = now,
            nominee = nomination.NomineeName,
            files = files.Select(f => new { path = f.Path, kind = f.Kind, sha256 = Sha256(f.Bytes), size = f.Bytes.LongLength }),
        };

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes, _) in files.Append(("manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, Json), "manifest")))
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = now;
                await using var entryStream = entry.Open();
                await entryStream.WriteAsync(bytes, cancellationToken);
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
    private static string Safe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var clean = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '-' : c).ToArray()).Trim();
        return clean.Length == 0 ? "tep" : clean.Length > 100 ? clean[..100] : clean;
    }
}
