using Commendations.Domain.Documents;
using Commendations.Features.Documents;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Admin;

/// <summary>
/// What decisions print from data: the laws and decrees they cite (with the period each is cited) and the versions of the
/// issuing authority's lines (heading, authority line, signature block titles, proposal line, execution article, recipients).
/// </summary>
public sealed class DocumentsModel : AdminPageModel
{
    [BindProperty] public InstrumentInput Instrument { get; set; } = new();
    [BindProperty] public AuthorityInput Authority { get; set; } = new();

    public IReadOnlyList<LegalInstrumentView> Instruments { get; private set; } = [];
    public IReadOnlyList<SigningAuthorityView> Authorities { get; private set; } = [];

    public string[] FieldKeys => ["Instrument.kind", "Instrument.name", "Instrument.number", "Instrument.issuedOn", "Instrument.issuer", "Instrument.subject",
        "Instrument.appliesFrom", "Instrument.appliesUntil", "Instrument.order", "Instrument.source", "Authority.effectiveFrom", "Authority.issuerName",
        "Authority.place", "Authority.authorityLine", "Authority.headTitle", "Authority.deputyTitle", "Authority.proposalLine", "Authority.executionLine",
        "Authority.recipients"];

    public async Task OnGetAsync(Guid? edit)
    {
        await LoadAsync();
        if (edit is { } id && Instruments.FirstOrDefault(i => i.Id == id) is { } i)
            Instrument = new InstrumentInput
            {
                Id = i.Id, Kind = i.Kind, Name = i.Name, Number = i.Number, IssuedOn = i.IssuedOn, Issuer = i.Issuer, Subject = i.Subject,
                AppliesFrom = i.AppliesFrom, AppliesUntil = i.AppliesUntil, Order = i.Order, Source = i.Source,
            };
        if (Authorities.LastOrDefault() is { } latest)
            Authority = new AuthorityInput
            {
                IssuerName = latest.IssuerName, Place = latest.Place, AuthorityLine = latest.AuthorityLine, HeadTitle = latest.HeadTitle,
                DeputyTitle = latest.DeputyTitle, ProposalLine = latest.ProposalLine, ExecutionLine = latest.ExecutionLine,
                Recipients = string.Join("\n", latest.Recipients),
            };
    }

    public async Task<IActionResult> OnPostInstrumentAsync()
    {
        ModelState.Clear();
        var i = Instrument;
        if (await TryAsync(() => Mediator.Send(new SaveLegalInstrument(i.Id, i.Kind ?? LegalInstrumentKind.Decree, i.Name?.Trim() ?? "", i.Number?.Trim() ?? "",
                i.IssuedOn ?? default, i.Issuer?.Trim() ?? "", i.Subject?.Trim() ?? "", i.AppliesFrom ?? default, i.AppliesUntil, i.Order ?? 0, i.Source)), "Instrument"))
        {
            Flash = T["Đã lưu văn bản {0}.", i.Number ?? ""];
            return Redirect("/quan-tri/van-ban");
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAuthorityAsync()
    {
        ModelState.Clear();
        var a = Authority;
        var recipients = (a.Recipients ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (await TryAsync(() => Mediator.Send(new AddSigningAuthority(a.EffectiveFrom ?? default, a.IssuerName ?? "", a.Place ?? "", a.AuthorityLine ?? "",
                a.HeadTitle ?? "", a.DeputyTitle ?? "", a.ProposalLine ?? "", a.ExecutionLine ?? "", recipients)), "Authority"))
        {
            Flash = T["Đã thêm phiên bản thể thức, hiệu lực từ {0}.", a.EffectiveFrom is { } d ? Format.Date(d) : ""];
            return Redirect("/quan-tri/van-ban");
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Instruments = await Mediator.Send(new ListLegalInstruments());
        Authorities = await Mediator.Send(new ListSigningAuthorities());
    }

    public sealed class InstrumentInput
    {
        public Guid? Id { get; set; }
        public LegalInstrumentKind? Kind { get; set; } = LegalInstrumentKind.Decree;
        public string? Name { get; set; }
        public string? Number { get; set; }
        public DateOnly? IssuedOn { get; set; }
        public string? Issuer { get; set; }
        public string? Subject { get; set; }
        public DateOnly? AppliesFrom { get; set; }
        public DateOnly? AppliesUntil { get; set; }
        public int? Order { get; set; }
        public string? Source { get; set; }
    }

    public sealed class AuthorityInput
    {
        public DateOnly? EffectiveFrom { get; set; }
        public string? IssuerName { get; set; }
        public string? Place { get; set; }
        public string? AuthorityLine { get; set; }
        public string? HeadTitle { get; set; }
        public string? DeputyTitle { get; set; }
        public string? ProposalLine { get; set; }
        public string? ExecutionLine { get; set; }
        public string? Recipients { get; set; }
    }
}
