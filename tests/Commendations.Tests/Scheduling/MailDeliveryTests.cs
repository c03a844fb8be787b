using System.Net;
using System.Net.Sockets;
using Commendations.Domain.Notifications;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Scheduling;

/// <summary>
/// Mail as a recipient's mail system receives it from MailKit, read back from the SMTP sink the test starts: the
/// Vietnamese subject and sender name survive encoding, the envelope and headers name the right people, and a mail
/// server that is down leaves the notification pending for the next round instead of losing it.
/// </summary>
public class MailDeliveryTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private const string Title = "Nhắc hạn xử lý hồ sơ: Trạm Y tế xã Tân Hòa";

    private async Task<Notification> PendingMailAsync(string title)
    {
        var account = DemoAccounts.SteeringStandingMember;
        var notification = new Notification(app.UserId(account), NotificationKinds.TaskReminder, title,
            "Hồ sơ đang chờ Đồng chí xử lý. Hạn xử lý: 17:00 ngày 08/12/2026.", null, null,
            $"mail-test:{Guid.NewGuid()}", app.Clock.GetUtcNow(), account.UserName + "@lamgiang.example");
        await using var db = app.CreateDbContext();
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification;
    }

    private async Task<Notification> ReloadAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    [Fact]
    public async Task A_mail_carries_a_UTF8_Vietnamese_subject_the_sender_the_recipient_and_a_stable_Message_Id()
    {
        await using var smtp = new SmtpTestServer();
        await using var rig = SchedulerRig.Create(app.ConnectionString, app.Clock, smtp.Port);
        var notification = await PendingMailAsync(Title);

        (await rig.SendMailAsync()).Should().BeGreaterThanOrEqualTo(1, "a mail left pending by another test of the class may go too");

        var mail = await smtp.WaitForMailAsync(m => m.Subject == Title, TimeSpan.FromSeconds(10));
        var recipient = DemoAccounts.SteeringStandingMember.UserName + "@lamgiang.example";
        mail.From.Should().Be("thidua-khenthuong@localhost", "the envelope sender is the configured address");
        mail.To.Should().Equal(recipient);
        mail.Headers["Subject"].Should().StartWith("=?utf-8?", "a Vietnamese subject travels as RFC 2047 UTF-8 encoded words");
        mail.Headers["From"].Should().Contain("=?utf-8?").And.EndWith("<thidua-khenthuong@localhost>", "the sender's name is encoded, its address plain");
        mail.Headers["To"].Should().Be(recipient);
        mail.Headers["Message-Id"].Should().Be($"<{notification.Id:N}@localhost>",
            "the same notification mailed twice (delivery is at least once) is one message to the recipient's mail system");
        mail.Headers["Content-Type"].Should().Contain("text/plain").And.Contain("charset=utf-8");
        mail.Body.Should().Contain("Hạn xử lý: 17:00 ngày 08/12/2026");
        (await ReloadAsync(notification.Id)).EmailSentAt.Should().NotBeNull();
    }

    [Fact]
    public async Task A_mail_server_that_is_down_leaves_the_mail_pending_with_its_failure_counted()
    {
        var closedPort = ClosedLoopbackPort();
        await using var rig = SchedulerRig.Create(app.ConnectionString, app.Clock, closedPort);
        var notification = await PendingMailAsync("Đến lượt Đồng chí xử lý hồ sơ");

        (await rig.SendMailAsync()).Should().Be(0);

        var stored = await ReloadAsync(notification.Id);
        stored.EmailSentAt.Should().BeNull("it is tried again on the next round");
        stored.EmailAttempts.Should().Be(1);
        stored.EmailLastError.Should().NotBeNullOrWhiteSpace();
    }

    /// <summary>A loopback port nobody listens on: taken from the system, then released.</summary>
    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
