using System.Net.Sockets;
using Commendations.Common.Text;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Commendations.Web.Errors;

/// <summary>
/// Recognises "the database cannot be reached right now" — as opposed to a bug or a refused statement — so that a request
/// answers 503 with Retry-After (come back soon) instead of 500 (something is broken). EF Core and Identity wrap
/// Npgsql's exceptions, so the whole chain of inner exceptions is searched.
/// </summary>
public static class DatabaseUnavailable
{
    public const string Code = "service-unavailable";

    /// <summary>Seconds a client should wait before trying again: a restart or fail-over usually takes this long.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>
    /// Server states that mean "not now": shutting down (57P01 admin, 57P02 crash), starting up (57P03), too many
    /// connections (53300), and the connection-exception class 08. Not 40001/55P03 and the like: those are about
    /// one statement, and the app handles them as conflicts.
    /// </summary>
    private static readonly HashSet<string> UnavailableStates =
        [PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow, PostgresErrorCodes.TooManyConnections];

    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when UnavailableStates.Contains(postgres.SqlState) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal):
                    return true;
                case PostgresException:
                    return false;
                // Without a server error: the connection could not be opened or broke (socket, I/O, connect or pool timeout).
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }
        return false;
    }

    public static ProblemDetails Problem() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = new Message("Hệ thống tạm thời gián đoạn.").Format(),
        Detail = new Message("Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.").Format(),
        Extensions = { ["code"] = Code },
    };

    public static void SetRetryAfter(HttpResponse response) => response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
