using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class TaskClaimsAndFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "claimed_at",
                table: "workflow_tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "claimed_by",
                table: "workflow_tasks",
                type: "uuid",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_claimed_by_due_at",
                table: "workflow_tasks",
                columns: new[] { "claimed_by", "due_at" },
                filter: "status = 'Open' AND claimed_by IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_task_follow_ups_user_id_remind_on",
                table: "task_follow_ups",
                columns: new[] { "user_id", "remind_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "task_follow_ups");

            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_claimed_by_due_at",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "claimed_at",
                table: "workflow_tasks");

            migrationBuilder.DropColumn(
                name: "claimed_by",
                table: "workflow_tasks");
        }
    }
}
