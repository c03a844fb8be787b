namespace Commendations.Benchmarks.EndToEnd;

/// <summary>
/// One way of running the web process in approvals-http: another build of it (<c>dll=</c>) and/or environment settings.
/// The machine's speed varies by up to 2 × within minutes, so a change is judged by running the variants one after the
/// other in the same run, over the same database, in alternation (<c>--rounds</c>), never from two separate runs.
/// </summary>
/// <example><c>--web-variant before=dll=/tmp/web-before/Commendations.Web.dll --web-variant after --rounds 2</c></example>
public sealed record WebVariant(string Name, string? Dll, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The build next to the benchmark with its own settings: what runs when no variant is given.</summary>
    public static readonly WebVariant Default = new("", null, new Dictionary<string, string>());

    /// <summary><c>name[=KEY=VALUE[,KEY=VALUE…]]</c>: the key <c>dll</c> names the build, any other is an environment variable.</summary>
    public static WebVariant Parse(string spec)
    {
        var equals = spec.IndexOf('=');
        var name = equals < 0 ? spec : spec[..equals];
        string? dll = null;
        var environment = new Dictionary<string, string>();
        if (equals >= 0)
        {
            foreach (var setting in spec[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var (key, value) = setting.IndexOf('=') is var i and > 0 ? (setting[..i], setting[(i + 1)..])
                    : throw new ArgumentException($"--web-variant {spec}: '{setting}' is not KEY=VALUE");
                if (key == "dll")
                    dll = value;
                else
                    environment[key] = value;
            }
        }
        return new WebVariant(name, dll, environment);
    }

    /// <summary>Every <c>--web-variant</c> given, repeated <c>--rounds</c> times in alternation; the default alone when none is.</summary>
    public static IReadOnlyList<WebVariant> FromArguments(string[] args)
    {
        var variants = args.Select((a, i) => (a, i)).Where(x => x.a == "--web-variant" && x.i + 1 < args.Length)
            .Select(x => Parse(args[x.i + 1])).ToList();
        var rounds = Array.IndexOf(args, "--rounds") is var r and >= 0 && r + 1 < args.Length ? int.Parse(args[r + 1]) : 1;
        if (variants.Count == 0)
            variants.Add(Default);
        return [.. Enumerable.Range(0, rounds).SelectMany(_ => variants)];
    }

    public string Label(string scenario) => Name.Length == 0 ? scenario : $"{scenario} [{Name}]";
}
