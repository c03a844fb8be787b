using System.Text.Json;

namespace Commendations.Common.Text;

/// <summary>A JSON document that could not be read, said in the reader's language (the reader's own text is English).</summary>
public static class JsonProblems
{
    public static Message Describe(JsonException exception) => exception switch
    {
        { Path: { Length: > 1 } path, LineNumber: { } line } => new Message("Nội dung JSON không đọc được tại {0} (dòng {1}).", path, line + 1),
        { LineNumber: { } line } => new Message("Nội dung JSON không đọc được ở dòng {0}.", line + 1),
        _ => new Message("Nội dung JSON không đọc được."),
    };
}
