using System.Text.Json.Nodes;

namespace Commendations.Web.Tests.Api;

/// <summary>Edits of definition documents the tests make as an administrator would in the designer's JSON view.</summary>
public static class DefinitionDocuments
{
    /// <summary>Renames a step everywhere its key is written: the step, every target, the start, the withdrawal, the layout.</summary>
    public static void RenameStep(JsonObject root, string from, string to)
    {
        static void Swap(JsonObject o, string property, string from, string to)
        {
            if ((string?)o[property] == from) o[property] = to;
        }
        Swap(root, "start", from, to);
        Swap(root, "onWithdraw", from, to);
        foreach (var step in root["steps"]!.AsArray().Select(s => s!.AsObject()))
        {
            Swap(step, "key", from, to);
            Swap(step, "next", from, to);
            Swap(step, "default", from, to);
            foreach (var action in step["actions"]?.AsArray() ?? []) Swap(action!.AsObject(), "target", from, to);
            foreach (var branch in step["conditions"]?.AsArray() ?? []) Swap(branch!.AsObject(), "target", from, to);
            if (step["transitions"] is JsonObject transitions)
                foreach (var name in transitions.Select(t => t.Key).ToList()) Swap(transitions, name, from, to);
        }
        if (root["layout"] is JsonObject layout && layout[from] is { } position)
        {
            layout.Remove(from);
            layout[to] = position.DeepClone();
        }
    }
}
