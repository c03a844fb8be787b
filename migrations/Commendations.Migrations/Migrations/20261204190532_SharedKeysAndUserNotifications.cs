using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class SharedKeysAndUserNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            // Every node caches each signed-in user's security stamp and lock (Commendations.Web.Auth.SessionStamps, through
            // ReferenceDataCache): a change to users, committed anywhere, must drop it on every node at once. The function
            // is the reference-data one (payload: the table name).
            migrationBuilder.Sql("""
                CREATE TRIGGER users_notify_reference_data
                AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
                FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_data();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER users_notify_reference_data ON users;");
            migrationBuilder.DropTable(
                name: "data_protection_keys");
        }
    }
}
