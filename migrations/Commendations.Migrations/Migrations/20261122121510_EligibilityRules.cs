using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class EligibilityRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "eligibility_rule_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    award_form_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    rules = table.Column<string>(type: "jsonb", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_eligibility_rule_sets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "nomination_eligibility",
                columns: table => new
                {
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_set_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rule_set_version = table.Column<int>(type: "integer", nullable: true),
                    rules_effective_from = table.Column<DateOnly>(type: "date", nullable: true),
                    overall = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    results = table.Column<string>(type: "jsonb", nullable: false),
                    evaluated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nomination_eligibility", x => x.nomination_id);
                    table.ForeignKey(
                        name: "fk_nomination_eligibility_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_eligibility_rule_sets_award_form_code_effective_from",
                table: "eligibility_rule_sets",
                columns: new[] { "award_form_code", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_eligibility_rule_sets_award_form_code_version",
                table: "eligibility_rule_sets",
                columns: new[] { "award_form_code", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "eligibility_rule_sets");

            migrationBuilder.DropTable(
                name: "nomination_eligibility");
        }
    }
}
