using Commendations.Common.Errors;
using Commendations.Features.Registry;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.ChungNhan;

/// <summary>The certificates of a decision (or one of them, <c>?line=</c>), one A4 landscape page each, for printing.</summary>
public sealed class IndexModel : AppPageModel
{
    [FromRoute] public Guid Id { get; set; }

    [FromQuery(Name = "line")] public Guid? Line { get; set; }

    public IReadOnlyList<CertificateView> Certificates { get; private set; } = [];

    /// <summary>The same certificates as a PDF laid out for the award form's pre-printed blank (mode blank) or as a proof (full).</summary>
    public string DocxLink => $"/api/decisions/{Id}/certificates/docx{(Line is { } line ? $"?line={line}" : "")}";

    public string PdfLink(string mode) => $"/api/decisions/{Id}/certificates/pdf?mode={mode}{(Line is { } line ? $"&line={line}" : "")}";

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Certificates = await Mediator.Send(new GetCertificates(Id, Line));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Page();
    }
}
