using System.Text.Json.Nodes;
using Commendations.Engine.Tests.Support;

namespace Commendations.Engine.Tests;

/// <summary>
/// A decision step declares what the decision needs before it takes effect — the leader's signature and the agency's
/// seal after it — and the validator keeps the declaration usable: on the decision only, no seal without a required
/// signature, a seal role someone holds in its scope, nothing unknown.
/// </summary>
public class SigningDeclarationTests
{
    private static readonly string Certificate = Path.Combine(Repo.Workflows, "bang-khen-chuyen-de.v1.json");

    private static JsonObject Shipped() => JsonNode.Parse(File.ReadAllText(Certificate))!.AsObject();

    private static (JsonObject Step, int Index) StepMeaning(JsonObject root, string meaning) =>
        root["steps"]!.AsArray().Select((s, i) => (s!.AsObject(), i)).First(x => (string?)x.Item1["meaning"] == meaning);

    private static JsonObject WithSigning(string signing, string meaning = "decision")
    {
        var root = Shipped();
        StepMeaning(root, meaning).Step["signing"] = JsonNode.Parse(signing);
        return root;
    }

    private static ValidationContext Organisation(params RoleInScope[] held) => new()
    {
        KnownRoles = new HashSet<string> { "emulationOfficer", "committeeMember", "appraiser", "provincialLeader", "administrator", "clerk" },
        UnitScopes = new HashSet<string> { "appraisal", "province" },
        // The shipped route's own people, and whoever the test says holds the clerk's role.
        HeldRoles = new HashSet<RoleInScope>(held.Concat([new("emulationOfficer", "nominating"), new("appraiser", "appraisal"), new("provincialLeader", "province")])),
    };

    private static IEnumerable<string> Problems(JsonObject root, ValidationContext? context = null) =>
        WorkflowDefinitionParser.Parse(root.ToJsonString(), context).Problems.Select(p => $"{p.Path}: {p.Message}");

    [Fact]
    public void A_decision_step_declares_the_leaders_signature_and_the_seal_and_reads_back_as_written()
    {
        var root = WithSigning("""{ "leader": "required", "seal": { "role": "clerk", "scope": "province" } }""");
        var parsed = WorkflowDefinitionParser.Parse(root.ToJsonString(), Organisation(new RoleInScope("clerk", "province"), new RoleInScope("clerk", "*")));

        parsed.Problems.Should().BeEmpty();
        var decision = parsed.Definition!.StepsMeaning(Engine.StepMeaning.Decision).OfType<TaskStep>().Single();
        decision.Signing!.HoldsDecision.Should().BeTrue();
        decision.Signing.Seal.Should().Be(new SealRequirement { Role = "clerk", Scope = "province" });
        WorkflowDefinitionSerializer.Serialize(parsed.Definition!).Should().Contain("\"signing\": {").And.Contain("\"leader\": \"required\"");
        WorkflowDefinitionParser.Parse(WithSigning("""{ "leader": "optional" }""").ToJsonString()).Definition!
            .StepsMeaning(Engine.StepMeaning.Decision).OfType<TaskStep>().Single().Signing!.HoldsDecision.Should().BeFalse();
    }

    [Fact]
    public void Signing_outside_the_decision_a_seal_without_a_required_signature_and_unknown_values_are_refused()
    {
        var (_, appraisal) = StepMeaning(Shipped(), "appraisal");
        Problems(WithSigning("""{ "leader": "required" }""", "appraisal"))
            .Should().ContainSingle().Which.Should().Be($"$.steps[{appraisal}].signing: Chỉ bước quyết định (meaning: decision) mới khai báo chữ ký số (signing).");

        var (_, decision) = StepMeaning(Shipped(), "decision");
        Problems(WithSigning("""{ "leader": "optional", "seal": { "role": "clerk", "scope": "province" } }"""))
            .Should().ContainSingle().Which.Should().StartWith($"$.steps[{decision}].signing.seal: Văn thư chỉ đóng dấu sau chữ ký số của lãnh đạo");
        Problems(WithSigning("""{ "leader": "none", "seal": { "role": "clerk", "scope": "province" } }""")).Should().ContainSingle();
        Problems(WithSigning("""{ "leader": "maybe" }""")).Should().ContainSingle().Which.Should().StartWith($"$.steps[{decision}].signing.leader");
        Problems(WithSigning("""{ "leader": "required", "stamp": true }""")).Should().ContainSingle().Which.Should().Contain("'stamp' không được phép");
        Problems(WithSigning("""{ "seal": { "role": "clerk", "scope": "province" } }""")).Should().ContainSingle().Which.Should().Contain("leader");
        Problems(WithSigning("""{ "leader": "required", "seal": { "role": "", "scope": "province" } }"""))
            .Should().ContainSingle().Which.Should().Be($"$.steps[{decision}].signing.seal.role: Vai trò người đóng dấu không được để trống.");
    }

    [Fact]
    public void With_the_organisation_known_the_seal_role_must_exist_and_be_held_in_its_scope()
    {
        var (_, decision) = StepMeaning(Shipped(), "decision");
        var sealed_ = WithSigning("""{ "leader": "required", "seal": { "role": "clerk", "scope": "province" } }""");

        Problems(sealed_, Organisation(new RoleInScope("clerk", "province"))).Should().BeEmpty();
        Problems(sealed_, Organisation(new RoleInScope("clerk", "appraisal"))).Should().ContainSingle()
            .Which.Should().Be($"$.steps[{decision}].signing.seal.role: Không có người dùng đang hoạt động nào giữ vai trò 'clerk' ở phạm vi đơn vị 'province'.");
        Problems(WithSigning("""{ "leader": "required", "seal": { "role": "stamper", "scope": "province" } }"""), Organisation(new RoleInScope("clerk", "province")))
            .Should().ContainSingle().Which.Should().StartWith($"$.steps[{decision}].signing.seal.role: Vai trò 'stamper' không tồn tại");
        Problems(WithSigning("""{ "leader": "required", "seal": { "role": "clerk", "scope": "ward" } }"""), Organisation(new RoleInScope("clerk", "province")))
            .Should().ContainSingle().Which.Should().StartWith($"$.steps[{decision}].signing.seal.scope: Phạm vi đơn vị 'ward' chưa được cấu hình");
    }

    [Fact]
    public void The_diff_names_the_declaration_in_words()
    {
        var before = Repo.LoadDefinition(Certificate);
        var after = WorkflowDefinitionParser.Parse(WithSigning("""{ "leader": "required", "seal": { "role": "clerk", "scope": "province" } }""").ToJsonString()).Definition!;

        var changes = DefinitionDiff.Compare(before, after);

        changes.Select(c => c.ToString()).Should().Equal(
            "decision.signing.leader: (none) → required", "decision.signing.seal.role: (none) → clerk", "decision.signing.seal.scope: (none) → province");
        var leader = changes[0];
        leader.Template.Should().Be("Bước “{0}”: {1} được đặt là {2}.");
        leader.Args.Skip(1).Should().Equal(Named.Text("Chữ ký số của lãnh đạo trước khi quyết định có hiệu lực"), Named.Text("Bắt buộc"));
        changes[1].Args.Skip(1).Should().Equal(Named.Text("Vai trò người đóng dấu (văn thư)"), Named.Role("clerk"));
        changes[2].Args.Skip(1).Should().Equal(Named.Text("Phạm vi đơn vị của người đóng dấu"), Named.Scope("province"));
    }
}
