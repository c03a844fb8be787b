using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class DocumentsAsDataAndNomineeIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "identity_id",
                table: "people",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "signer_capacity",
                table: "decisions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Head");

            migrationBuilder.AddColumn<Guid>(
                name: "chair_user_id",
                table: "council_sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ended_at",
                table: "council_sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "minutes_number",
                table: "council_sessions",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "secretary_user_id",
                table: "council_sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "minutes_recipients",
                table: "committees",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<Guid>(
                name: "identity_id",
                table: "collectives",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "nominee_identity_id",
                table: "award_records",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "certificate_title",
                table: "award_forms",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "BẰNG KHEN");

            migrationBuilder.CreateTable(
                name: "legal_instruments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    applies_from = table.Column<DateOnly>(type: "date", nullable: false),
                    applies_until = table.Column<DateOnly>(type: "date", nullable: true),
                    order = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_instruments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "signing_authorities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    issuer_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    authority_line = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    head_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    deputy_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proposal_line = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    execution_line = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recipients = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signing_authorities", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_people_identity_id",
                table: "people",
                column: "identity_id");

            migrationBuilder.CreateIndex(
                name: "ix_collectives_identity_id",
                table: "collectives",
                column: "identity_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_records_nominee_identity_id",
                table: "award_records",
                column: "nominee_identity_id");

            migrationBuilder.CreateIndex(
                name: "ix_legal_instruments_number",
                table: "legal_instruments",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_signing_authorities_effective_from",
                table: "signing_authorities",
                column: "effective_from",
                unique: true);

            // Decisions issued before signed by a vice-chairman ("Phó Chủ tịch …") printed the head's signature block; they
            // sign for the head (KT.). The capacity is new, derived from the stored title: the content of the decision as
            // issued is not changed, so the immutability trigger is lifted for this one statement only.
            migrationBuilder.Sql("""
                ALTER TABLE decisions DISABLE TRIGGER decisions_immutable;
                UPDATE decisions SET signer_capacity = 'Deputy' WHERE lower(btrim(signer_title)) LIKE 'phó%';
                ALTER TABLE decisions ENABLE TRIGGER decisions_immutable;
                """);

            // Each award form's certificate title (Chiến sĩ thi đua cấp tỉnh receives a Bằng chứng nhận, a flag is a flag).
            migrationBuilder.Sql("""
                UPDATE award_forms SET certificate_title = CASE code
                    WHEN 'csdt-tinh' THEN 'BẰNG CHỨNG NHẬN'
                    WHEN 'csdt-co-so' THEN 'BẰNG CHỨNG NHẬN'
                    WHEN 'tap-the-ldxs' THEN 'BẰNG CHỨNG NHẬN'
                    WHEN 'co-thi-dua-tinh' THEN 'CỜ THI ĐUA'
                    ELSE certificate_title END;
                """);

            // Stable nominee identities. Every record starts as its own identity; records are linked only where it is
            // certain: people of the same unit with the same name (trimmed, case-insensitive), sex and birth year; collectives
            // of the same unit with the same name. The earliest record's id becomes the identity. Namesakes that differ in
            // sex or birth year stay apart, and nothing is linked across units.
            migrationBuilder.Sql("""
                UPDATE people SET identity_id = id;
                UPDATE collectives SET identity_id = id;
                UPDATE people p SET identity_id = g.first_id
                FROM (SELECT id, first_value(id) OVER (PARTITION BY unit_id, lower(btrim(regexp_replace(full_name, '\s+', ' ', 'g'))), gender, birth_year ORDER BY id) AS first_id
                      FROM people) g
                WHERE g.id = p.id AND g.first_id <> p.id;
                UPDATE collectives c SET identity_id = g.first_id
                FROM (SELECT id, first_value(id) OVER (PARTITION BY unit_id, lower(btrim(regexp_replace(name, '\s+', ' ', 'g'))) ORDER BY id) AS first_id
                      FROM collectives) g
                WHERE g.id = c.id AND g.first_id <> c.id;
                UPDATE award_records r SET nominee_identity_id = p.identity_id FROM people p WHERE r.person_id = p.id;
                UPDATE award_records r SET nominee_identity_id = c.identity_id FROM collectives c WHERE r.collective_id = c.id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "legal_instruments");

            migrationBuilder.DropTable(
                name: "signing_authorities");

            migrationBuilder.DropIndex(
                name: "ix_people_identity_id",
                table: "people");

            migrationBuilder.DropIndex(
                name: "ix_collectives_identity_id",
                table: "collectives");

            migrationBuilder.DropIndex(
                name: "ix_award_records_nominee_identity_id",
                table: "award_records");

            migrationBuilder.DropColumn(
                name: "identity_id",
                table: "people");

            migrationBuilder.DropColumn(
                name: "signer_capacity",
                table: "decisions");

            migrationBuilder.DropColumn(
                name: "chair_user_id",
                table: "council_sessions");

            migrationBuilder.DropColumn(
                name: "ended_at",
                table: "council_sessions");

            migrationBuilder.DropColumn(
                name: "minutes_number",
                table: "council_sessions");

            migrationBuilder.DropColumn(
                name: "secretary_user_id",
                table: "council_sessions");

            migrationBuilder.DropColumn(
                name: "minutes_recipients",
                table: "committees");

            migrationBuilder.DropColumn(
                name: "identity_id",
                table: "collectives");

            migrationBuilder.DropColumn(
                name: "nominee_identity_id",
                table: "award_records");

            migrationBuilder.DropColumn(
                name: "certificate_title",
                table: "award_forms");
        }
    }
}
