namespace Commendations.Domain.Catalog;

/// <summary>A form of award (Bằng khen, Chiến sĩ thi đua, Cờ thi đua...), for collectives, individuals or both.</summary>
public class AwardForm
{
    public const int CodeMaxLength = 40;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Stable code used by workflow definitions' appliesTo.awardForms, e.g. <c>bang-khen-tinh</c>.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>
    /// The title printed on what the awardee receives: "BẰNG KHEN" for a certificate of merit, "BẰNG CHỨNG NHẬN" for a title
    /// such as Chiến sĩ thi đua cấp tỉnh, "CỜ THI ĐUA" for the flag.
    /// </summary>
    public string CertificateTitle { get; private set; } = DefaultCertificateTitle;

    public const string DefaultCertificateTitle = "BẰNG KHEN";

    /// <summary>Where the certificate's fields print on the form's pre-printed blank; null until an administrator sets it (the default applies).</summary>
    public CertificateLayout? CertificateLayout { get; private set; }

    public CertificateLayout EffectiveCertificateLayout => CertificateLayout ?? CertificateLayout.Default;

    public void PlaceCertificateFields(CertificateLayout layout) => CertificateLayout = layout;
    public const int CertificateTitleMaxLength = 100;
    public List<NomineeKind> NomineeKinds { get; private set; } = [];

    /// <summary>Documents a dossier must hold before it can be submitted.</summary>
    public List<DocumentKind> RequiredDocuments { get; private set; } = [];

    private AwardForm() { }

    public AwardForm(string code, string name, IEnumerable<NomineeKind> kinds, IEnumerable<DocumentKind> requiredDocuments, string? certificateTitle = null)
    {
        CertificateTitle = string.IsNullOrWhiteSpace(certificateTitle) ? DefaultCertificateTitle : certificateTitle.Trim();
        Code = code;
        Name = name;
        NomineeKinds = kinds.ToList();
        RequiredDocuments = requiredDocuments.ToList();
    }

    public void Edit(string name, IEnumerable<NomineeKind> kinds, IEnumerable<DocumentKind> requiredDocuments, string? certificateTitle = null)
    {
        if (!string.IsNullOrWhiteSpace(certificateTitle))
            CertificateTitle = certificateTitle.Trim();
        Name = name;
        NomineeKinds = kinds.ToList();
        RequiredDocuments = requiredDocuments.ToList();
    }

    public bool IsFor(NomineeKind kind) => NomineeKinds.Contains(kind);

    /// <summary>A title (danh hiệu) is certified ("chứng nhận … đạt danh hiệu"); a certificate of merit or a flag is given ("tặng").</summary>
    public static bool CertifiesTitle(string certificateTitle) => certificateTitle.StartsWith("BẰNG CHỨNG NHẬN", StringComparison.Ordinal)
                                                               || certificateTitle.StartsWith("GIẤY CHỨNG NHẬN", StringComparison.Ordinal);
}
