using System.Net;
using System.Net.Sockets;

namespace Commendations.Web.Tests.Infrastructure;

/// <summary>
/// The central level's endpoint for dossier packages (Forwarding:Endpoint), played by a local HttpListener: it answers
/// with the status a test chooses and keeps every package it received with its X-Package-Sha256 header.
/// </summary>
public sealed class CentralEndpoint : IDisposable
{
    public const string Receipt = "{\"receipt\":\"TW-2027-000123\"}";

    private readonly HttpListener _listener = new();

    public CentralEndpoint()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/ho-so/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public string Url { get; }

    /// <summary>The status the endpoint answers with next (202 with a receipt, anything else with "busy").</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.Accepted;

    public List<(byte[] Body, string? Sha256Header, string? ContentType)> Received { get; } = [];

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (Received)
                Received.Add((body.ToArray(), context.Request.Headers["X-Package-Sha256"], context.Request.ContentType));
            context.Response.StatusCode = (int)Answer;
            var answer = Answer == HttpStatusCode.Accepted ? Receipt : "busy";
            await context.Response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(answer));
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
