namespace Commendations.Scheduling;

/// <summary>
/// Quartz's tables in this app's database: their prefix. They are created by the migrations' baseline from a static copy
/// of Quartz's own PostgreSQL script (migrations/Commendations.Migrations/Sql), never from the Quartz.dll in use, so an
/// upgrade cannot change what an old migration creates; QuartzSchemaTests says when the copy and the library differ.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";
}
