using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceDataNotificationsAndReviewerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_nominations_submitted_campaign_status_created",
                table: "nominations",
                columns: new[] { "campaign_id", "status", "created_at", "id" },
                descending: new[] { false, false, true, true },
                filter: "submitted_at IS NOT NULL");

            // Tell every node when reference data changes (delivered at commit), so its cache drops what it kept.
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_reference_data() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('reference_data', TG_TABLE_NAME);
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in ReferenceTables)
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_notify_reference_data
                    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_data();
                    """);
            }
        }

        // The tables Commendations.Workflow.ReferenceDataCache keeps (a test checks the two lists agree).
        public static readonly string[] ReferenceTables = ["calendar_days", "committees", "campaigns", "award_forms", "units"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in ReferenceTables)
                migrationBuilder.Sql($"DROP TRIGGER {table}_notify_reference_data ON {table};");
            migrationBuilder.Sql("DROP FUNCTION notify_reference_data();");

            migrationBuilder.DropIndex(
                name: "ix_nominations_submitted_campaign_status_created",
                table: "nominations");
        }
    }
}
