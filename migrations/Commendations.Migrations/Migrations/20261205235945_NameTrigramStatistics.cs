using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <summary>
    /// ANALYZE's frequencies of the trigrams of the unaccented nominee names (most common elements), so the nominations
    /// search can look up a rare word of a multi-word search alone (TrigramNarrowing, ListNominations). A statistics
    /// object, not an index: nothing is written when a name changes. Analysed once here so an existing database has the
    /// frequencies now, not after its next automatic ANALYZE.
    /// </summary>
    public partial class NameTrigramStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE STATISTICS st_nominations_nominee_name_trigrams ON (show_trgm(f_unaccent(nominee_name))) FROM nominations;");
            migrationBuilder.Sql("ANALYZE nominations;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP STATISTICS st_nominations_nominee_name_trigrams;");
        }
    }
}
