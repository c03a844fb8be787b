using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <summary>
    /// Deadlines as data (issue 20): a task's due time is swept from its own row (<c>deadline_passed_at</c> null until
    /// handled, a partial index by due time); Quartz keeps no job per task. The per-task jobs and their due triggers
    /// (group <c>task-deadlines</c>) go. An open task whose deadline was handled before has no mark yet: the first
    /// sweep finds it overdue in the instance's state and marks it without telling anyone again.
    /// </summary>
    public partial class DeadlinesAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deadline_passed_at",
                table: "workflow_tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_deadline_pending",
                table: "workflow_tasks",
                column: "due_at",
                filter: "status = 'Open' AND deadline_passed_at IS NULL");

            migrationBuilder.Sql("""
                DELETE FROM qrtz_fired_triggers WHERE trigger_group = 'task-deadlines';
                DELETE FROM qrtz_simple_triggers WHERE trigger_group = 'task-deadlines';
                DELETE FROM qrtz_triggers WHERE trigger_group = 'task-deadlines';
                DELETE FROM qrtz_job_details WHERE job_group = 'task-deadlines';
                -- Deadline messages no dispatcher applied yet: their due times are the tasks' own rows now; their reminders
                -- would have been rows the dispatcher wrote (nothing is deployed yet, so none is expected).
                UPDATE outbox_messages SET processed_at = now()
                WHERE processed_at IS NULL AND kind IN ('deadline.scheduled', 'deadline.cancelled');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_deadline_pending",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "deadline_passed_at",
                table: "workflow_tasks");
        }
    }
}
