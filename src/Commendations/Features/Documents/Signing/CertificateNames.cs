using System.Security.Cryptography.X509Certificates;

namespace Commendations.Features.Documents.Signing;

/// <summary>Names a certificate's subject gives, read from its distinguished name.</summary>
internal static class CertificateNames
{
    private const string OrganisationOid = "2.5.4.10";

    /// <summary>The subject's organisation (O), e.g. "Ủy ban nhân dân tỉnh Lam Giang"; null when the certificate names none.</summary>
    public static string? Organisation(X509Certificate2 certificate) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(n => n.GetSingleElementType().Value == OrganisationOid)
            .Select(n => n.GetSingleElementValue())
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
