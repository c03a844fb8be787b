using Commendations.Engine;

namespace Commendations.Features.Definitions.Bpmn;

/// <summary>
/// Where each node is drawn: the designer's positions (cytoscape centres) where the definition has them; a step without
/// one goes on a row below the drawn ones, in document order, so that every flow node still has a shape.
/// </summary>
public sealed class BpmnLayout
{
    private const double Gap = 180;
    private const double Margin = 40;
    private readonly Dictionary<string, (double X, double Y, double W, double H)> _bounds = new(StringComparer.Ordinal);

    public static BpmnLayout Of(WorkflowDefinition definition)
    {
        var layout = new BpmnLayout();
        var positions = definition.Layout ?? new Dictionary<string, LayoutPosition>();
        var spareY = positions.Count == 0 ? 100 : positions.Values.Max(p => p.Y) + Gap;
        var spareX = 100.0;
        foreach (var step in definition.Steps)
        {
            var (w, h) = Size(step);
            var (x, y) = positions.TryGetValue(step.Key, out var p) ? (p.X, p.Y) : (spareX += Gap, spareY);
            layout._bounds[step.Key] = (x - w / 2, y - h / 2, w, h);
            if (step is ParallelStep parallel)
            {
                // Branch tasks side by side inside their sub-process.
                for (var i = 0; i < parallel.Branches.Count; i++)
                    layout._bounds[string.Concat(step.Key, StepPaths.SeparatorText, parallel.Branches[i].Key)] =
                        (x - w / 2 + 10 + i * 130, y - 30, 120, 60);
            }
        }
        // The start event sits left of the first step.
        var start = layout.Centre(definition.Start);
        layout._bounds[BpmnWriter.StartEventId] = (start.X - 150 - 18, start.Y - 18, 36, 36);
        // Designer coordinates may be negative (cytoscape centres the graph): process tools expect the drawing near the origin.
        var dx = Margin - layout._bounds.Values.Min(b => b.X);
        var dy = Margin - layout._bounds.Values.Min(b => b.Y);
        foreach (var key in layout._bounds.Keys.ToList())
        {
            var b = layout._bounds[key];
            layout._bounds[key] = (b.X + dx, b.Y + dy, b.W, b.H);
        }
        return layout;
    }

    public (double X, double Y, double W, double H) Bounds(string key) => _bounds.TryGetValue(key, out var b) ? b : (0, 0, 36, 36);

    public (double X, double Y) Centre(string key)
    {
        var b = Bounds(key);
        return (b.X + b.W / 2, b.Y + b.H / 2);
    }

    private static (double W, double H) Size(StepDefinition step) => step switch
    {
        WaitStep or EndStep => (36, 36),
        BranchStep => (50, 50),
        ParallelStep p => (Math.Max(1, p.Branches.Count) * 130 + 10, 90),
        _ => (120, 60),
    };
}
