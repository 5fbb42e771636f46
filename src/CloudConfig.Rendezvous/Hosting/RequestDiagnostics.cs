using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CloudConfig.Rendezvous;

/// <summary>
/// Turns the host's per-request diagnostics off while they would log nothing: once the ready server serves, the
/// category <see cref="Category"/> is set to <see cref="LogLevel.None"/> unless the logging configuration lets it log
/// requests (Information or finer, for any provider).
/// </summary>
/// <remarks>
/// <para>
/// Whenever that category is enabled at all (the defaults' Warning included), ASP.NET Core starts an
/// <see cref="System.Diagnostics.Activity"/> and a log scope for every request, for lines that at Warning it never
/// writes: about 830 bytes and a tenth of an agent's fetch. Its only lines above Information come at start-up (an
/// overridden port, a start-up failure), which are written before the rule is added. The activity is still started
/// whenever someone listens to ASP.NET Core's activity source (OpenTelemetry's ASP.NET Core instrumentation does);
/// without one, the server's own spans join the caller's trace from the request's <c>traceparent</c> themselves
/// (<see cref="RendezvousTelemetry.Start"/>).
/// </para>
/// <para>
/// Re-evaluated whenever the logging configuration changes (appsettings reloaded), so asking for request lines later
/// turns them (and the per-request activity and scope) back on.
/// </para>
/// </remarks>
internal sealed class RequestDiagnostics : IPostConfigureOptions<LoggerFilterOptions>, IOptionsChangeTokenSource<LoggerFilterOptions>
{
    /// <summary>The category of ASP.NET Core's request logging and of the per-request activity it decides on.</summary>
    public const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private CancellationTokenSource _changed = new();
    private volatile bool _serving;

    /// <inheritdoc />
    public string? Name => Options.DefaultName;

    /// <inheritdoc />
    public IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    /// <summary>Called once the server listens: start-up's lines are written, the rule may now apply.</summary>
    public void Serving()
    {
        _serving = true;
        Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
    }

    /// <inheritdoc />
    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_serving && !LogsRequests(options))
        {
            options.Rules.Add(new LoggerFilterRule(null, Category, LogLevel.None, null));
        }
    }

    /// <summary>
    /// Whether any provider would log the category at Information: the rule the logging library picks for it (the
    /// same choice as its own: the provider's rules before general ones, then the longest matching category, the last
    /// of equals) is evaluated for every provider named in the rules and for the others. A filter function counts as
    /// logging, since what it decides cannot be known here.
    /// </summary>
    private static bool LogsRequests(LoggerFilterOptions options)
    {
        var providers = options.Rules.Select(r => r.ProviderName).Distinct(StringComparer.Ordinal).Append(null);
        return providers.Any(provider =>
        {
            LoggerFilterRule? picked = null;
            foreach (var rule in options.Rules)
            {
                if (IsBetter(rule, picked, provider))
                {
                    picked = rule;
                }
            }

            var level = picked is null ? options.MinLevel : picked.LogLevel;
            return picked?.Filter is not null || level is null || level <= LogLevel.Information;
        });
    }

    private static bool IsBetter(LoggerFilterRule rule, LoggerFilterRule? current, string? provider)
    {
        if ((rule.ProviderName is not null && rule.ProviderName != provider) || !Matches(rule.CategoryName))
        {
            return false;
        }

        if (current?.ProviderName is not null)
        {
            if (rule.ProviderName is null)
            {
                return false;
            }
        }
        else if (rule.ProviderName is not null)
        {
            return true;
        }

        return current?.CategoryName is null || (rule.CategoryName is not null && rule.CategoryName.Length >= current.CategoryName.Length);
    }

    // A rule's category matches as a prefix, or as a prefix and a suffix around its one '*'.
    private static bool Matches(string? category)
    {
        if (category is null)
        {
            return true;
        }

        var star = category.IndexOf('*', StringComparison.Ordinal);
        return star < 0
            ? Category.StartsWith(category, StringComparison.OrdinalIgnoreCase)
            : Category.StartsWith(category[..star], StringComparison.OrdinalIgnoreCase) && Category.EndsWith(category[(star + 1)..], StringComparison.OrdinalIgnoreCase);
    }
}
