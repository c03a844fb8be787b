using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Commendations.Persistence;

/// <summary>PostgreSQL's timestamptz takes UTC only; the engine speaks local time (+07:00). Every instant is stored as UTC.</summary>
internal sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
