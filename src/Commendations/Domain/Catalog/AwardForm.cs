namespace Commendations.Domain.Catalog;

/// <summary>A form of award (Bằng khen, Chiến sĩ thi đua, Cờ thi đua...), for collectives, individuals or both.</summary>
public class AwardForm
{
    public const int CodeMaxLength = 40;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Stable code used by workflow definitions' appliesTo.awardForms, e.g. <c>bang-khen-tinh</c>.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public List<NomineeKind> NomineeKinds { get; private set; } = [];

    /// <summary>Documents a dossier must hold before it can be submitted.</summary>
    public List<DocumentKind> RequiredDocuments { get; private set; } = [];

    private AwardForm() { }

    public AwardForm(string code, string name, IEnumerable<NomineeKind> kinds, IEnumerable<DocumentKind> requiredDocuments)
    {
        Code = code;
        Name = name;
        NomineeKinds = kinds.ToList();
        RequiredDocuments = requiredDocuments.ToList();
    }

    public void Edit(string name, IEnumerable<NomineeKind> kinds, IEnumerable<DocumentKind> requiredDocuments)
    {
        Name = name;
        NomineeKinds = kinds.ToList();
        RequiredDocuments = requiredDocuments.ToList();
    }

    public bool IsFor(NomineeKind kind) => NomineeKinds.Contains(kind);
}
