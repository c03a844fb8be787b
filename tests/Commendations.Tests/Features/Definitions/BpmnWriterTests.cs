using System.Xml.Linq;
using Commendations.Engine;
using Commendations.Features.Definitions.Bpmn;

namespace Commendations.Tests.Features.Definitions;

/// <summary>
/// The BPMN mappings no shipped route uses (a branch with conditions, a calendar-day wait, a step the designer never
/// placed), so that a reader of the exported file sees the same choices the route makes.
/// </summary>
public class BpmnWriterTests
{
    private static readonly XNamespace Bpmn = BpmnWriter.Model;

    private static WorkflowDefinition Route() => new()
    {
        Id = "thu-nghiem", Version = 3, Name = "Quy trình thử nghiệm", Start = "proposal",
        AppliesTo = new AppliesTo { NomineeKinds = ["individual", "collective"], AwardForms = ["bang-khen-tinh"] },
        Steps =
        [
            new TaskStep
            {
                Key = "proposal", Title = new LocalizedText("Lập hồ sơ"), Assignee = new TaskAssignee { Role = "emulationOfficer", Scope = "ownUnit" },
                Actions = [new TaskAction { Name = "send", Label = new LocalizedText("Trình hồ sơ"), Target = "by-kind" }],
            },
            new BranchStep
            {
                Key = "by-kind", Title = new LocalizedText("Theo loại đối tượng"),
                Conditions = [new BranchCase { When = Condition.Compare("kind", ConditionOperator.Eq, "individual"), Target = "pause" }],
                Default = "done",
            },
            new WaitStep { Key = "pause", Title = new LocalizedText("Chờ ý kiến"), Duration = new WaitDuration { CalendarDays = 10 }, Next = "done" },
            new EndStep { Key = "done", Title = new LocalizedText("Hoàn thành"), Result = EndResult.Awarded },
        ],
        Layout = new Dictionary<string, LayoutPosition>
        {
            ["proposal"] = new() { X = 100, Y = 100 },
            ["by-kind"] = new() { X = 300, Y = 100 },
            ["done"] = new() { X = 500, Y = 100 },
        },
    };

    [Fact]
    public void A_branch_reads_as_an_exclusive_gateway_with_its_condition_and_default_and_a_calendar_wait_as_a_timer()
    {
        var process = BpmnWriter.Write(Route()).Root!.Element(Bpmn + "process")!;

        var gateway = process.Elements(Bpmn + "exclusiveGateway").Single();
        gateway.Attribute("name")!.Value.Should().Be("Theo loại đối tượng");
        var flows = process.Elements(Bpmn + "sequenceFlow").Where(f => f.Attribute("sourceRef")!.Value == "by-kind").ToList();
        var conditional = flows.Single(f => f.Attribute("targetRef")!.Value == "pause");
        conditional.Element(Bpmn + "conditionExpression")!.Value.Should().Be("kind = \"individual\"");
        gateway.Attribute("default")!.Value.Should().Be(flows.Single(f => f.Attribute("targetRef")!.Value == "done").Attribute("id")!.Value);
        process.Elements(Bpmn + "sequenceFlow").Single(f => f.Attribute("sourceRef")!.Value == "proposal").Attribute("name")!.Value
            .Should().Be("Trình hồ sơ", "a flow reads as the action's button");

        var timer = process.Elements(Bpmn + "intermediateCatchEvent").Single().Element(Bpmn + "timerEventDefinition")!;
        timer.Element(Bpmn + "timeDuration")!.Value.Should().Be("P10D");
    }

    [Fact]
    public void A_step_without_a_designer_position_is_still_drawn_apart_from_the_placed_ones()
    {
        var document = BpmnWriter.Write(Route());

        var bounds = document.Descendants(BpmnWriter.Di + "BPMNShape")
            .ToDictionary(s => s.Attribute("bpmnElement")!.Value, s => s.Element(BpmnWriter.Dc + "Bounds")!);
        bounds.Keys.Should().BeEquivalentTo(["Start_Event", "proposal", "by-kind", "pause", "done"]);
        double Y(string id) => double.Parse(bounds[id].Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Y("pause").Should().BeGreaterThan(Y("done"), "an unplaced step goes on a row below the placed ones");
        double X(string id) => double.Parse(bounds[id].Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        (X("by-kind") - X("proposal")).Should().Be(200 + (120 - 50) / 2.0, "shapes are centred on the designer's positions");
        bounds.Keys.Select(X).Should().OnlyContain(x => x >= 0, "the drawing starts near the origin, not at negative coordinates");
    }
}
