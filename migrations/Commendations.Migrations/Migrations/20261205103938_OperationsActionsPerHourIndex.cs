using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class OperationsActionsPerHourIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_workflow_tasks_closed_by_person",
                table: "workflow_tasks",
                column: "closed_at",
                filter: "closed_by IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workflow_tasks_closed_by_person",
                table: "workflow_tasks");
        }
    }
}
