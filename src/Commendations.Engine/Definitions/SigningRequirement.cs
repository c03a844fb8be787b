using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>
/// What a decision step's decision needs before it takes effect (issue 19), e.g.
/// <c>"signing": { "leader": "required", "seal": { "role": "clerk", "scope": "province" } }</c>: the leader's digital
/// signature on the document of record and, after it, the agency's seal signature applied by someone holding
/// <see cref="SealRequirement.Role"/> in <see cref="SealRequirement.Scope"/>. Only a step meaning <c>decision</c> may
/// declare it. Without a declaration the decision takes effect when it is issued and may be signed afterwards.
/// </summary>
public sealed record SigningRequirement
{
    /// <summary>The leader's digital signature: required before the decision takes effect, optional, or not used.</summary>
    public required SignatureNeed Leader { get; init; }

    /// <summary>The agency's seal signature, after the leader's (only with <see cref="SignatureNeed.Required"/>).</summary>
    public SealRequirement? Seal { get; init; }

    /// <summary>True when the decision waits for signatures before it takes effect.</summary>
    [JsonIgnore]
    public bool HoldsDecision => Leader == SignatureNeed.Required;
}

/// <summary>Who applies the agency's seal: a role within a unit scope, like a task's assignee.</summary>
public sealed record SealRequirement
{
    /// <summary>The role, e.g. <c>clerk</c> (văn thư).</summary>
    public required string Role { get; init; }

    /// <summary>The unit scope whose holder of the role seals, e.g. <c>province</c>.</summary>
    public required string Scope { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<SignatureNeed>))]
public enum SignatureNeed
{
    /// <summary>The decision takes effect only once the leader's signature is on the document of record.</summary>
    [JsonStringEnumMemberName("required")] Required,

    /// <summary>The decision takes effect when issued; the leader may sign it afterwards.</summary>
    [JsonStringEnumMemberName("optional")] Optional,

    /// <summary>No digital signature: the issued decision is the record (way (c) of issue 19).</summary>
    [JsonStringEnumMemberName("none")] None,
}
