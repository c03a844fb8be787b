using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Documents;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Documents;

public sealed record LegalInstrumentView(Guid Id, LegalInstrumentKind Kind, string Name, string Number, DateOnly IssuedOn, string Issuer, string Subject,
    DateOnly AppliesFrom, DateOnly? AppliesUntil, int Order, string? Source, string Citation)
{
    public static LegalInstrumentView Of(LegalInstrument i) =>
        new(i.Id, i.Kind, i.Name, i.Number, i.IssuedOn, i.Issuer, i.Subject, i.AppliesFrom, i.AppliesUntil, i.Order, i.Source, i.Citation);
}

/// <summary>Administrators list the laws and decrees decisions cite, with the period each is cited.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListLegalInstruments : IQuery<IReadOnlyList<LegalInstrumentView>>;

/// <summary>
/// An administrator adds (no <see cref="Id"/>) or corrects a legal instrument decisions cite: e.g. Decree 152/2025/NĐ-CP of
/// 14/06/2025, cited from 01/07/2025; or ends one (<see cref="AppliesUntil"/>) when a new one replaces it. Decisions already
/// issued keep what they printed only in the registry and the audit trail: correct a citation, never repurpose a row.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record SaveLegalInstrument(Guid? Id, LegalInstrumentKind Kind, string Name, string Number, DateOnly IssuedOn, string Issuer, string Subject,
    DateOnly AppliesFrom, DateOnly? AppliesUntil, int Order, string? Source) : ICommand<LegalInstrumentView>;

public sealed class SaveLegalInstrumentValidator : AbstractValidator<SaveLegalInstrument>
{
    public SaveLegalInstrumentValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.Name).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Number).NotEmpty().MaximumLength(60);
        RuleFor(c => c.Issuer).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Subject).MaximumLength(LegalInstrument.TextMaxLength);
        RuleFor(c => c.Subject).NotEmpty().When(c => c.Kind != LegalInstrumentKind.Law)
            .WithMessage(_ => new Message("Ghi trích yếu của văn bản, ví dụ \"quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng\".").Format());
        RuleFor(c => c.IssuedOn).NotEqual(default(DateOnly));
        RuleFor(c => c.AppliesFrom).NotEqual(default(DateOnly)).GreaterThanOrEqualTo(c => c.IssuedOn)
            .WithMessage(_ => new Message("Văn bản chỉ được trích dẫn từ ngày ban hành trở đi.").Format());
        RuleFor(c => c.AppliesUntil).GreaterThanOrEqualTo(c => c.AppliesFrom).When(c => c.AppliesUntil is not null)
            .WithMessage(_ => new Message("Ngày hết áp dụng không thể trước ngày bắt đầu áp dụng.").Format());
        RuleFor(c => c.Order).InclusiveBetween(0, 1000);
        RuleFor(c => c.Source).MaximumLength(LegalInstrument.TextMaxLength);
    }
}

public sealed class ListLegalInstrumentsHandler(CommendationsDbContext db) : IRequestHandler<ListLegalInstruments, IReadOnlyList<LegalInstrumentView>>
{
    public async Task<IReadOnlyList<LegalInstrumentView>> Handle(ListLegalInstruments request, CancellationToken cancellationToken) =>
        (await db.LegalInstruments.AsNoTracking().OrderBy(i => i.Order).ThenBy(i => i.AppliesFrom).ToListAsync(cancellationToken))
        .Select(LegalInstrumentView.Of).ToList();
}

public sealed class SaveLegalInstrumentHandler(CommendationsDbContext db, AuditTrail audit, TimeProvider clock) : IRequestHandler<SaveLegalInstrument, LegalInstrumentView>
{
    public const string Stream = "admin:documents";

    public async Task<LegalInstrumentView> Handle(SaveLegalInstrument r, CancellationToken cancellationToken)
    {
        LegalInstrument instrument;
        object? before = null;
        if (r.Id is { } id)
        {
            instrument = await db.LegalInstruments.SingleOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw new NotFoundException(new Message("văn bản pháp lý"));
            before = LegalInstrumentView.Of(instrument);
            instrument.Edit(r.Kind, r.Name.Trim(), r.Number.Trim(), r.IssuedOn, r.Issuer.Trim(), r.Subject.Trim(), r.AppliesFrom, r.AppliesUntil, r.Order, r.Source?.Trim(), clock.GetUtcNow());
        }
        else
        {
            if (await db.LegalInstruments.AnyAsync(i => i.Number == r.Number.Trim(), cancellationToken))
                throw new InputException("number", new Message("Văn bản số {0} đã có; sửa văn bản đó thay vì thêm lần nữa.", r.Number.Trim()));
            instrument = new LegalInstrument(r.Kind, r.Name.Trim(), r.Number.Trim(), r.IssuedOn, r.Issuer.Trim(), r.Subject.Trim(), r.AppliesFrom, r.AppliesUntil,
                r.Order, r.Source?.Trim(), clock.GetUtcNow());
            db.LegalInstruments.Add(instrument);
        }
        var after = LegalInstrumentView.Of(instrument);
        await audit.RecordAsync(Stream, before is null ? "legal-instrument.added" : "legal-instrument.changed", data: new { before, after }, cancellationToken: cancellationToken);
        return after;
    }
}
