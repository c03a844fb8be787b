using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 18, BPMN export: each shipped route downloads as a BPMN 2.0 file a process tool can open — one process, one
/// start, every step once, every flow between existing nodes, every node drawn. No BPMN XSD is available offline, so
/// the structure is checked rather than schema validity.
/// </summary>
public class BpmnExportTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";

    private static readonly string[] FlowNodes =
        ["startEvent", "endEvent", "userTask", "task", "intermediateCatchEvent", "exclusiveGateway", "parallelGateway", "subProcess", "callActivity"];

    public static TheoryData<string> Shipped() =>
    [
        .. Directory.GetFiles(Path.Combine(TestCluster.RepositoryRoot, "workflows"), "*.v1.json")
            .Select(f => Path.GetFileName(f)[..^".v1.json".Length]),
    ];

    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task A_shipped_route_exports_as_bpmn_with_every_step_flow_and_shape(string id)
    {
        var admin = await app.As(DemoAccounts.Admin);
        var response = await admin.GetAsync($"/api/definitions/{id}/versions/1/bpmn");

        await ApiJourney.Expect(response, HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be($"{id}-v1.bpmn");
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var process = document.Root!.Elements(Bpmn + "process").Should().ContainSingle().Subject;
        process.Elements(Bpmn + "startEvent").Should().ContainSingle();

        using var shipped = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestCluster.RepositoryRoot, "workflows", $"{id}.v1.json")));
        var nodes = process.Descendants().Where(e => e.Name.Namespace == Bpmn && FlowNodes.Contains(e.Name.LocalName)).ToList();
        var ids = nodes.Select(e => (string)e.Attribute("id")!).ToList();
        ids.Should().OnlyHaveUniqueItems();
        foreach (var step in shipped.RootElement.GetProperty("steps").EnumerateArray())
        {
            var node = nodes.Should().ContainSingle(e => (string)e.Attribute("id")! == step.GetProperty("key").GetString()).Subject;
            ((string)node.Attribute("name")!).Should().NotBe(step.GetProperty("key").GetString(), "named as people read it, not by key");
        }

        var flows = process.Elements(Bpmn + "sequenceFlow").ToList();
        flows.Should().NotBeEmpty();
        foreach (var flow in flows)
        {
            ids.Should().Contain((string)flow.Attribute("sourceRef")!).And.Contain((string)flow.Attribute("targetRef")!);
            if ((string)flow.Attribute("sourceRef")! != "Start_Event")
                ((string)flow.Attribute("name")!).Should().NotBeNullOrWhiteSpace("each action or outcome is named");
        }

        var plane = document.Root!.Element(BpmnDi + "BPMNDiagram")!.Element(BpmnDi + "BPMNPlane")!;
        var shapes = plane.Elements(BpmnDi + "BPMNShape").Select(s => (string)s.Attribute("bpmnElement")!).ToList();
        shapes.Should().BeEquivalentTo(ids, "every flow node is drawn");
        plane.Elements(BpmnDi + "BPMNShape").Should().OnlyContain(s => s.Element(Dc + "Bounds") != null);
        plane.Elements(BpmnDi + "BPMNEdge").Select(e => (string)e.Attribute("bpmnElement")!)
            .Should().BeEquivalentTo(flows.Select(f => (string)f.Attribute("id")!));
    }

    [Fact]
    public async Task The_vote_wait_and_sub_route_read_as_their_bpmn_counterparts()
    {
        var admin = await app.As(DemoAccounts.Admin);
        var council = XDocument.Parse(await admin.GetStringAsync("/api/definitions/csdt-tinh/versions/1/bpmn"));
        var collective = XDocument.Parse(await admin.GetStringAsync("/api/definitions/khen-thuong-tap-the/versions/1/bpmn"));
        var special = XDocument.Parse(await admin.GetStringAsync("/api/definitions/bang-khen-chuyen-de/versions/1/bpmn"));

        var vote = council.Descendants(Bpmn + "userTask").Single(t => (string)t.Attribute("id")! == "council-vote");
        vote.Element(Bpmn + "multiInstanceLoopCharacteristics")!.Attribute("isSequential")!.Value.Should().Be("false");
        vote.Element(Bpmn + "documentation")!.Value.Should().Contain("tỷ lệ tham dự").And.Contain("%");
        collective.Descendants(Bpmn + "callActivity").Single().Attribute("calledElement")!.Value.Should().Be("kiem-tra-ky-luat");
        collective.Descendants(Bpmn + "subProcess").Single().Elements(Bpmn + "userTask").Should().HaveCountGreaterThan(1);
        special.Descendants(Bpmn + "intermediateCatchEvent").Single().Element(Bpmn + "timerEventDefinition").Should().NotBeNull();
        special.Descendants(Bpmn + "userTask").Single(t => (string)t.Attribute("id")! == "committee-review")
            .Element(Bpmn + "multiInstanceLoopCharacteristics")!.Attribute("isSequential")!.Value.Should().Be("true");
    }

    [Fact]
    public async Task A_person_who_is_not_an_administrator_is_refused()
    {
        var officer = await app.As(DemoAccounts.OfficerTanHoa);
        (await officer.GetAsync("/api/definitions/csdt-tinh/versions/1/bpmn")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/api/definitions/csdt-tinh/versions/1/publication-preview")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
