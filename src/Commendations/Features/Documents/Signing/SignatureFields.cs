using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;

namespace Commendations.Features.Documents.Signing;

/// <summary>The signature dictionary's words and, with a place, the visible box — the same whichever way the document is signed.</summary>
internal static class SignatureFields
{
    public static DigitalSignatureOptions Options(PdfDocument document, SignerIdentity signer, string reason, string location,
        SignaturePlace? place, DateTimeOffset now)
    {
        if (place is null || place.PageIndex < 0 || place.PageIndex >= document.PageCount)
            return new DigitalSignatureOptions { Reason = reason, Location = location, ContactInfo = signer.Name, AppName = "Commendations" };
        // PDF rectangles count from the page's bottom edge.
        var height = document.Pages[place.PageIndex].Height.Point;
        return new DigitalSignatureOptions
        {
            Reason = reason, Location = location, ContactInfo = signer.Name, AppName = "Commendations",
            PageIndex = place.PageIndex,
            Rectangle = new XRect(place.Left, height - place.Top - place.Height, place.Width, place.Height),
            AppearanceHandler = new SignatureAppearance(signer.Name, signer.Organisation, now),
        };
    }
}
