namespace Commendations.Features.Nominations;

/// <summary>
/// Accepted dossier files: PDF, DOCX, PNG and JPEG, recognised by extension, declared type AND their first bytes,
/// so a renamed executable or a mislabelled file is refused.
/// </summary>
public static class DocumentTypes
{
    private sealed record FileType(string ContentType, string[] Extensions, byte[] Magic);

    private static readonly FileType[] Accepted =
    [
        new("application/pdf", [".pdf"], "%PDF-"u8.ToArray()),
        new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], [0x50, 0x4B, 0x03, 0x04]),
        new("image/png", [".png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new("image/jpeg", [".jpg", ".jpeg"], [0xFF, 0xD8, 0xFF]),
    ];

    public const string AcceptedList = "PDF, DOCX, PNG, JPEG";

    /// <summary>The extensions accepted, as a file input's <c>accept</c> attribute takes them (".pdf,.docx,…").</summary>
    public static string AcceptAttribute { get; } = string.Join(",", Accepted.SelectMany(t => t.Extensions));

    /// <summary>The size limit in whole megabytes, as people read it.</summary>
    public static int MaxMegabytes => (int)(Domain.Nominations.NominationDocument.MaxBytes / (1024 * 1024));

    public static Common.Text.Message TooLarge(long bytes) =>
        new("Tệp tối đa {0} MB; tệp đã chọn nặng {1} MB.", MaxMegabytes, Math.Round(bytes / (1024d * 1024d), 1));

    public static Common.Text.Message WrongType =>
        new("Chỉ nhận tệp {0}, và nội dung tệp phải đúng với phần mở rộng.", AcceptedList);

    /// <summary>The canonical content type when the file is acceptable; null otherwise.</summary>
    public static string? Recognise(string fileName, ReadOnlySpan<byte> bytes)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var type in Accepted)
        {
            if (type.Extensions.Contains(extension) && bytes.StartsWith(type.Magic))
                return type.ContentType;
        }
        return null;
    }
}
