using Commendations.Scheduling;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <summary>
    /// Quartz.NET's job store tables (qrtz_*), from the PostgreSQL script Quartz.dll embeds, so the schedule's tables are
    /// under migration control like the rest (Quartz's ProvisionSchema only ever creates, never alters).
    /// </summary>
    public partial class QuartzTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(QuartzSchema.CreateScript());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(QuartzSchema.DropScript());
        }
    }
}
