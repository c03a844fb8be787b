using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SignedDecisionDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "decision_signing_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prepared_pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    digest = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_signing_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_decision_signing_sessions_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "signed_decision_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    signer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    certificate_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    signed_by = table.Column<Guid>(type: "uuid", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    verification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signed_decision_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_signed_decision_documents_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_decision_signing_sessions_decision_id",
                table: "decision_signing_sessions",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_signed_decision_documents_decision_id",
                table: "signed_decision_documents",
                column: "decision_id",
                unique: true);
            // The document of record is never changed nor removed, like the decision itself.
            migrationBuilder.Sql("""
                CREATE FUNCTION signed_decision_documents_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'A signed decision document cannot be changed or removed.' USING ERRCODE = 'P0001';
                END $$;
                CREATE TRIGGER signed_decision_documents_immutable BEFORE UPDATE OR DELETE ON signed_decision_documents
                    FOR EACH ROW EXECUTE FUNCTION signed_decision_documents_are_immutable();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER signed_decision_documents_immutable ON signed_decision_documents; DROP FUNCTION signed_decision_documents_are_immutable();");
            migrationBuilder.DropTable(
                name: "decision_signing_sessions");

            migrationBuilder.DropTable(
                name: "signed_decision_documents");
        }
    }
}
