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

    private Committee() { }

    public Committee(string code, string name, CommitteeKind kind)
    {
        Code = code;
        Name = name;
        Kind = kind;
    }

    public void AddMember(Guid userId, string position, bool isChair = false, bool isSecretary = false) =>
        Members.Add(new CommitteeMember(userId, Members.Count + 1, position, isChair, isSecretary));

    public IReadOnlyList<Guid> MembersInOrder() => Members.OrderBy(m => m.Rank).Select(m => m.UserId).ToList();
}

public sealed record CommitteeMember(Guid UserId, int Rank, string Position, bool IsChair, bool IsSecretary);
