namespace Commendations.Web.Api;

/// <summary>How a download says in the OpenAPI document what it answers: the file's bytes, in one of these types.</summary>
public static class FileResponses
{
    public const string Pdf = "application/pdf";
    public const string Docx = Features.Documents.Docx.OfficialDocumentDocx.ContentType;
    public const string Xlsx = Features.Exports.Exporter.XlsxContentType;
    public const string Csv = "text/csv";

    /// <summary>A 200 whose body is a file (a binary string in the schema) of <paramref name="contentTypes"/>.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder endpoint, params string[] contentTypes) =>
        endpoint.Produces(StatusCodes.Status200OK, typeof(Stream), contentTypes[0], contentTypes[1..]);
}
