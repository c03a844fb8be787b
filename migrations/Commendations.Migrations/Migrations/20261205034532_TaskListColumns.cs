using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <summary>
    /// The task list's campaign filter, name search and name sort read the campaign and nominee name copied onto the task
    /// (filled here from the nominations for existing rows), with an index per part of "my tasks" and a trigram index on
    /// the open tasks' unaccented names: at 1,000,000 nominations these cases joined every task of a member to its
    /// nomination (63–160 ms; RESULTS.md).
    /// </summary>
    public partial class TaskListColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "campaign_id",
                table: "workflow_tasks",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "nominee_name",
                table: "workflow_tasks",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE workflow_tasks t SET campaign_id = n.campaign_id, nominee_name = n.nominee_name
                FROM nominations n WHERE n.id = t.nomination_id;
                """);
            // The defaults only filled the existing rows before the copy; every new task states both.
            migrationBuilder.Sql("ALTER TABLE workflow_tasks ALTER COLUMN campaign_id DROP DEFAULT, ALTER COLUMN nominee_name DROP DEFAULT;");
            migrationBuilder.Sql("""
                CREATE INDEX ix_workflow_tasks_open_nominee_name_unaccent_trgm ON workflow_tasks
                USING gin (f_unaccent(nominee_name) gin_trgm_ops) WHERE status = 'Open';
                """);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_assignee_role_assignee_unit_id_campaign_id_d~",
                table: "workflow_tasks",
                columns: new[] { "assignee_role", "assignee_unit_id", "campaign_id", "due_at" },
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
                name: "ix_workflow_tasks_assignee_user_id_nominee_name_id",
                table: "workflow_tasks",
                columns: new[] { "assignee_user_id", "nominee_name", "id" },
                filter: "status = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_workflow_tasks_open_nominee_name_unaccent_trgm;");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_assignee_role_assignee_unit_id_campaign_id_d~",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_assignee_role_assignee_unit_id_nominee_name_~",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_assignee_user_id_campaign_id_due_at",
                table: "workflow_tasks");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_assignee_user_id_nominee_name_id",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "campaign_id",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "nominee_name",
                table: "workflow_tasks");
        }
    }
}
