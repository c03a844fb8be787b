namespace Commendations.Infrastructure.Postgres;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl) on PATH or in Debian's versioned directory.</summary>
public sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    public const string MissingMessage =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found (PATH, /usr/lib/postgresql/*/bin or LocalDatabase:BinDirectory): " +
        "install the 'postgresql' package (apt-get install postgresql) or set ConnectionStrings__Commendations.";

    /// <param name="binDirectory">Look only here (to pick one PostgreSQL version); otherwise PATH, then Debian's directories.</param>
    public static PostgresBinaries? Find(string? binDirectory = null)
    {
        foreach (var dir in binDirectory is null ? CandidateDirectories() : [binDirectory])
        {
            var initDb = Path.Combine(dir, "initdb");
            var pgCtl = Path.Combine(dir, "pg_ctl");
            if (File.Exists(initDb) && File.Exists(pgCtl))
                return new PostgresBinaries(initDb, pgCtl);
        }
        return null;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return dir;

        // Debian keeps the server programs off PATH, one directory per major version: prefer the newest.
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
            yield break;
        var versions = Directory.GetDirectories(debianRoot)
            .Select(d => (dir: d, major: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
            .Where(x => x.major >= 0)
            .OrderByDescending(x => x.major);
        foreach (var (dir, _) in versions)
            yield return Path.Combine(dir, "bin");
    }
}
