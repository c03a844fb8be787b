using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>
/// The last decided vote of an instance, as conditions read it (<c>lastVote.yes</c>, …): counts only, never who voted how.
/// </summary>
public sealed record VoteResult
{
    public required string StepKey { get; init; }
    public required int Round { get; init; }
    public required int Yes { get; init; }
    public required int No { get; init; }
    public required int Abstain { get; init; }
    public required int Recused { get; init; }
    public required int Members { get; init; }

    /// <summary>Yes + no + abstain.</summary>
    public int Participants => Yes + No + Abstain;

    /// <summary><c>passed</c>, <c>failed</c> or <c>noQuorum</c>.</summary>
    public required string Outcome { get; init; }

    [JsonIgnore]
    public bool Passed => Outcome == Outcomes.Passed;
}

/// <summary>The counts of a secret vote: the instance stores these and the list of who has voted, never a member's choice.</summary>
public sealed record VoteTally
{
    public int Yes { get; init; }
    public int No { get; init; }
    public int Abstain { get; init; }
    public int Recuse { get; init; }

    [JsonIgnore]
    public int Total => Yes + No + Abstain + Recuse;

    public VoteTally Add(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => this with { Yes = Yes + 1 },
        VoteChoice.No => this with { No = No + 1 },
        VoteChoice.Abstain => this with { Abstain = Abstain + 1 },
        _ => this with { Recuse = Recuse + 1 },
    };

    public VoteTally Plus(VoteTally other) =>
        new() { Yes = Yes + other.Yes, No = No + other.No, Abstain = Abstain + other.Abstain, Recuse = Recuse + other.Recuse };
}

/// <summary>What conditions read besides the nomination's facts: the round, the last vote and the outputs recorded so far.</summary>
public readonly record struct RouteData(int Round, VoteResult? LastVote, IReadOnlyDictionary<string, JsonElement>? Outputs)
{
    public static RouteData Of(InstanceState state) => new(state.Round, state.LastVote, state.Outputs);

    /// <summary>A route fact's value (<see cref="FactSource.Route"/>), or false when the instance has none yet.</summary>
    public bool TryGetFact(string name, out FactValue value)
    {
        if (name == FactCatalog.Round)
        {
            value = FactValue.Of(Round);
            return true;
        }
        if (LastVote is { } vote && name.StartsWith(FactCatalog.LastVotePrefix, StringComparison.Ordinal))
        {
            FactValue? found = name[FactCatalog.LastVotePrefix.Length..] switch
            {
                "yes" => FactValue.Of(vote.Yes),
                "no" => FactValue.Of(vote.No),
                "abstain" => FactValue.Of(vote.Abstain),
                "recused" => FactValue.Of(vote.Recused),
                "participants" => FactValue.Of(vote.Participants),
                "members" => FactValue.Of(vote.Members),
                "passed" => FactValue.Of(vote.Passed),
                "outcome" => FactValue.Of(vote.Outcome),
                _ => null,
            };
            value = found ?? default;
            return found is not null;
        }
        value = default;
        return false;
    }

    /// <summary>An output's latest value by <c>step-key.name</c>.</summary>
    public bool TryGetOutput(string key, out FactValue value)
    {
        value = default;
        if (Outputs is null || !Outputs.TryGetValue(key, out var json)) return false;
        return ConditionEvaluator.TryRead(json, out value);
    }
}
