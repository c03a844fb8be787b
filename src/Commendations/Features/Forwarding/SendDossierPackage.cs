using System.Net.Http.Headers;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Forwarding;
using Commendations.Persistence;
using MediatR;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Forwarding;

/// <summary>
/// Sends the dossier package to the configured endpoint (<see cref="ForwardingOptions"/>) and records the attempt,
/// whatever its outcome: a failure (an error status, a timeout, no connection) is answered, not thrown, so its row and
/// audit entry are kept and the officer sees why and may send again.
/// </summary>
[Allowed(Roles.Appraiser)]
public sealed record SendDossierPackage(Guid NominationId) : ICommand<ForwardingSendView>;

/// <param name="Message">What happened, in the reader's language.</param>
public sealed record ForwardingSendView(Guid Id, DateTimeOffset SentAt, bool Succeeded, int? StatusCode, string? Response, string PackageSha256, long PackageBytes, string Message)
{
    public static ForwardingSendView Of(ForwardingSend send)
    {
        var message = send.Succeeded
            ? new Message("Đã gửi gói hồ sơ lên cấp trên; nơi nhận trả lời mã {0}.", send.StatusCode)
            : new Message("Gửi gói hồ sơ không thành công: {0}. Có thể gửi lại.", send.Response ?? (object?)send.StatusCode);
        return new ForwardingSendView(send.Id, send.SentAt, send.Succeeded, send.StatusCode, send.Response, send.PackageSha256, send.PackageBytes, message.Format());
    }
}

public sealed class SendDossierPackageHandler(
    CommendationsDbContext db, ForwardingStep step, DossierPackage package, IOptions<ForwardingOptions> options, ICurrentUser user,
    AuditTrail audit, TimeProvider clock) : IRequestHandler<SendDossierPackage, ForwardingSendView>
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<ForwardingSendView> Handle(SendDossierPackage request, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.Endpoint;
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new ConflictException("forwarding-not-configured", new Message("Chưa cấu hình địa chỉ nhận hồ sơ của cấp trên; hãy tải gói hồ sơ về và gửi theo cách khác."));
        var forwarding = await step.OpenAsync(request.NominationId, cancellationToken);
        var file = await package.BuildAsync(forwarding.Nomination, cancellationToken);

        var (succeeded, status, response) = await PostAsync(uri, file, forwarding.Nomination.Id, cancellationToken);
        var send = new ForwardingSend(forwarding.Nomination.Id, endpoint, file.Sha256, file.Content.LongLength, user.UserId, clock.GetUtcNow(), succeeded, status, response);
        db.ForwardingSends.Add(send);
        await audit.RecordAsync(AuditTrail.NominationStream(forwarding.Nomination.Id), succeeded ? "forwarding.sent" : "forwarding.failed",
            forwarding.Task.StepKey, null, new { endpoint, sha256 = file.Sha256, size = file.Content.LongLength, status }, cancellationToken);
        return ForwardingSendView.Of(send);
    }

    private async Task<(bool Succeeded, int? Status, string? Response)> PostAsync(Uri uri, DossierPackageFile file, Guid nominationId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.TimeoutSeconds)));
        using var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = file.FileName };
        using var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        message.Headers.Add("X-Package-Sha256", file.Sha256);
        message.Headers.Add("Idempotency-Key", $"{nominationId}:{file.Sha256}");
        try
        {
            using var response = await Http.SendAsync(message, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return (response.IsSuccessStatusCode, (int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, null, new Message("không có trả lời sau {0} giây", options.Value.TimeoutSeconds).Format());
        }
        catch (HttpRequestException e)
        {
            return (false, null, new Message("không kết nối được tới nơi nhận ({0})", e.HttpRequestError.ToString()).Format());
        }
    }
}
