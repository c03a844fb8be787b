using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <summary>
    /// Each user's notification settings: e-mail on or off (on for everyone already there) and the language of their
    /// notifications (Vietnamese for everyone already there); stored notification links point at the nomination page.
    /// </summary>
    public partial class UserNotificationPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "email_notifications",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "preferred_language",
                table: "users",
                type: "character varying(5)",
                maxLength: 5,
                nullable: false,
                defaultValue: "vi");

            // Notifications written before used the API's path, which no page answers: link the nomination page.
            migrationBuilder.Sql("""
                UPDATE notifications SET link = '/de-nghi/' || nomination_id::text
                WHERE nomination_id IS NOT NULL AND link LIKE '/nominations/%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "email_notifications",
                table: "users");

            migrationBuilder.DropColumn(
                name: "preferred_language",
                table: "users");
        }
    }
}
