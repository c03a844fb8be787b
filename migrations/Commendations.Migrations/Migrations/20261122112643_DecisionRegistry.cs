using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class DecisionRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "amends_decision_id",
                table: "decisions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "award_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    series = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    register_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    collective_id = table.Column<Guid>(type: "uuid", nullable: true),
                    nominee_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    award_form_id = table.Column<Guid>(type: "uuid", nullable: false),
                    award_form_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    award_form_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    campaign_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    superseded_by_decision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revocation_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    revoking_decision_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    revocation_date = table.Column<DateOnly>(type: "date", nullable: true),
                    revoked_by = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_award_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_award_records_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_award_records_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "register_counters",
                columns: table => new
                {
                    series = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_register_counters", x => new { x.series, x.year });
                });

            migrationBuilder.CreateIndex(
                name: "ix_award_records_campaign_id_award_form_id_kind",
                table: "award_records",
                columns: new[] { "campaign_id", "award_form_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_award_records_collective_id",
                table: "award_records",
                column: "collective_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_records_decision_id",
                table: "award_records",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_records_nomination_id",
                table: "award_records",
                column: "nomination_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_records_person_id",
                table: "award_records",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_records_register_number",
                table: "award_records",
                column: "register_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_award_records_series_year_sequence",
                table: "award_records",
                columns: new[] { "series", "year", "sequence" },
                unique: true);

            // An issued decision is never edited or deleted (a correction is a new decision that amends it): enforced by
            // the database as well, so no code path or hand-written UPDATE can change one.
            migrationBuilder.Sql("""
                CREATE FUNCTION decisions_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'An issued decision cannot be changed; issue a decision that amends it.' USING ERRCODE = 'P0001';
                END $$;
                CREATE TRIGGER decisions_immutable BEFORE UPDATE OR DELETE ON decisions
                    FOR EACH ROW EXECUTE FUNCTION decisions_are_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER decisions_immutable ON decisions; DROP FUNCTION decisions_are_immutable();");
            migrationBuilder.DropTable(
                name: "award_records");

            migrationBuilder.DropTable(
                name: "register_counters");

            migrationBuilder.DropColumn(
                name: "amends_decision_id",
                table: "decisions");
        }
    }
}
