using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class CalendarSourcesAndImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "provisional",
                table: "calendar_days",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "calendar_days",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "swapped_with",
                table: "calendar_days",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_imports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    year = table.Column<int>(type: "integer", nullable: false),
                    origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    summary = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_imports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_imports_year_origin_content_hash",
                table: "calendar_imports",
                columns: new[] { "year", "origin", "content_hash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_imports");

            migrationBuilder.DropColumn(
                name: "provisional",
                table: "calendar_days");

            migrationBuilder.DropColumn(
                name: "source",
                table: "calendar_days");

            migrationBuilder.DropColumn(
                name: "swapped_with",
                table: "calendar_days");
        }
    }
}
