namespace Commendations.Features.Definitions;

/// <summary>The largest workflow definition document (or simulation scenario) the app takes: far beyond any real route.</summary>
public static class DefinitionLimits
{
    public const int MaxDocumentLength = 1_000_000;
}
