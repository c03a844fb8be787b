using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class DefinitionOwnershipAndUpgrades : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "origin",
                table: "workflow_definitions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Administrator");

            migrationBuilder.AddColumn<int>(
                name: "shipped_version",
                table: "workflow_definitions",
                type: "integer",
                nullable: true);

            // Versions imported from workflows/ before origins were recorded carry the importer's author name.
            migrationBuilder.Sql("""
                UPDATE workflow_definitions SET origin = 'Shipped', shipped_version = version WHERE author = 'workflows/ (shipped)';
                """);

            migrationBuilder.CreateTable(
                name: "definition_upgrades",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    from_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    to_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_definition_upgrades", x => x.id);
                    table.ForeignKey(
                        name: "fk_definition_upgrades_workflow_definitions_record_id",
                        column: x => x.record_id,
                        principalTable: "workflow_definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shipped_definition_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    shipped_version = table.Column<int>(type: "integer", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stored_version = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shipped_definition_imports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_definition_upgrades_record_id_kind",
                table: "definition_upgrades",
                columns: new[] { "record_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shipped_definition_imports_definition_id_shipped_version_co~",
                table: "shipped_definition_imports",
                columns: new[] { "definition_id", "shipped_version", "content_hash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "definition_upgrades");

            migrationBuilder.DropTable(
                name: "shipped_definition_imports");

            migrationBuilder.DropColumn(
                name: "origin",
                table: "workflow_definitions");

            migrationBuilder.DropColumn(
                name: "shipped_version",
                table: "workflow_definitions");
        }
    }
}
