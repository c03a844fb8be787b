using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Commendations.Scheduling;

/// <summary>
/// One SMTP connection (MailKit) for one round of the email sender: opened on the first mail, reused for the rest, and
/// dropped after a failure so the next mail starts on a fresh connection instead of a half-broken one.
/// </summary>
internal sealed class SmtpMailer(SmtpSettings smtp) : IAsyncDisposable
{
    private SmtpClient? _client;

    /// <summary>The failures a mail may meet on the way (refused, broken connection, TLS, credentials, timeout).</summary>
    public static bool IsDeliveryFailure(Exception ex) => ex is MailKit.CommandException or MailKit.ProtocolException
        or AuthenticationException or SslHandshakeException or MailKit.ServiceNotConnectedException or IOException
        or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException or ParseException or FormatException;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var client = await ConnectedAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (IsDeliveryFailure(ex))
        {
            await DropAsync();
            throw;
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true })
            return _client;
        await DropAsync();
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        _client = client;
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is null)
            return;
        var client = _client;
        _client = null;
        try
        {
            if (client.IsConnected)
                await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception ex) when (IsDeliveryFailure(ex))
        {
            // The connection is being thrown away; a failed QUIT changes nothing.
        }
        client.Dispose();
    }

    public async ValueTask DisposeAsync() => await DropAsync();
}
