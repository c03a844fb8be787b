namespace Commendations.Domain.Units;

/// <summary>Since 01/07/2025 there is no district level: province, then departments and communes/wards, then their units.</summary>
public enum UnitLevel
{
    Province,
    Department,
    Commune,
    Unit,
}
