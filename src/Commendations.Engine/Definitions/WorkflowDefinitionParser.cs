using System.Text.Json;
using System.Text.RegularExpressions;

namespace Commendations.Engine;

/// <summary>
/// Reads a definition document strictly and validates it. A definition is returned only when there is no problem at
/// all; otherwise every problem found is listed. Steps are read one by one, so a broken step does not hide the
/// problems of the others; semantic validation runs once every step has been read.
/// </summary>
public static partial class WorkflowDefinitionParser
{
    public static DefinitionParseResult Parse(string json, ValidationContext? context = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            return Fail(new ValidationProblem("$", "JSON sai cú pháp (dòng {0}, byte {1}): {2}", ex.LineNumber + 1, ex.BytePositionInLine + 1, CleanMessage(ex.Message)));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(new ValidationProblem("$", "Tài liệu phải là một đối tượng JSON."));
            }

            var problems = new List<ValidationProblem>();
            WorkflowDefinitionShell? shell = null;
            try
            {
                shell = root.Deserialize<WorkflowDefinitionShell>(WorkflowJson.Options);
            }
            catch (JsonException ex)
            {
                problems.Add(FromException("$", ex));
            }

            var steps = new List<StepDefinition>();
            if (root.TryGetProperty("steps", out var stepsElement) && stepsElement.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var element in stepsElement.EnumerateArray())
                {
                    var step = ReadStep(element, $"$.steps[{index}]", problems);
                    if (step is not null) steps.Add(step);
                    index++;
                }
            }

            if (problems.Count > 0 || shell is null)
            {
                return new DefinitionParseResult(null, problems);
            }

            var definition = new WorkflowDefinition
            {
                Id = shell.Id,
                Version = shell.Version,
                Name = shell.Name,
                Description = shell.Description,
                AppliesTo = shell.AppliesTo,
                Start = shell.Start,
                OnWithdraw = shell.OnWithdraw,
                Steps = steps,
                Layout = shell.Layout,
            };
            var semantic = WorkflowDefinitionValidator.Validate(definition, context);
            return semantic.Count == 0
                ? new DefinitionParseResult(definition, [])
                : new DefinitionParseResult(null, semantic);
        }
    }

    private static StepDefinition? ReadStep(JsonElement element, string path, List<ValidationProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem(path, "Mỗi bước phải là một đối tượng JSON."));
            return null;
        }
        if (!element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            problems.Add(new ValidationProblem($"{path}.type", "Bước cần có 'type': một trong {0}.", string.Join(", ", StepDefinition.TypeNames)));
            return null;
        }
        var typeName = type.GetString()!;
        if (!StepDefinition.TypeNames.Contains(typeName))
        {
            problems.Add(new ValidationProblem($"{path}.type", "Loại bước '{0}' không tồn tại; cần là một trong {1}.", typeName, string.Join(", ", StepDefinition.TypeNames)));
            return null;
        }
        try
        {
            return element.Deserialize<StepDefinition>(WorkflowJson.Options);
        }
        catch (JsonException ex)
        {
            problems.Add(FromException(path, ex));
            return null;
        }
    }

    private static DefinitionParseResult Fail(ValidationProblem problem) => new(null, [problem]);

    private static ValidationProblem FromException(string basePath, JsonException ex)
    {
        var relative = ex.Path is null or "$" ? "" : ex.Path[1..];
        var path = basePath + relative;
        var message = CleanMessage(ex.Message);
        var unmapped = UnmappedProperty().Match(message);
        if (unmapped.Success)
        {
            return new ValidationProblem($"{path}", "Thuộc tính '{0}' không được phép ở đây.", unmapped.Groups[1].Value);
        }
        var missing = MissingRequired().Match(message);
        if (missing.Success)
        {
            return new ValidationProblem(path, "Thiếu thuộc tính bắt buộc: {0}.", missing.Groups[1].Value);
        }
        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return new ValidationProblem(path, "Giá trị sai kiểu hoặc không được phép ở đây.");
        }
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return new ValidationProblem(path, "Giá trị không được là null.");
        }
        // The engine's own refusals (e.g. of a display text) are already templates; anything else is the framework's detail.
        return LocalizedTextConverter.Refusals.Contains(message)
            ? new ValidationProblem(path, message)
            : new ValidationProblem(path, "Không đọc được giá trị: {0}", message);
    }

    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var cleaned = cut >= 0 ? message[..cut] : message;
        var lineInfo = cleaned.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (lineInfo >= 0 ? cleaned[..lineInfo] : cleaned).TrimEnd(' ', '|');
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    // Lazy, so the framework's own trailing period is not kept and doubled by ours.
    [GeneratedRegex("missing required properties including: (.*?)\\.?$")]
    private static partial Regex MissingRequired();

    /// <summary>The top level of a document, steps left as raw JSON so each can be read on its own.</summary>
    private sealed record WorkflowDefinitionShell
    {
        public required string Id { get; init; }
        public required int Version { get; init; }
        public required string Name { get; init; }
        public string? Description { get; init; }
        public required AppliesTo AppliesTo { get; init; }
        public required string Start { get; init; }
        public string? OnWithdraw { get; init; }
        public required IReadOnlyList<JsonElement> Steps { get; init; }
        public IReadOnlyDictionary<string, LayoutPosition>? Layout { get; init; }
    }
}
