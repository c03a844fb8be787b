using System.Text.Json.Serialization;

namespace Commendations.Domain.Catalog;

/// <summary>What a certificate prints in its own place on the pre-printed blank (phôi).</summary>
public enum CertificateField
{
    /// <summary>"Ông Lê Văn Khải", "Bà …", a collective's name.</summary>
    NomineeName,
    UnitName,
    /// <summary>The achievement ("Đã có thành tích …").</summary>
    Citation,
    /// <summary>"Quyết định số 12/QĐ-UBND ngày 05/01/2027".</summary>
    DecisionLine,
    /// <summary>"Số sổ vàng: SV-2027-0002".</summary>
    RegisterNumber,
    PlaceAndDate,
    SignerTitle,
    SignerName,
}

public enum CertificatePaper
{
    A4,
    A3,
}

public enum CertificateOrientation
{
    Landscape,
    Portrait,
}

public enum FieldAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>
/// Where one field prints: its box's left edge and top in millimetres from the top-left corner of the blank, its width
/// (longer text wraps inside it), the font size in points and the alignment in the box.
/// </summary>
public sealed record CertificateFieldPosition(CertificateField Field, double LeftMm, double TopMm, double WidthMm, double FontSize, FieldAlignment Align);

/// <summary>
/// How an award form's certificates print on its pre-printed blanks: the paper, its orientation and the place of each
/// field. Offices measure their blanks with a ruler, so everything is in millimetres from the top-left corner.
/// </summary>
public sealed record CertificateLayout(CertificatePaper Paper, CertificateOrientation Orientation, IReadOnlyList<CertificateFieldPosition> Fields)
{
    public const double MinFontSize = 6, MaxFontSize = 72;

    // Derived from the paper: not part of what is stored or sent, so a layout read from the API is sent back as it is.
    [JsonIgnore] public double WidthMm => Orientation == CertificateOrientation.Landscape ? LongSideMm : ShortSideMm;
    [JsonIgnore] public double HeightMm => Orientation == CertificateOrientation.Landscape ? ShortSideMm : LongSideMm;
    private double ShortSideMm => Paper == CertificatePaper.A3 ? 297 : 210;
    private double LongSideMm => Paper == CertificatePaper.A3 ? 420 : 297;

    public CertificateFieldPosition Of(CertificateField field) => Fields.Single(f => f.Field == field);

    /// <summary>
    /// A4 landscape as the common certificate blanks are printed: the national heading, authority and title pre-printed in
    /// the top 85 mm; the name, unit and achievement centred below; the decision and register number at the lower left;
    /// the place and date, the signer's title, room for the signature and seal, and the name at the lower right.
    /// </summary>
    public static readonly CertificateLayout Default = new(CertificatePaper.A4, CertificateOrientation.Landscape,
    [
        new(CertificateField.NomineeName, 30, 88, 237, 22, FieldAlignment.Center),
        new(CertificateField.UnitName, 30, 101, 237, 15, FieldAlignment.Center),
        new(CertificateField.Citation, 45, 112, 207, 14, FieldAlignment.Center),
        new(CertificateField.PlaceAndDate, 160, 140, 117, 13, FieldAlignment.Center),
        new(CertificateField.SignerTitle, 160, 147, 117, 13, FieldAlignment.Center),
        new(CertificateField.SignerName, 160, 185, 117, 14, FieldAlignment.Center),
        new(CertificateField.DecisionLine, 25, 172, 120, 11, FieldAlignment.Left),
        new(CertificateField.RegisterNumber, 25, 179, 120, 11, FieldAlignment.Left),
    ]);
}
