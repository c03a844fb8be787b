namespace Commendations.Domain.Registry;

/// <summary>
/// The last certificate register number used per series and year. Numbers are taken by one atomic
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> that locks this row until the decision's transaction ends, so two
/// decisions issued at once get consecutive, non-overlapping blocks.
/// </summary>
public class RegisterCounter
{
    public string Series { get; private set; } = "";
    public int Year { get; private set; }
    public int LastNumber { get; private set; }

    private RegisterCounter() { }
}
