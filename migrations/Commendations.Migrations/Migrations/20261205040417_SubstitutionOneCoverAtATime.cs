using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <summary>
    /// One substitute at a time for a person, kept by PostgreSQL too: SetSubstitute checks the overlap first (with a
    /// sentence naming the dates), but two requests racing past that check together would otherwise both be saved. An
    /// exclusion constraint over the active (unrevoked) ranges; btree_gist (a contrib module shipped with PostgreSQL)
    /// lets the GiST index compare the uuid by equality.
    /// </summary>
    public partial class SubstitutionOneCoverAtATime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE substitutions ADD CONSTRAINT ex_substitutions_one_cover_at_a_time
                EXCLUDE USING gist (principal_user_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&) WHERE (revoked_at IS NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE substitutions DROP CONSTRAINT IF EXISTS ex_substitutions_one_cover_at_a_time;");
        }
    }
}
