using System.Text;
using System.Xml;
using Commendations.Common;
using Commendations.Common.Security;
using MediatR;

namespace Commendations.Features.Definitions.Bpmn;

/// <summary>One version as a BPMN 2.0 document with its diagram (see <see cref="BpmnWriter"/>); a draft that reads is exported too.</summary>
[Allowed(Roles.Administrator)]
public sealed record ExportBpmn(string DefinitionId, int Version) : IQuery<byte[]>;

public sealed class ExportBpmnHandler(DefinitionAdmin admin) : IRequestHandler<ExportBpmn, byte[]>
{
    public async Task<byte[]> Handle(ExportBpmn request, CancellationToken cancellationToken)
    {
        var definition = DefinitionAdmin.ReadForComparison(await admin.VersionAsync(request.DefinitionId, request.Version, cancellationToken));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false }))
            BpmnWriter.Write(definition).Save(writer);
        return stream.ToArray();
    }
}
