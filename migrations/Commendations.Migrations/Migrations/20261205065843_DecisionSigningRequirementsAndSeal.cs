using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class DecisionSigningRequirementsAndSeal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_signed_decision_documents_decision_id",
                table: "signed_decision_documents");

            migrationBuilder.AddColumn<string>(
                name: "role",
                table: "signed_decision_documents",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Leader"); // the documents stored so far are the leaders' signed decisions

            migrationBuilder.AddColumn<string>(
                name: "signatures",
                table: "signed_decision_documents",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'[]'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "leader_signature",
                table: "decisions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Optional"); // decisions issued so far took effect when issued and could be signed afterwards

            migrationBuilder.AddColumn<string>(
                name: "register_series",
                table: "decisions",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "seal_role",
                table: "decisions",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "seal_scope",
                table: "decisions",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "role",
                table: "decision_signing_sessions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Leader"); // open sessions so far are the leaders'

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[] { new Guid("00000000-0000-0000-0000-000000000007"), "role-7", "clerk", "CLERK" });

            migrationBuilder.CreateIndex(
                name: "ix_signed_decision_documents_decision_id_role",
                table: "signed_decision_documents",
                columns: new[] { "decision_id", "role" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_signed_decision_documents_decision_id_role",
                table: "signed_decision_documents");

            migrationBuilder.DeleteData(
                table: "roles",
                keyColumn: "id",
                keyValue: new Guid("00000000-0000-0000-0000-000000000007"));

            migrationBuilder.DropColumn(
                name: "role",
                table: "signed_decision_documents");

            migrationBuilder.DropColumn(
                name: "signatures",
                table: "signed_decision_documents");

            migrationBuilder.DropColumn(
                name: "leader_signature",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "register_series",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "seal_role",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "seal_scope",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "role",
                table: "decision_signing_sessions");

            migrationBuilder.CreateIndex(
                name: "ix_signed_decision_documents_decision_id",
                table: "signed_decision_documents",
                column: "decision_id",
                unique: true);
        }
    }
}
