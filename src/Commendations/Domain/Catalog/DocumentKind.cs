namespace Commendations.Domain.Catalog;

/// <summary>The documents of a dossier (hồ sơ).</summary>
public enum DocumentKind
{
    /// <summary>Tờ trình.</summary>
    SubmissionLetter,
    /// <summary>Báo cáo thành tích.</summary>
    AchievementReport,
    /// <summary>Biên bản họp xét.</summary>
    Minutes,
    /// <summary>Giấy chứng nhận, bằng sáng kiến...</summary>
    Certificate,
    Other,
}
