using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class TaskReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "ix_task_reminders_remind_at",
                table: "task_reminders",
                column: "remind_at");

            // Deadlines scheduled before reminder slots keep their per-task reminder triggers in Quartz; each one that
            // fires now runs a sweep (TaskTimerJob), and the catch-up sweep runs every minute, so their future reminders
            // only need to exist as rows. Past ones were the old triggers' to send.
            migrationBuilder.Sql("""
                INSERT INTO task_reminders (instance_id, task_key, nomination_id, remind_at, due_at)
                SELECT t.instance_id, t.task_key, t.nomination_id, r, t.due_at
                FROM workflow_tasks t, unnest(t.reminder_times) AS r
                WHERE t.status = 'Open' AND r > now()
                ON CONFLICT DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "task_reminders");
        }
    }
}
