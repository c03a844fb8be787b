using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Commendations.Persistence;

/// <summary>
/// snake_case names for tables, columns, keys and indexes, so hand-written SQL and psql read naturally.
/// EFCore.NamingConventions would do this, but no version for EF Core 10 is in the package mirror.
/// </summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.IsMappedToJson() && entity.GetContainerColumnName() is { } container)
                entity.SetContainerColumnName(ToSnake(container));
            if (entity.GetTableName() is { } table && entity.FindOwnership() is null && !entity.IsMappedToJson())
                entity.SetTableName(ToSnake(table));
            foreach (var property in entity.GetProperties())
            {
                if (entity.FindOwnership() is not null && entity.IsMappedToJson())
                    continue;
                if (property.IsConcurrencyToken && property.ClrType == typeof(uint))
                {
                    // A uint row version is PostgreSQL's system column xmin: it must keep that exact name.
                    property.SetColumnName("xmin");
                    continue;
                }
                var store = StoreObjectIdentifier.Create(entity, StoreObjectType.Table);
                if (store is { } id && property.GetColumnName(id) is { } column)
                    property.SetColumnName(ToSnake(column));
            }
            foreach (var key in entity.GetKeys())
                if (key.GetName() is { } name) key.SetName(ToSnake(name));
            foreach (var foreignKey in entity.GetForeignKeys())
                if (foreignKey.GetConstraintName() is { } name) foreignKey.SetConstraintName(ToSnake(name));
            foreach (var index in entity.GetIndexes())
                if (index.GetDatabaseName() is { } name) index.SetDatabaseName(ToSnake(name));
        }
    }

    public static string ToSnake(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (i > 0 && name[i - 1] != '_' && (previousIsLowerOrDigit || (nextIsLower && char.IsUpper(name[i - 1]))))
                    builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
