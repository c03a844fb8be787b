using Commendations.Common.Text;

namespace Commendations.Web.Auth;

/// <summary>What people are told when signing in fails or is slowed (Vietnamese; English in Messages.en.json).</summary>
internal static class SignInMessages
{
    public static readonly Message EnterUserName = new("Nhập tên đăng nhập.");
    public static readonly Message EnterPassword = new("Nhập mật khẩu.");

    public const int MaxUserNameLength = 256;
    public const int MaxPasswordLength = 1024;
    public const int MaxRefreshTokenLength = 8192;

    public static Message TooLong(int max) => new("Tối đa {0} ký tự.", max);

    /// <summary>Unknown name, wrong password, locked or disabled account: one sentence for all, so none is revealed.</summary>
    public static readonly Message InvalidCredentials = new("Tên đăng nhập hoặc mật khẩu không đúng.");

    public static readonly Message InvalidRefreshToken = new("Mã làm mới (refresh token) không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.");
    public static readonly Message SendRefreshToken = new("Gửi mã làm mới (refresh token) nhận được khi đăng nhập.");

    public static Message RateLimited(TimeSpan retryAfter) =>
        new("Quá nhiều lần đăng nhập từ địa chỉ này hoặc cho tài khoản này. Vui lòng thử lại sau {0} giây.", Seconds(retryAfter));

    public static Message Throttled(TimeSpan retryAfter) =>
        new("Quá nhiều lần đăng nhập sai cho tài khoản này từ địa chỉ của bạn. Vui lòng thử lại sau {0} phút.", (int)Math.Ceiling(retryAfter.TotalMinutes));

    /// <summary>Whole seconds, at least 1: the Retry-After header and the sentence say the same.</summary>
    public static int Seconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
}
