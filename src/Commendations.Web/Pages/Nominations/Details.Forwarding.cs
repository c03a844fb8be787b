using System.Globalization;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Nominations;
using Commendations.Features.Forwarding;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Nominations;

/// <summary>
/// The nomination page's forwarding part: while the nomination waits at its forwarding step and the reader's office is
/// the one to forward it, the package to download, sending it (confirmed first; every attempt listed, a failure with its
/// reason, sent again at will) and the form recording the central decision; once awarded above the province, that
/// decision.
/// </summary>
public sealed partial class DetailsModel
{
    /// <summary>The form's fields as typed (the date as dd/MM/yyyy), so a refused form shows them again.</summary>
    public sealed class CentralDecisionInput
    {
        public string? Number { get; set; }
        public string? Date { get; set; }
        public string? IssuingAuthority { get; set; }
        public string? AwardFormCode { get; set; }
    }

    public const string CentralDecisionPrefix = nameof(CentralDecisionForm);

    /// <summary>The forwarding tools, for the office whose turn it is at the forwarding step; else null.</summary>
    public ForwardingView? Forwarding { get; private set; }

    /// <summary>The decision taken above the province, once recorded.</summary>
    public CentralDecisionView? CentralDecision { get; private set; }

    [BindProperty] public CentralDecisionInput CentralDecisionForm { get; set; } = new();

    private async Task LoadForwardingAsync()
    {
        if (Detail is { MyTurn: not null, Status: NominationStatus.InReview } && User.IsInRole(Roles.Appraiser))
        {
            try
            {
                Forwarding = await Mediator.Send(new GetForwarding(Id));
            }
            catch (ConflictException)
            {
                // Not at a forwarding step: the reader's turn is an ordinary one.
            }
            catch (ForbiddenException)
            {
                // At forwarding, but given to another office (a substitute's turn, say): its tools are not the reader's.
            }
        }
        if (Detail is { Status: NominationStatus.Awarded })
            CentralDecision = await Mediator.Send(new GetCentralDecision(Id));
    }

    public async Task<IActionResult> OnPostSendPackageAsync()
    {
        ForwardingSendView? sent = null;
        var ok = await TryAsync(async () => sent = await Mediator.Send(new SendDossierPackage(Id)), "");
        return ok ? Done(sent!.Message) : await ShowAsync();
    }

    public async Task<IActionResult> OnPostCentralDecisionAsync()
    {
        var form = CentralDecisionForm;
        var dateTyped = DateOnly.TryParseExact(form.Date?.Trim(), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        CentralDecisionRecorded? recorded = null;
        // A date that cannot be read is refused here; the other fields are still checked by the use case (which changes
        // nothing while any is refused), so every mistake shows at once.
        var ok = await TryAsync(async () => recorded = await Mediator.Send(new RecordCentralDecision(Id, form.Number?.Trim() ?? "", dateTyped ? date : default,
            form.IssuingAuthority?.Trim() ?? "", form.AwardFormCode ?? "")), CentralDecisionPrefix);
        if (!dateTyped)
        {
            ModelState.Remove($"{CentralDecisionPrefix}.date");
            ModelState.AddModelError($"{CentralDecisionPrefix}.date", T["Nhập ngày ban hành theo dạng dd/MM/yyyy, ví dụ 25/02/2027."]);
        }
        return ok && recorded is not null
            ? Done(T["Đã ghi nhận quyết định số {0} của {1}; số sổ khen thưởng {2}.", recorded.DecisionNumber, recorded.CentralAuthority, recorded.RegisterNumber])
            : await ShowAsync();
    }

    /// <summary>The refusals of one field of the central decision's form (the use case names fields in camelCase).</summary>
    public IEnumerable<string> CentralDecisionErrors(string field) =>
        ModelState.Where(e => string.Equals(e.Key, $"{CentralDecisionPrefix}.{field}", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage));

    /// <summary>The form's keys, so the summary at the top does not repeat what shows next to the fields.</summary>
    public static readonly string[] CentralDecisionKeys =
        [$"{CentralDecisionPrefix}.number", $"{CentralDecisionPrefix}.date", $"{CentralDecisionPrefix}.issuingAuthority", $"{CentralDecisionPrefix}.awardFormCode"];
}
