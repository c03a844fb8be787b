namespace Commendations.Domain.Committees;

public enum CommitteeKind
{
    /// <summary>Ban Chỉ đạo.</summary>
    SteeringCommittee,
    /// <summary>Hội đồng Thi đua - Khen thưởng.</summary>
    Council,
    /// <summary>Thường trực Hội đồng.</summary>
    CouncilStandingBody,
}

/// <summary>A committee whose members act in rank order (rank 1 first) or vote. Workflow steps name it by code.</summary>
public class Committee
{
    public const int CodeMaxLength = 40;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public CommitteeKind Kind { get; private set; }
    public List<CommitteeMember> Members { get; private set; } = [];

    /// <summary>"Nơi nhận" of the committee's minutes, one line each (e.g. "Lưu: VT, HĐTĐKT.").</summary>
    public List<string> MinutesRecipients { get; private set; } = [];

    public void SetMinutesRecipients(IEnumerable<string> recipients) =>
        MinutesRecipients = recipients.Select(r => r.Trim()).Where(r => r.Length > 0).ToList();

    public CommitteeMember? Chair => Members.FirstOrDefault(m => m.IsChair);
    public CommitteeMember? Secretary => Members.FirstOrDefault(m => m.IsSecretary);

    private Committee() { }

    public Committee(string code, string name, CommitteeKind kind)
    {
        Code = code;
        Name = name;
        Kind = kind;
    }

    public void AddMember(Guid userId, string position, bool isChair = false, bool isSecretary = false) =>
        Members.Add(new CommitteeMember(userId, Members.Count + 1, position, isChair, isSecretary));

    public void Rename(string name) => Name = name;

    public bool IsMember(Guid userId) => Members.Any(m => m.UserId == userId);

    /// <summary>Removes a member; those below move up one rank.</summary>
    public void RemoveMember(Guid userId) =>
        Renumber(Members.OrderBy(m => m.Rank).Where(m => m.UserId != userId).ToList());

    /// <summary>Moves a member one rank up (towards rank 1, acting earlier) or down; false when already first or last.</summary>
    public bool MoveMember(Guid userId, bool up)
    {
        var ordered = Members.OrderBy(m => m.Rank).ToList();
        var index = ordered.FindIndex(m => m.UserId == userId);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= ordered.Count)
            return false;
        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        Renumber(ordered);
        return true;
    }

    /// <summary>Ranks are 1..n in list order; the list is replaced so the stored document is rewritten.</summary>
    private void Renumber(List<CommitteeMember> ordered) =>
        Members = ordered.Select((m, i) => m with { Rank = i + 1 }).ToList();

    public IReadOnlyList<Guid> MembersInOrder() => Members.OrderBy(m => m.Rank).Select(m => m.UserId).ToList();
}

public sealed record CommitteeMember(Guid UserId, int Rank, string Position, bool IsChair, bool IsSecretary);
