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

public sealed record SigningAuthorityView(Guid Id, DateOnly EffectiveFrom, DateOnly? EffectiveUntil, string IssuerName, string Place, string AuthorityLine,
    string HeadTitle, string DeputyTitle, string ProposalLine, string ExecutionLine, IReadOnlyList<string> Recipients, DateTimeOffset CreatedAt)
{
    /// <summary>The signature block of each capacity, as printed: ["CHỦ TỊCH"] and ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"].</summary>
    public IReadOnlyList<string> HeadSignature => [HeadTitle];
    public IReadOnlyList<string> DeputySignature => [$"{SigningAuthority.OnBehalfPrefix} {HeadTitle}", DeputyTitle];
}

/// <summary>Administrators list the versions of the issuing authority's lines, each with the day it takes effect.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListSigningAuthorities : IQuery<IReadOnlyList<SigningAuthorityView>>;

/// <summary>
/// An administrator adds a version of the authority's lines (heading, authority line, titles of the signature block,
/// proposal line, execution article, recipients) in force from a date after the latest version's. Versions are never edited:
/// decisions dated in a version's period print it.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record AddSigningAuthority(DateOnly EffectiveFrom, string IssuerName, string Place, string AuthorityLine, string HeadTitle, string DeputyTitle,
    string ProposalLine, string ExecutionLine, IReadOnlyList<string> Recipients) : ICommand<SigningAuthorityView>;

public sealed class AddSigningAuthorityValidator : AbstractValidator<AddSigningAuthority>
{
    public AddSigningAuthorityValidator()
    {
        RuleFor(c => c.EffectiveFrom).NotEqual(default(DateOnly));
        RuleFor(c => c.IssuerName).NotEmpty().MaximumLength(SigningAuthority.LineMaxLength);
        RuleFor(c => c.Place).NotEmpty().MaximumLength(100);
        RuleFor(c => c.AuthorityLine).NotEmpty().MaximumLength(SigningAuthority.LineMaxLength);
        RuleFor(c => c.HeadTitle).NotEmpty().MaximumLength(200);
        RuleFor(c => c.DeputyTitle).NotEmpty().MaximumLength(200);
        RuleFor(c => c.ProposalLine).NotEmpty().MaximumLength(SigningAuthority.LineMaxLength);
        RuleFor(c => c.ExecutionLine).NotEmpty().MaximumLength(2000);
        RuleFor(c => c.Recipients).NotNull().Must(r => r.Count is > 0 and <= 20)
            .WithMessage(_ => new Message("Ghi từ 1 đến 20 dòng nơi nhận.").Format());
        RuleForEach(c => c.Recipients).NotEmpty().MaximumLength(300);
        // Decree 30/2020/NĐ-CP prints the authority line and the titles of the signature block in capitals.
        RuleFor(c => c.AuthorityLine).Must(IsUpper).WithMessage(_ => new Message("Viết in hoa, như trên văn bản (Nghị định 30/2020/NĐ-CP).").Format());
        RuleFor(c => c.HeadTitle).Must(IsUpper).WithMessage(_ => new Message("Viết in hoa, như trên văn bản (Nghị định 30/2020/NĐ-CP).").Format());
        RuleFor(c => c.DeputyTitle).Must(IsUpper).WithMessage(_ => new Message("Viết in hoa, như trên văn bản (Nghị định 30/2020/NĐ-CP).").Format());
    }

    private static bool IsUpper(string? text) => text is null || text == text.ToUpper(new System.Globalization.CultureInfo("vi-VN"));
}

public sealed class ListSigningAuthoritiesHandler(CommendationsDbContext db) : IRequestHandler<ListSigningAuthorities, IReadOnlyList<SigningAuthorityView>>
{
    public async Task<IReadOnlyList<SigningAuthorityView>> Handle(ListSigningAuthorities request, CancellationToken cancellationToken)
    {
        var versions = await db.SigningAuthorities.AsNoTracking().OrderBy(a => a.EffectiveFrom).ToListAsync(cancellationToken);
        return versions.Select((v, i) => AddSigningAuthorityHandler.View(v, i + 1 < versions.Count ? versions[i + 1].EffectiveFrom.AddDays(-1) : null)).ToList();
    }
}

public sealed class AddSigningAuthorityHandler(CommendationsDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<AddSigningAuthority, SigningAuthorityView>
{
    public async Task<SigningAuthorityView> Handle(AddSigningAuthority r, CancellationToken cancellationToken)
    {
        var latest = await db.SigningAuthorities.OrderByDescending(a => a.EffectiveFrom).Select(a => (DateOnly?)a.EffectiveFrom).FirstOrDefaultAsync(cancellationToken);
        if (latest is { } last && r.EffectiveFrom <= last)
            throw new InputException("effectiveFrom", new Message("Phiên bản mới phải có hiệu lực sau phiên bản gần nhất ({0}).", last));
        var version = new SigningAuthority(r.EffectiveFrom, r.IssuerName.Trim(), r.Place.Trim(), r.AuthorityLine.Trim(), r.HeadTitle.Trim(), r.DeputyTitle.Trim(),
            r.ProposalLine.Trim(), r.ExecutionLine.Trim(), r.Recipients.Select(x => x.Trim()), user.UserId, clock.GetUtcNow());
        db.SigningAuthorities.Add(version);
        var view = View(version, null);
        await audit.RecordAsync(SaveLegalInstrumentHandler.Stream, "signing-authority.added", data: view, cancellationToken: cancellationToken);
        return view;
    }

    public static SigningAuthorityView View(SigningAuthority a, DateOnly? until) =>
        new(a.Id, a.EffectiveFrom, until, a.IssuerName, a.Place, a.AuthorityLine, a.HeadTitle, a.DeputyTitle, a.ProposalLine, a.ExecutionLine, a.Recipients, a.CreatedAt);
}
