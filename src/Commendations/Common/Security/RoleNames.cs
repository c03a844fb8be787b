using Commendations.Common.Text;

namespace Commendations.Common.Security;

/// <summary>What a person reads for a role: its Vietnamese name (English through the message catalog), never the code.</summary>
public static class RoleNames
{
    public static Message Of(string role) => role switch
    {
        Roles.EmulationOfficer => new Message("cán bộ thi đua"),
        Roles.CommitteeMember => new Message("thành viên hội đồng/ban chỉ đạo"),
        Roles.Appraiser => new Message("chuyên viên thẩm định"),
        Roles.ProvincialLeader => new Message("lãnh đạo tỉnh"),
        Roles.Administrator => new Message("quản trị viên"),
        Roles.UnitHead => new Message("thủ trưởng đơn vị"),
        Roles.Clerk => new Message("văn thư"),
        _ => new Message("vai trò khác"),
    };

    /// <summary>"cán bộ thi đua hoặc quản trị viên".</summary>
    public static Message List(IEnumerable<string> roles)
    {
        var names = roles.Where(r => !r.StartsWith('*')).Select(Of).ToList();
        return names.Count switch
        {
            0 => new Message("người được giao"),
            1 => names[0],
            _ => new Message("{0} hoặc {1}", new JoinedMessages(names[..^1]), names[^1]),
        };
    }

    /// <summary>Several messages joined by commas, each translated.</summary>
    private sealed class JoinedMessages(IReadOnlyList<Message> parts) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? provider) =>
            string.Join(", ", parts.Select(p => p.Format(provider as System.Globalization.CultureInfo)));

        public override string ToString() => ToString(null, null);
    }
}
