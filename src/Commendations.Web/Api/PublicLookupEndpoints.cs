using Commendations.Common.Text;
using Commendations.Features.PublicLookup;
using Commendations.Web.Auth;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>
/// The public check of an award by its certificate's register number (no sign-in): what the law allows to be known about
/// it, or a neutral 404. Limited per client address like the disclosure comments.
/// </summary>
public static class PublicLookupEndpoints
{
    public static void MapPublicLookupEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/public").WithTags("Public look-up").AllowAnonymous()
            .MapGet("/awards", async (IMediator m, HttpContext http, LookupRateLimiter limiter, string registerNumber, string? decisionNumber, CancellationToken ct) =>
            {
                if (!limiter.TryAcquire(ClientAddress.Of(http)))
                    return TooMany();
                var award = await m.Send(new LookUpAward(registerNumber, decisionNumber), ct);
                return award is null ? NotFound() : Results.Ok(award);
            })
            .Produces<PublicAward>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Verify an award by its certificate's register number (and decision number): what the law allows to show");
    }

    /// <summary>The same sentence whether the number is unknown or the decision number does not match: nothing is revealed.</summary>
    public static Message NotFoundText => new("Không tìm thấy khen thưởng nào có số vào sổ và số quyết định như đã nhập. Hãy kiểm tra lại các số in trên bằng, giấy chứng nhận.");

    public static Message TooManyText => new("Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.");

    private static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: new Message("Không tìm thấy.").Format(), detail: NotFoundText.Format(),
        extensions: new Dictionary<string, object?> { ["code"] = Common.Errors.RefusalCodes.NotFound });

    private static IResult TooMany() => TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
        title: new Message("Quá nhiều yêu cầu; hãy thử lại sau.").Format(), detail: TooManyText.Format(),
        extensions: new Dictionary<string, object?> { ["code"] = "too-many-requests" });
}
