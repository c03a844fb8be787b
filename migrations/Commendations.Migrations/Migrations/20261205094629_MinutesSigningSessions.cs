using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class MinutesSigningSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "minutes_signing_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    prepared_pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    digest = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_minutes_signing_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_minutes_signing_sessions_council_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "council_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_minutes_signing_sessions_session_id",
                table: "minutes_signing_sessions",
                column: "session_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "minutes_signing_sessions");
        }
    }
}
