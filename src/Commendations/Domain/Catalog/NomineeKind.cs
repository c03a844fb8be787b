namespace Commendations.Domain.Catalog;

/// <summary>Kinds of nominee (tập thể / cá nhân / hộ gia đình). Engine facts use the lowercase names.</summary>
public enum NomineeKind
{
    Collective,
    Individual,
    Household,
}

public static class NomineeKindNames
{
    public static string ToFact(this NomineeKind kind) => kind.ToString().ToLowerInvariant();
}
