using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <summary>
    /// Names are searched without diacritics: PostgreSQL's unaccent (its rules map đ to d too), wrapped as an immutable
    /// function so it can be indexed, and trigram GIN indexes on the unaccented names that serve ILIKE '%…%'.
    /// Both extensions ship with PostgreSQL's contrib modules.
    /// </summary>
    public partial class SearchWithoutDiacritics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            // The two-argument form names its dictionary, so the function's result never depends on search_path: safe to index.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
                """);
            // ListNominations' search (and the reviewer's list over a million nominations).
            migrationBuilder.Sql("CREATE INDEX ix_nominations_nominee_name_unaccent_trgm ON nominations USING gin (f_unaccent(nominee_name) gin_trgm_ops);");
            // SearchRegistry's person and collective filters.
            migrationBuilder.Sql("CREATE INDEX ix_award_records_nominee_name_unaccent_trgm ON award_records USING gin (f_unaccent(nominee_name) gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_award_records_nominee_name_unaccent_trgm;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_nominations_nominee_name_unaccent_trgm;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS f_unaccent(text);");
        }
    }
}
