using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Commendations.Persistence;

/// <summary>
/// How <see cref="RowWriter"/> writes one entity type's rows, read once from the EF model: the table, the columns an
/// insert sends and those the database generates (an identity key, <c>xmin</c>), the columns an update may set, and the
/// SQL of each statement — written with positional parameters, so Npgsql sends it without parsing it, and the same text
/// every time, so PostgreSQL keeps it prepared. A type of any other shape (inheritance, owned or complex parts, a
/// table shared with another type, defaults the database fills, a concurrency token other than <c>xmin</c>) has no
/// shape, and its rows are left to EF Core's own SaveChanges.
/// </summary>
internal sealed class RowShape
{
    private readonly ConcurrentDictionary<ulong, string> _updates = new();
    private readonly string _table;

    private RowShape(IEntityType type, string table, int rank)
    {
        Type = type;
        _table = table;
        Rank = rank;
    }

    public IEntityType Type { get; }

    /// <summary>Principals come before their dependents: a new instance's row before its new task's.</summary>
    public int Rank { get; }

    public IReadOnlyList<IProperty> Key { get; private set; } = [];

    /// <summary>The type's <c>xmin</c> row version, checked on update and read back after every write.</summary>
    public IProperty? RowVersion { get; private set; }

    public IReadOnlyList<IProperty> InsertColumns { get; private set; } = [];

    /// <summary>Inserted columns whose value EF Core generates when the caller sets none (a key): temporary until saved by EF.</summary>
    public IReadOnlyList<IProperty> ClientGenerated { get; private set; } = [];

    /// <summary>What the database fills on insert (an identity key, <c>xmin</c>): read back into the entity.</summary>
    public IReadOnlyList<IProperty> Generated { get; private set; } = [];

    /// <summary>Every column an update may set, by its bit in a <see cref="UpdateSql"/> mask.</summary>
    public IReadOnlyList<IProperty> Updatable { get; private set; } = [];

    /// <summary>Updatable columns in a unique index: changing one may need another row changed first, which EF orders.</summary>
    public ulong UniqueMask { get; private set; }

    public string InsertSql { get; private set; } = "";

    private string Returning => RowVersion is null ? "1" : Quote(RowVersion.GetColumnName());

    /// <summary>An UPDATE of the columns in <paramref name="mask"/>, by key (and row version): one text per set of columns.</summary>
    public string UpdateSql(ulong mask) => _updates.GetOrAdd(mask, m =>
    {
        var parameter = 0;
        var set = Updatable.Where((_, i) => (m & (1UL << i)) != 0).Select(p => $"{Quote(p.GetColumnName())} = ${++parameter}").ToList();
        var where = Key.Select(p => $"{Quote(p.GetColumnName())} = ${++parameter}").ToList();
        if (RowVersion is not null)
            where.Add($"{Quote(RowVersion.GetColumnName())} = ${++parameter}");
        return $"UPDATE {_table} SET {string.Join(", ", set)} WHERE {string.Join(" AND ", where)} RETURNING {Returning}";
    });

    /// <summary>The shape of <paramref name="type"/>, or null when its rows must go through EF Core's SaveChanges.</summary>
    public static RowShape? Of(IEntityType type, int rank)
    {
        if (type.BaseType is not null || type.GetDerivedTypes().Any() || type.IsOwned() || type.GetComplexProperties().Any()
            || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.GetTableName() is not { } tableName
            || type.GetTableMappings().Count() != 1 || type.GetTableMappings().Single().Table.EntityTypeMappings.Count() != 1)
            return null;
        var properties = type.GetProperties().ToList();
        if (properties.Count > 64 || type.FindPrimaryKey() is not { } primaryKey)
            return null;

        var shape = new RowShape(type, type.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(tableName)}" : Quote(tableName), rank);
        var insert = new List<IProperty>();
        var generated = new List<IProperty>();
        foreach (var property in properties)
        {
            var isRowVersion = property.IsConcurrencyToken && property.ValueGenerated == ValueGenerated.OnAddOrUpdate && property.GetColumnName() == "xmin";
            if (property.IsConcurrencyToken && !isRowVersion)
                return null;
            var isIdentity = property.GetValueGenerationStrategy() is NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
                or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn;
            var filledByDatabase = property.GetDefaultValueSql() is not null || property.FindAnnotation(RelationalAnnotationNames.DefaultValue) is not null
                || property.GetComputedColumnSql() is not null || property.GetValueGenerationStrategy() is NpgsqlValueGenerationStrategy.SequenceHiLo
                or NpgsqlValueGenerationStrategy.Sequence;
            if (filledByDatabase)
                return null;
            if (isRowVersion)
                shape.RowVersion = property;
            if (isRowVersion || isIdentity)
                generated.Add(property);
            else
                insert.Add(property);
        }
        shape.Key = primaryKey.Properties;
        shape.InsertColumns = insert;
        shape.ClientGenerated = [.. insert.Where(p => p.ValueGenerated != ValueGenerated.Never)];
        shape.Generated = generated;
        shape.Updatable = [.. insert.Where(p => !p.IsPrimaryKey() && p.GetAfterSaveBehavior() == PropertySaveBehavior.Save)];
        foreach (var unique in type.GetIndexes().Where(i => i.IsUnique).Select(i => i.Properties).Concat(type.GetKeys().Select(k => k.Properties)))
        {
            foreach (var property in unique)
            {
                var bit = shape.IndexOf(property);
                if (bit >= 0)
                    shape.UniqueMask |= 1UL << bit;
            }
        }
        var parameter = 0;
        var returning = generated.Count == 0 ? "1" : string.Join(", ", generated.Select(p => Quote(p.GetColumnName())));
        shape.InsertSql = $"INSERT INTO {shape._table} ({string.Join(", ", insert.Select(p => Quote(p.GetColumnName())))}) "
                          + $"VALUES ({string.Join(", ", insert.Select(_ => $"${++parameter}"))}) RETURNING {returning}";
        return shape;
    }

    /// <summary>The property's bit among <see cref="Updatable"/>, or -1.</summary>
    public int IndexOf(IProperty property)
    {
        for (var i = 0; i < Updatable.Count; i++)
        {
            if (Updatable[i] == property)
                return i;
        }
        return -1;
    }

    /// <summary>Snake-case names need no quoting; quoted anyway, so no name is ever read as a keyword.</summary>
    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
