using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    stream = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    action = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    step_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    data = table.Column<string>(type: "text", nullable: false),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_streams",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false),
                    last_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    seal = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_streams", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "award_forms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    certificate_title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, defaultValue: "BẰNG KHEN"),
                    certificate_layout = table.Column<string>(type: "jsonb", nullable: true),
                    nominee_kinds = table.Column<string[]>(type: "text[]", nullable: false),
                    required_documents = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_award_forms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    provisional = table.Column<bool>(type: "boolean", nullable: false),
                    swapped_with = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_days", x => x.date);
                });

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

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    plan_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    dossier_open = table.Column<DateOnly>(type: "date", nullable: false),
                    dossier_close = table.Column<DateOnly>(type: "date", nullable: false),
                    awards = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "committees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    minutes_recipients = table.Column<List<string>>(type: "text[]", nullable: false),
                    members = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committees", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    issuing_body = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    signer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signer_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signer_capacity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, defaultValue: "Head"),
                    citation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    issued_by = table.Column<Guid>(type: "uuid", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    amends_decision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    leader_signature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    seal_role = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    seal_scope = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    central_authority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    register_series = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decisions", x => x.id);
                });

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
                name: "emulation_clusters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_emulation_clusters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    request_fingerprint = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    response = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_records", x => new { x.user_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    subject_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: true),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outbox_message_id = table.Column<long>(type: "bigint", nullable: true),
                    job_failure_id = table.Column<Guid>(type: "uuid", nullable: true),
                    committee = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "job_failures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_type = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    job_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    job_group = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retried_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    retried_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_failures", x => x.id);
                });

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
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dedupe_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    email_to = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    email_attempts = table.Column<int>(type: "integer", nullable: false),
                    email_last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "repair_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    command = table.Column<string>(type: "jsonb", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    summary = table.Column<string>(type: "text", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decided_by = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decision_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_repair_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "saved_scenarios",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    scenario = table.Column<string>(type: "jsonb", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_scenarios", x => x.id);
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

            migrationBuilder.CreateTable(
                name: "workflow_definitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    publication_requested_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    publication_requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    publication_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "Administrator"),
                    shipped_version = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_definitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registration_windows",
                columns: table => new
                {
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    closes_on = table.Column<DateOnly>(type: "date", nullable: false),
                    opened_by = table.Column<Guid>(type: "uuid", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registration_windows", x => x.campaign_id);
                    table.ForeignKey(
                        name: "fk_registration_windows_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "council_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    opened_by = table.Column<Guid>(type: "uuid", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    minutes_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    chair_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    secretary_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_council_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_council_sessions_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decision_signing_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    prepared_pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    digest = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
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
                    verification = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    signatures = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'[]'::jsonb")
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

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cluster_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_units_emulation_clusters_cluster_id",
                        column: x => x.cluster_id,
                        principalTable: "emulation_clusters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_units_units_parent_id",
                        column: x => x.parent_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "session_attendance",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recused_from = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_attendance", x => new { x.session_id, x.member_user_id });
                    table.ForeignKey(
                        name: "fk_session_attendance_council_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "council_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_ballot_box",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    @sealed = table.Column<byte[]>(name: "sealed", type: "bytea", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_ballot_box", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_ballot_box_council_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "council_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_ballots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    choice = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    written = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_ballots", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_ballots_council_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "council_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "collectives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    identity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    headcount = table.Column<int>(type: "integer", nullable: false),
                    women = table.Column<int>(type: "integer", nullable: false),
                    advanced_workers = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collectives", x => x.id);
                    table.ForeignKey(
                        name: "fk_collectives_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    identity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    full_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    gender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    birth_year = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                    table.ForeignKey(
                        name: "fk_people_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "title_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registered_by = table.Column<Guid>(type: "uuid", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    titles = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_title_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_title_registrations_registration_windows_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "registration_windows",
                        principalColumn: "campaign_id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_title_registrations_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    email_notifications = table.Column<bool>(type: "boolean", nullable: false),
                    preferred_language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "nominations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    collective_id = table.Column<Guid>(type: "uuid", nullable: true),
                    nominee_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    award_form_id = table.Column<Guid>(type: "uuid", nullable: false),
                    achievement_summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    current_step = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    round = table.Column<int>(type: "integer", nullable: false),
                    workflow_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nominations", x => x.id);
                    table.ForeignKey(
                        name: "fk_nominations_award_forms_award_form_id",
                        column: x => x.award_form_id,
                        principalTable: "award_forms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_nominations_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_nominations_collectives_collective_id",
                        column: x => x.collective_id,
                        principalTable: "collectives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_nominations_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_nominations_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_nominations_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "substitutions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    principal_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    substitute_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_substitutions", x => x.id);
                    table.CheckConstraint("ck_substitutions_range", "starts_on <= ends_on AND principal_user_id <> substitute_user_id");
                    table.ForeignKey(
                        name: "fk_substitutions_users_principal_user_id",
                        column: x => x.principal_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_substitutions_users_substitute_user_id",
                        column: x => x.substitute_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                    nominee_identity_id = table.Column<Guid>(type: "uuid", nullable: true),
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
                    central_authority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
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
                name: "disclosure_comments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    handling = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    handled_by = table.Column<Guid>(type: "uuid", nullable: true),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disclosure_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_disclosure_comments_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "forwarding_sends",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    endpoint = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    package_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    package_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sent_by = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    response = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forwarding_sends", x => x.id);
                    table.ForeignKey(
                        name: "fk_forwarding_sends_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "nomination_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    signature = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nomination_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_nomination_documents_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "session_agenda_items",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    secret = table.Column<bool>(type: "boolean", nullable: false),
                    engine_tally = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    yes = table.Column<int>(type: "integer", nullable: false),
                    no = table.Column<int>(type: "integer", nullable: false),
                    abstain = table.Column<int>(type: "integer", nullable: false),
                    recused = table.Column<int>(type: "integer", nullable: false),
                    not_voting = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_agenda_items", x => new { x.session_id, x.nomination_id });
                    table.ForeignKey(
                        name: "fk_session_agenda_items_council_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "council_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_session_agenda_items_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "workflow_instances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    definition_version = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "jsonb", nullable: false),
                    current_step = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    is_completed = table.Column<bool>(type: "boolean", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_instances", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_instances_nominations_nomination_id",
                        column: x => x.nomination_id,
                        principalTable: "nominations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "document_contents",
                columns: table => new
                {
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_contents", x => x.document_id);
                    table.ForeignKey(
                        name: "fk_document_contents_nomination_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "nomination_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_escalations",
                columns: table => new
                {
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    escalate_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_escalations", x => new { x.instance_id, x.task_key, x.level });
                    table.ForeignKey(
                        name: "fk_task_escalations_workflow_instances_instance_id",
                        column: x => x.instance_id,
                        principalTable: "workflow_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_reminders",
                columns: table => new
                {
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    remind_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_reminders", x => new { x.instance_id, x.task_key, x.remind_at });
                    table.ForeignKey(
                        name: "fk_task_reminders_workflow_instances_instance_id",
                        column: x => x.instance_id,
                        principalTable: "workflow_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workflow_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nomination_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    nominee_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    task_key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    step_key = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    assignee_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_role = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    assignee_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reminder_times = table.Column<List<DateTimeOffset>>(type: "timestamp with time zone[]", nullable: false),
                    escalate_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    outcome = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    closed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    claimed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deadline_passed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workflow_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_workflow_tasks_workflow_instances_instance_id",
                        column: x => x.instance_id,
                        principalTable: "workflow_instances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "task_follow_ups",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    remind_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_task_follow_ups", x => new { x.task_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_task_follow_ups_workflow_tasks_task_id",
                        column: x => x.task_id,
                        principalTable: "workflow_tasks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[,]
                {
                    { new Guid("00000000-0000-0000-0000-000000000001"), "role-1", "emulationOfficer", "EMULATIONOFFICER" },
                    { new Guid("00000000-0000-0000-0000-000000000002"), "role-2", "committeeMember", "COMMITTEEMEMBER" },
                    { new Guid("00000000-0000-0000-0000-000000000003"), "role-3", "appraiser", "APPRAISER" },
                    { new Guid("00000000-0000-0000-0000-000000000004"), "role-4", "provincialLeader", "PROVINCIALLEADER" },
                    { new Guid("00000000-0000-0000-0000-000000000005"), "role-5", "administrator", "ADMINISTRATOR" },
                    { new Guid("00000000-0000-0000-0000-000000000006"), "role-6", "unitHead", "UNITHEAD" },
                    { new Guid("00000000-0000-0000-0000-000000000007"), "role-7", "clerk", "CLERK" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_stream_sequence",
                table: "audit_entries",
                columns: new[] { "stream", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_award_forms_code",
                table: "award_forms",
                column: "code",
                unique: true);

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
                name: "ix_award_records_nominee_identity_id",
                table: "award_records",
                column: "nominee_identity_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_calendar_imports_year_origin_content_hash",
                table: "calendar_imports",
                columns: new[] { "year", "origin", "content_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_code",
                table: "campaigns",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_collectives_identity_id",
                table: "collectives",
                column: "identity_id");

            migrationBuilder.CreateIndex(
                name: "ix_collectives_unit_id",
                table: "collectives",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_committees_code",
                table: "committees",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_council_sessions_committee_id_status",
                table: "council_sessions",
                columns: new[] { "committee_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_decision_signing_sessions_decision_id",
                table: "decision_signing_sessions",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_issuing_body_year_sequence",
                table: "decisions",
                columns: new[] { "issuing_body", "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_definition_upgrades_record_id_kind",
                table: "definition_upgrades",
                columns: new[] { "record_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_disclosure_comments_campaign_id_received_at",
                table: "disclosure_comments",
                columns: new[] { "campaign_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_disclosure_comments_nomination_id_kind_handled_at",
                table: "disclosure_comments",
                columns: new[] { "nomination_id", "kind", "handled_at" });

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

            migrationBuilder.CreateIndex(
                name: "ix_emulation_clusters_code",
                table: "emulation_clusters",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_forwarding_sends_nomination_id_sent_at",
                table: "forwarding_sends",
                columns: new[] { "nomination_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_kind_subject_key",
                table: "incidents",
                columns: new[] { "kind", "subject_key" },
                unique: true,
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_resolved_at",
                table: "incidents",
                column: "resolved_at");

            migrationBuilder.CreateIndex(
                name: "ix_job_failures_failed_at",
                table: "job_failures",
                column: "failed_at",
                filter: "retried_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_legal_instruments_number",
                table: "legal_instruments",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_minutes_signing_sessions_session_id",
                table: "minutes_signing_sessions",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_nomination_documents_nomination_id",
                table: "nomination_documents",
                column: "nomination_id");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_award_form_id",
                table: "nominations",
                column: "award_form_id");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_campaign_id_status_current_step",
                table: "nominations",
                columns: new[] { "campaign_id", "status", "current_step" });

            migrationBuilder.CreateIndex(
                name: "ix_nominations_collective_id",
                table: "nominations",
                column: "collective_id");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_decision_id",
                table: "nominations",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_person_id",
                table: "nominations",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_submitted_campaign_status_created",
                table: "nominations",
                columns: new[] { "campaign_id", "status", "created_at", "id" },
                descending: new[] { false, false, true, true },
                filter: "submitted_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_nominations_unit_id_campaign_id_status_created_at",
                table: "nominations",
                columns: new[] { "unit_id", "campaign_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_dedupe_key",
                table: "notifications",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_email_pending",
                table: "notifications",
                column: "created_at",
                filter: "email_to IS NOT NULL AND email_sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_user_id_created_at",
                table: "notifications",
                columns: new[] { "recipient_user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_unread",
                table: "notifications",
                column: "recipient_user_id",
                filter: "read_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                column: "id",
                filter: "processed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_people_identity_id",
                table: "people",
                column: "identity_id");

            migrationBuilder.CreateIndex(
                name: "ix_people_unit_id",
                table: "people",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_repair_requests_nomination_id",
                table: "repair_requests",
                column: "nomination_id");

            migrationBuilder.CreateIndex(
                name: "ix_repair_requests_status",
                table: "repair_requests",
                column: "status",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "role_name_index",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_saved_scenarios_definition_id_name",
                table: "saved_scenarios",
                columns: new[] { "definition_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_agenda_items_nomination_id",
                table: "session_agenda_items",
                column: "nomination_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_ballot_box_session_id_nomination_id",
                table: "session_ballot_box",
                columns: new[] { "session_id", "nomination_id" });

            migrationBuilder.CreateIndex(
                name: "ix_session_ballots_session_id_nomination_id_member_user_id",
                table: "session_ballots",
                columns: new[] { "session_id", "nomination_id", "member_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_shipped_definition_imports_definition_id_shipped_version_co~",
                table: "shipped_definition_imports",
                columns: new[] { "definition_id", "shipped_version", "content_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_signed_decision_documents_decision_id_role",
                table: "signed_decision_documents",
                columns: new[] { "decision_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_signed_minutes_documents_session_id_role",
                table: "signed_minutes_documents",
                columns: new[] { "session_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_signing_authorities_effective_from",
                table: "signing_authorities",
                column: "effective_from",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_submission_letter_signing_sessions_nomination_id",
                table: "submission_letter_signing_sessions",
                column: "nomination_id");

            migrationBuilder.CreateIndex(
                name: "ix_substitutions_principal_user_id_ends_on",
                table: "substitutions",
                columns: new[] { "principal_user_id", "ends_on" },
                filter: "revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_substitutions_substitute_user_id_ends_on",
                table: "substitutions",
                columns: new[] { "substitute_user_id", "ends_on" },
                filter: "revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_escalations_escalate_at",
                table: "task_escalations",
                column: "escalate_at");

            migrationBuilder.CreateIndex(
                name: "ix_task_follow_ups_user_id_remind_on",
                table: "task_follow_ups",
                columns: new[] { "user_id", "remind_on" });

            migrationBuilder.CreateIndex(
                name: "ix_task_reminders_remind_at",
                table: "task_reminders",
                column: "remind_at");

            migrationBuilder.CreateIndex(
                name: "ix_title_registrations_campaign_id_unit_id",
                table: "title_registrations",
                columns: new[] { "campaign_id", "unit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_title_registrations_unit_id",
                table: "title_registrations",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_cluster_id",
                table: "units",
                column: "cluster_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_code",
                table: "units",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_units_parent_id",
                table: "units",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "email_index",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_unit_id",
                table: "users",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "user_name_index",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_definitions_definition_id_version",
                table: "workflow_definitions",
                columns: new[] { "definition_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_instances_definition_id_definition_version_is_comp~",
                table: "workflow_instances",
                columns: new[] { "definition_id", "definition_version", "is_completed" });

            migrationBuilder.CreateIndex(
                name: "ix_workflow_instances_nomination_id",
                table: "workflow_instances",
                column: "nomination_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_assignee_role_assignee_unit_id_campaign_id_d~",
                table: "workflow_tasks",
                columns: new[] { "assignee_role", "assignee_unit_id", "campaign_id", "due_at" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_assignee_role_assignee_unit_id_due_at",
                table: "workflow_tasks",
                columns: new[] { "assignee_role", "assignee_unit_id", "due_at" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_assignee_role_assignee_unit_id_nominee_name_~",
                table: "workflow_tasks",
                columns: new[] { "assignee_role", "assignee_unit_id", "nominee_name", "id" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_assignee_user_id_campaign_id_due_at",
                table: "workflow_tasks",
                columns: new[] { "assignee_user_id", "campaign_id", "due_at" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_assignee_user_id_due_at",
                table: "workflow_tasks",
                columns: new[] { "assignee_user_id", "due_at" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_assignee_user_id_nominee_name_id",
                table: "workflow_tasks",
                columns: new[] { "assignee_user_id", "nominee_name", "id" },
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_claimed_by_due_at",
                table: "workflow_tasks",
                columns: new[] { "claimed_by", "due_at" },
                filter: "status = 'Open' AND claimed_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_closed_by_person",
                table: "workflow_tasks",
                column: "closed_at",
                filter: "closed_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_deadline_pending",
                table: "workflow_tasks",
                column: "due_at",
                filter: "status = 'Open' AND deadline_passed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_instance_id_task_key",
                table: "workflow_tasks",
                columns: new[] { "instance_id", "task_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_nomination_id",
                table: "workflow_tasks",
                column: "nomination_id");

            // What the model cannot say, then Quartz's own tables: static SQL shipped with this assembly (BaselineSql).
            migrationBuilder.Sql(BaselineSql.Read(BaselineSql.Objects));
            migrationBuilder.Sql(BaselineSql.Read(BaselineSql.QuartzTables));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Quartz's tables and the objects of baseline-objects.sql that outlive the tables below (functions, extensions).
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS qrtz_simple_triggers, qrtz_cron_triggers, qrtz_simprop_triggers, qrtz_blob_triggers,
                    qrtz_fired_triggers, qrtz_triggers, qrtz_job_details, qrtz_calendars, qrtz_paused_trigger_grps,
                    qrtz_paused_job_grps, qrtz_scheduler_state, qrtz_locks, qrtz_execution_history, qrtz_misfire_history,
                    qrtz_job_status, campaign_progress_counts CASCADE;
                """);
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "audit_streams");

            migrationBuilder.DropTable(
                name: "award_records");

            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "calendar_imports");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "decision_signing_sessions");

            migrationBuilder.DropTable(
                name: "definition_upgrades");

            migrationBuilder.DropTable(
                name: "disclosure_comments");

            migrationBuilder.DropTable(
                name: "document_contents");

            migrationBuilder.DropTable(
                name: "eligibility_rule_sets");

            migrationBuilder.DropTable(
                name: "forwarding_sends");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "job_failures");

            migrationBuilder.DropTable(
                name: "legal_instruments");

            migrationBuilder.DropTable(
                name: "minutes_signing_sessions");

            migrationBuilder.DropTable(
                name: "nomination_eligibility");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "register_counters");

            migrationBuilder.DropTable(
                name: "repair_requests");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "saved_scenarios");

            migrationBuilder.DropTable(
                name: "session_agenda_items");

            migrationBuilder.DropTable(
                name: "session_attendance");

            migrationBuilder.DropTable(
                name: "session_ballot_box");

            migrationBuilder.DropTable(
                name: "session_ballots");

            migrationBuilder.DropTable(
                name: "shipped_definition_imports");

            migrationBuilder.DropTable(
                name: "signed_decision_documents");

            migrationBuilder.DropTable(
                name: "signed_minutes_documents");

            migrationBuilder.DropTable(
                name: "signing_authorities");

            migrationBuilder.DropTable(
                name: "submission_letter_signing_sessions");

            migrationBuilder.DropTable(
                name: "substitutions");

            migrationBuilder.DropTable(
                name: "task_escalations");

            migrationBuilder.DropTable(
                name: "task_follow_ups");

            migrationBuilder.DropTable(
                name: "task_reminders");

            migrationBuilder.DropTable(
                name: "title_registrations");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "workflow_definitions");

            migrationBuilder.DropTable(
                name: "nomination_documents");

            migrationBuilder.DropTable(
                name: "council_sessions");

            migrationBuilder.DropTable(
                name: "workflow_tasks");

            migrationBuilder.DropTable(
                name: "registration_windows");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "committees");

            migrationBuilder.DropTable(
                name: "workflow_instances");

            migrationBuilder.DropTable(
                name: "nominations");

            migrationBuilder.DropTable(
                name: "award_forms");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "collectives");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "units");

            migrationBuilder.DropTable(
                name: "emulation_clusters");

            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS f_unaccent(text), notify_reference_data(), count_campaign_progress(), compact_campaign_progress(),
                    decisions_are_immutable(), signed_decision_documents_are_immutable(), signed_minutes_documents_are_immutable();
                """);
        }
    }
}
