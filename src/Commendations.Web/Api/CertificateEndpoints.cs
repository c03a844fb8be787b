using Commendations.Domain.Catalog;
using Commendations.Features.Admin.AwardForms;
using Commendations.Features.Documents.Certificates;
using Commendations.Features.Documents.Pdf;
using Commendations.Web.Auth;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>Certificates as PDFs for pre-printed blanks, and where each award form's fields print on its blank.</summary>
public static class CertificateEndpoints
{
    /// <summary>A layout as sent: missing values are refused by the validator, never taken as zero.</summary>
    public sealed record CertificateLayoutBody(CertificatePaper? Paper, CertificateOrientation? Orientation, IReadOnlyList<FieldPositionBody?>? Fields);

    public sealed record FieldPositionBody(CertificateField? Field, double? LeftMm, double? TopMm, double? WidthMm, double? FontSize, FieldAlignment? Align);

    public static void MapCertificateEndpoints(this RouteGroupBuilder api)
    {
        // All certificates of a decision, or one line's (?line=), laid out for the blank (mode=blank) or as a proof (mode=full).
        api.MapGet("/decisions/{id:guid}/certificates/pdf", async (IMediator m, Guid id, Guid? line, CertificateMode? mode, CancellationToken ct) =>
        {
            var file = await m.Send(new GetCertificatesPdf(id, line, mode ?? CertificateMode.Blank), ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).WithTags("Decisions")
            .ProducesFile(FileResponses.Pdf)
            .WithSummary("Certificates of a decision as one PDF, on the pre-printed blank or in full");
        // The same certificates as an editable Word draft, each field framed where the blank leaves room for it.
        api.MapGet("/decisions/{id:guid}/certificates/docx", async (IMediator m, Guid id, Guid? line, CancellationToken ct) =>
        {
            var file = await m.Send(new GetCertificatesDocx(id, line), ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }).WithTags("Decisions")
            .ProducesFile(FileResponses.Docx)
            .WithSummary("Certificates of a decision as an editable .docx draft, each field where the blank leaves room");

        var admin = api.MapGroup("/admin/award-forms/{id:guid}/certificate-layout").WithTags("Administration").RequireAuthorization(Policies.Administrator);
        admin.MapGet("/", (IMediator m, Guid id, CancellationToken ct) => m.Send(new GetCertificateLayout(id), ct))
            .WithSummary("An award form's certificate layout on the pre-printed blank");
        admin.MapPut("/", (IMediator m, Guid id, CertificateLayoutBody body, CancellationToken ct) => m.Send(new SaveCertificateLayout(id, ToLayout(body)), ct))
            .WithSummary("Change an award form's certificate layout");
    }

    /// <summary>An absent enum becomes an undefined value and an absent number NaN, so the validator names what is missing.</summary>
    public static CertificateLayout ToLayout(CertificateLayoutBody body) => new(
        body.Paper ?? (CertificatePaper)(-1), body.Orientation ?? (CertificateOrientation)(-1),
        (body.Fields ?? []).Select(f => f is null ? null! : new CertificateFieldPosition(f.Field ?? (CertificateField)(-1), f.LeftMm ?? double.NaN,
            f.TopMm ?? double.NaN, f.WidthMm ?? double.NaN, f.FontSize ?? double.NaN, f.Align ?? (FieldAlignment)(-1))).ToList());
}
