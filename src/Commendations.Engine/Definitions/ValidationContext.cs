namespace Commendations.Engine;

/// <summary>
/// What validation may know beyond the document: the organisation a definition will run in. Each part is optional;
/// a part left null is not checked (the command-line check of a file without an organisation checks only the document).
/// </summary>
public sealed record ValidationContext
{
    /// <summary>Committee code → number of members. Superseded by <see cref="Committees"/> when that is given.</summary>
    public IReadOnlyDictionary<string, int>? CommitteeSizes { get; init; }

    /// <summary>Committee code → its members, chair and secretary.</summary>
    public IReadOnlyDictionary<string, CommitteeFacts>? Committees { get; init; }

    /// <summary>The sign-in roles the application knows (assignee and notified roles must be among them or committee positions).</summary>
    public IReadOnlySet<string>? KnownRoles { get; init; }

    /// <summary>The unit scopes configured for this organisation, besides <see cref="NominatingScope"/> (always known).</summary>
    public IReadOnlySet<string>? UnitScopes { get; init; }

    /// <summary>
    /// Which roles at least one active user holds, per unit scope: <c>(role, scope)</c> for a configured scope's unit,
    /// <c>(role, nominating)</c> when held in any unit (the nominating unit is only known per nomination), and
    /// <c>(role, *)</c> when held anywhere.
    /// </summary>
    public IReadOnlySet<RoleInScope>? HeldRoles { get; init; }

    /// <summary>
    /// Publication requires the meanings the application relies on: the unit's proposal, and a decision wherever an
    /// Awarded end exists. Off for documents checked on their own (tests, files being written).
    /// </summary>
    public bool RequireMeanings { get; init; }

    /// <summary>
    /// The published definitions (latest version of each id, and other published versions), for sub-route steps: the
    /// callee exists, calls make no cycle, every result a callee can reach has a transition — and, when the definition
    /// validated is itself called, every caller can receive each of its results. When null, calls are not checked.
    /// </summary>
    public CalleeDefinitions? PublishedDefinitions { get; init; }

    /// <summary>The scope of the nominating unit, resolved per nomination.</summary>
    public const string NominatingScope = "nominating";

    /// <summary>In <see cref="HeldRoles"/>: held by someone in some unit.</summary>
    public const string AnyScope = "*";

    /// <summary>Committee positions a definition may name as a role (the chair or secretary of the step's committee).</summary>
    public const string CommitteeChair = "committeeChair";
    public const string CommitteeSecretary = "committeeSecretary";

    /// <summary>The number of members of a committee, or null when the context does not know it.</summary>
    public int? SizeOf(string committee) =>
        Committees is { } committees ? committees.TryGetValue(committee, out var c) ? c.Members : null
        : CommitteeSizes is { } sizes && sizes.TryGetValue(committee, out var n) ? n : null;

    /// <summary>Whether committees are known at all (then an unknown code is a problem).</summary>
    public bool KnowsCommittees => Committees is not null || CommitteeSizes is not null;

    public bool KnowsCommittee(string committee) =>
        Committees?.ContainsKey(committee) ?? CommitteeSizes?.ContainsKey(committee) ?? true;
}

/// <summary>A committee as validation sees it: how many members, and whether it has a chair and a secretary.</summary>
public sealed record CommitteeFacts(int Members, bool HasChair, bool HasSecretary);

/// <summary>A role held by at least one active user within a unit scope.</summary>
public readonly record struct RoleInScope(string Role, string Scope);
