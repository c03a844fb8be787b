using System.Globalization;
using System.Xml.Linq;
using Commendations.Engine;
using Commendations.Workflow;

namespace Commendations.Features.Definitions.Bpmn;

/// <summary>
/// A definition as BPMN 2.0 XML with its diagram (BPMNDI), for documentation in standard process tools. A subset
/// mapping (workflows/README.md): it describes the route, it is not meant to be executed elsewhere — assignments,
/// deadlines and escalations are left out; names are the Vietnamese display names people read.
/// </summary>
public static class BpmnWriter
{
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    public static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    public static readonly XNamespace DdDi = "http://www.omg.org/spec/DD/20100524/DI";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The element ids the start event and the process take (step keys are kebab-case, so they cannot clash).</summary>
    public const string StartEventId = "Start_Event";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static XDocument Write(WorkflowDefinition definition)
    {
        var layout = BpmnLayout.Of(definition);
        var process = new XElement(Model + "process",
            new XAttribute("id", ProcessId(definition)), new XAttribute("name", definition.Name), new XAttribute("isExecutable", "false"));
        if (definition.Description is { } description)
            process.Add(Documentation(description));
        var plane = new XElement(Di + "BPMNPlane", new XAttribute("id", "Plane_1"), new XAttribute("bpmnElement", ProcessId(definition)));

        process.Add(new XElement(Model + "startEvent", new XAttribute("id", StartEventId), new XAttribute("name", "Bắt đầu")));
        plane.Add(Shape(StartEventId, layout.Bounds(StartEventId)));
        foreach (var step in definition.Steps)
        {
            process.Add(Node(definition, step));
            plane.Add(Shape(Id(step.Key), layout.Bounds(step.Key)));
            if (step is ParallelStep parallel)
                foreach (var branch in parallel.Branches)
                    plane.Add(Shape(BranchId(parallel, branch), layout.Bounds(BranchKey(parallel, branch))));
        }

        var flows = Flows(definition).ToList();
        for (var i = 0; i < flows.Count; i++)
        {
            var (source, target, name, condition, isDefault) = flows[i];
            var id = $"Flow_{i + 1}";
            var flow = new XElement(Model + "sequenceFlow", new XAttribute("id", id), new XAttribute("name", name),
                new XAttribute("sourceRef", Id(source)), new XAttribute("targetRef", Id(target)));
            // xsi:type is a QName: "bpmn:" resolves through the prefix declared on the root.
            if (condition is not null)
                flow.Add(new XElement(Model + "conditionExpression", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), condition));
            process.Add(flow);
            if (isDefault)
                process.Elements().Single(e => (string?)e.Attribute("id") == Id(source)).SetAttributeValue("default", id);
            plane.Add(Edge(id, layout.Centre(source), layout.Centre(target)));
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Model + "definitions",
                new XAttribute(XNamespace.Xmlns + "bpmn", Model), new XAttribute(XNamespace.Xmlns + "bpmndi", Di),
                new XAttribute(XNamespace.Xmlns + "dc", Dc), new XAttribute(XNamespace.Xmlns + "di", DdDi),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XAttribute("id", $"Definitions_{Id(definition.Id)}_v{definition.Version}"),
                new XAttribute("targetNamespace", $"urn:commendations:workflow:{definition.Id}:{definition.Version}"),
                new XAttribute("exporter", "Commendations"),
                process,
                new XElement(Di + "BPMNDiagram", new XAttribute("id", "Diagram_1"), plane)));
    }

    public static string ProcessId(WorkflowDefinition definition) => $"Process_{Id(definition.Id)}";

    /// <summary>An XML id (NCName) for a step key; keys are kebab-case, so only a leading digit needs a prefix.</summary>
    public static string Id(string key)
    {
        var id = new string([.. key.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        return id.Length > 0 && (char.IsLetter(id[0]) || id[0] == '_') ? id : "_" + id;
    }

    private static string BranchKey(ParallelStep step, ParallelBranch branch) => string.Concat(step.Key, StepPaths.SeparatorText, branch.Key);

    private static string BranchId(ParallelStep step, ParallelBranch branch) => Id(step.Key + "__" + branch.Key);

    private static XElement Documentation(object text) => new(Model + "documentation", text is Engine.LocalizedText l ? l.Vi : text.ToString());

    private static string Name(WorkflowDefinition definition, string key) => DefinitionSemantics.StepName(definition, key, Vietnamese);

    private static XElement Node(WorkflowDefinition definition, StepDefinition step)
    {
        var attributes = new object[] { new XAttribute("id", Id(step.Key)), new XAttribute("name", Name(definition, step.Key)) };
        var documentation = step.Description is { } d ? Documentation(d) : null;
        return step switch
        {
            TaskStep => new XElement(Model + "userTask", attributes, documentation),
            SequentialApprovalStep => new XElement(Model + "userTask", attributes,
                documentation ?? Documentation("Các thành viên Hội đồng / Ban lần lượt cho ý kiến."), MultiInstance(sequential: true)),
            ParallelApprovalStep p => new XElement(Model + "userTask", attributes,
                Documentation(string.Format(Vietnamese, "Các thành viên cho ý kiến đồng thời; cần {0} ý kiến đồng ý.", p.Required)),
                MultiInstance(sequential: false)),
            VoteStep v => new XElement(Model + "userTask", attributes,
                Documentation(string.Format(Vietnamese, "Bỏ phiếu{0}: tỷ lệ tham dự tối thiểu {1:0.##}%, tỷ lệ đồng ý để thông qua {2:0.##}%.",
                    v.Secret ? " kín" : "", Percent(v.Quorum), Percent(v.PassThreshold))),
                MultiInstance(sequential: false)),
            WaitStep w => new XElement(Model + "intermediateCatchEvent", attributes, Wait(w.Duration)),
            BranchStep => new XElement(Model + "exclusiveGateway", attributes, documentation),
            ParallelStep p => new XElement(Model + "subProcess", attributes,
                documentation ?? Documentation("Các nhánh được xử lý đồng thời; bước hoàn thành khi mọi nhánh đồng ý."),
                p.Branches.Select(b => new XElement(Model + "userTask", new XAttribute("id", BranchId(p, b)),
                    new XAttribute("name", Name(definition, BranchKey(p, b)))))),
            SubRouteStep s => new XElement(Model + "callActivity", attributes, documentation,
                new XAttribute("calledElement", s.Definition)),
            EndStep e => new XElement(Model + "endEvent", attributes,
                documentation ?? (definition.OnWithdraw == e.Key ? Documentation("Hồ sơ được rút từ bất kỳ bước nào chưa kết thúc.") : null)),
            _ => new XElement(Model + "task", attributes, documentation),
        };
    }

    // Quorum and threshold are fractions (0.5) or percentages (50) in definitions: both read as a percentage.
    private static decimal Percent(decimal value) => value <= 1 ? value * 100 : value;

    private static XElement MultiInstance(bool sequential) =>
        new(Model + "multiInstanceLoopCharacteristics", new XAttribute("isSequential", sequential ? "true" : "false"));

    /// <summary>Calendar days are an ISO 8601 duration; working days skip the installation's holidays, so they are only described.</summary>
    private static object[] Wait(WaitDuration duration) => duration switch
    {
        { CalendarDays: { } days } =>
        [
            Documentation(string.Format(Vietnamese, "Chờ {0} ngày.", days)),
            new XElement(Model + "timerEventDefinition", new XElement(Model + "timeDuration", new XAttribute(Xsi + "type", "bpmn:tFormalExpression"), $"P{days}D")),
        ],
        { WorkingDays: { } days } =>
        [
            Documentation(string.Format(Vietnamese, "Chờ {0} ngày làm việc (không tính ngày nghỉ theo lịch làm việc).", days)),
            new XElement(Model + "timerEventDefinition"),
        ],
        _ => [new XElement(Model + "timerEventDefinition")],
    };

    private static IEnumerable<(string Source, string Target, string Name, string? Condition, bool IsDefault)> Flows(WorkflowDefinition definition)
    {
        yield return (StartEventId, definition.Start, "", null, false);
        var scope = EngineMessages.Scope.Of(definition);
        foreach (var step in definition.Steps)
        {
            foreach (var edge in step.Edges())
            {
                var outcome = Outcome(step, edge.Path);
                // A sub-route's outcomes are the callee's results ("Không được khen thưởng"), not an approval's words.
                var named = step is SubRouteStep && Enum.TryParse<EndResult>(outcome, ignoreCase: true, out var result)
                    ? Named.Result(result) : Named.Outcome(step.Key, outcome);
                var name = EngineMessages.WithoutLookup("{0}", [named], scope).Format(Vietnamese);
                var condition = step is BranchStep branch && edge.Path.StartsWith("conditions[", StringComparison.Ordinal)
                    ? BpmnConditions.Text(branch.Conditions[int.Parse(outcome.AsSpan(11, outcome.Length - 12), CultureInfo.InvariantCulture)].When)
                    : null;
                yield return (step.Key, edge.Target, name, condition, step is BranchStep && condition is null);
            }
        }
    }

    /// <summary>The outcome an edge path stands for: a task's action name, an approval or vote outcome, a branch case.</summary>
    private static string Outcome(StepDefinition step, string path)
    {
        if (step is TaskStep task && path.StartsWith("actions[", StringComparison.Ordinal))
            return task.Actions[int.Parse(path.AsSpan(8, path.IndexOf(']') - 8), CultureInfo.InvariantCulture)].Name;
        if (path.StartsWith("transitions.", StringComparison.Ordinal))
            return path["transitions.".Length..];
        return path.EndsWith(".target", StringComparison.Ordinal) ? path[..^".target".Length] : path;
    }

    private static XElement Shape(string element, (double X, double Y, double W, double H) b) =>
        new(Di + "BPMNShape", new XAttribute("id", element + "_di"), new XAttribute("bpmnElement", element),
            new XElement(Dc + "Bounds", Attr("x", b.X), Attr("y", b.Y), Attr("width", b.W), Attr("height", b.H)));

    private static XElement Edge(string flow, (double X, double Y) from, (double X, double Y) to) =>
        new(Di + "BPMNEdge", new XAttribute("id", flow + "_di"), new XAttribute("bpmnElement", flow),
            new XElement(DdDi + "waypoint", Attr("x", from.X), Attr("y", from.Y)),
            new XElement(DdDi + "waypoint", Attr("x", to.X), Attr("y", to.Y)));

    private static XAttribute Attr(string name, double value) => new(name, Math.Round(value, 1).ToString(CultureInfo.InvariantCulture));
}
