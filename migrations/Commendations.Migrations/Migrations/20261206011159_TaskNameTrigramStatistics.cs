using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <summary>
    /// ANALYZE's frequencies of the trigrams of the tasks' unaccented nominee names, so the task list's search can look up
    /// a rare word of a multi-word search alone (TrigramNarrowing, ListMyTasks), as NameTrigramStatistics does for the
    /// nominations list. Over all tasks (a statistics object has no WHERE): the open tasks' names are drawn from the same
    /// nominations, so their frequencies are alike. Analysed once here so an existing database has them now.
    /// </summary>
    public partial class TaskNameTrigramStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE STATISTICS st_workflow_tasks_nominee_name_trigrams ON (show_trgm(f_unaccent(nominee_name))) FROM workflow_tasks;");
            migrationBuilder.Sql("ANALYZE workflow_tasks;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP STATISTICS st_workflow_tasks_nominee_name_trigrams;");
        }
    }
}
