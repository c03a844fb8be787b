using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class UnitLettersAndCertificateLayouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "certificate_layout",
                table: "award_forms",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "submission_letter_signing_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prepared_pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    digest = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submission_letter_signing_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_submission_letter_signing_sessions_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[] { new Guid("00000000-0000-0000-0000-000000000006"), "role-6", "unitHead", "UNITHEAD" });

            migrationBuilder.CreateIndex(
                name: "ix_submission_letter_signing_sessions_nomination_id",
                table: "submission_letter_signing_sessions",
                column: "nomination_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "submission_letter_signing_sessions");

            migrationBuilder.DeleteData(
                table: "roles",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-0000-0000-000000000006"));

            migrationBuilder.DropColumn(
                name: "certificate_layout",
                table: "award_forms");
        }
    }
}
