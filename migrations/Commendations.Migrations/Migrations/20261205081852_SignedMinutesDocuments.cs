using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SignedMinutesDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "signed_minutes_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    signed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    signer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    verification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signed_minutes_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_signed_minutes_documents_council_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "council_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_signed_minutes_documents_session_id_role",
                table: "signed_minutes_documents",
                columns: new[] { "session_id", "role" },
                unique: true);
            // The signed minutes are never changed nor removed, like the signed decision.
            migrationBuilder.Sql("""
                CREATE FUNCTION signed_minutes_documents_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'A signed minutes document cannot be changed or removed.' USING ERRCODE = 'P0001';
                END $$;
                CREATE TRIGGER signed_minutes_documents_immutable BEFORE UPDATE OR DELETE ON signed_minutes_documents
                    FOR EACH ROW EXECUTE FUNCTION signed_minutes_documents_are_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER signed_minutes_documents_immutable ON signed_minutes_documents; DROP FUNCTION signed_minutes_documents_are_immutable();");
            migrationBuilder.DropTable(
                name: "signed_minutes_documents");
        }
    }
}
