using System.Security.Cryptography;
using Commendations.Audit;
using Commendations.Domain.Audit;

namespace Commendations.Web.Hosting;

/// <summary>
/// Where the key that seals audit heads comes from. Configuration (<c>Audit:HeadKey</c>) always wins. Without it, the
/// app's own local database and the Development and Testing environments use a generated key kept in a file beside
/// their data (the local cluster's data folder, otherwise <c>.data</c> under the content root, both git-ignored);
/// anywhere else — Production above all — start-up is refused by <see cref="AuditKeyOptionsValidator"/>.
/// </summary>
public static class AuditHeadKey
{
    public const string FileName = "audit-head-key";

    public static IServiceCollection AddAuditHeadKey(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment, string? localDataFolder)
    {
        services.Configure<AuditKeyOptions>(configuration.GetSection(AuditKeyOptions.Section));
        var folder = localDataFolder
                     ?? (environment.IsDevelopment() || environment.IsEnvironment("Testing") ? Path.Combine(environment.ContentRootPath, ".data") : null);
        if (folder is not null)
        {
            services.PostConfigure<AuditKeyOptions>(options =>
            {
                if (string.IsNullOrWhiteSpace(options.HeadKey))
                    options.HeadKey = ReadOrCreate(Path.Combine(folder, FileName));
            });
        }
        return services;
    }

    /// <summary>The key in <paramref name="path"/>, generated (32 random bytes, readable by this account only) the first time.</summary>
    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(AuditHeadSeal.MinimumKeyBytes));
        // Written aside, then moved in: a process starting at the same moment never reads a half-written key.
        var written = path + "." + Guid.NewGuid().ToString("N");
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(written, file))
            writer.Write(key);
        try
        {
            File.Move(written, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs, so both seal alike.
            File.Delete(written);
            return File.ReadAllText(path).Trim();
        }
    }
}
