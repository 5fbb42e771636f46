using System.Xml.Linq;

namespace CloudConfig.Deltacloud.Embedded;

// Element and attribute names, order and nesting follow the recordings of Deltacloud 1.1.3 (mock driver).
internal static partial class XmlViews
{
    public static XElement Api(Links links, ServerContext server, string? provider) =>
        new("api",
            new XAttribute("driver", server.Options.Driver),
            provider is null ? null : new XAttribute("provider", provider),
            new XAttribute("version", ApiDescription.Version),
            ApiDescription.Collections.Select(rel => new XElement("link",
                new XAttribute("href", links.Collection(rel)),
                new XAttribute("rel", rel),
                ApiDescription.FeaturesOf(rel, server.Options.AdvertiseUserData).Select(f => new XElement("feature",
                    new XAttribute("name", f.Name),
                    new XAttribute("rel", f.Rel),
                    new XElement("param", new XAttribute("name", f.Param)))))));

    public static XElement Error(int status, string url, string driver, string provider, string message, IEnumerable<KeyValuePair<string, string>> parameters) =>
        new("error",
            new XAttribute("status", status),
            new XAttribute("url", url),
            new XElement("backend", new XAttribute("driver", driver), new XAttribute("provider", provider), string.Empty),
            new XElement("code", status),
            new XElement("message", new XCData(message)),
            new XElement("backtrace", new XCData(string.Empty)),
            new XElement("request", parameters.Select(p => new XElement("param", new XAttribute("name", p.Key), new XCData($"\"{p.Value}\"")))));

    public static XElement States() =>
        new("states", InstanceStateMachine.Diagram.Select(s => new XElement("state",
            new XAttribute("name", s.State),
            s.Transitions.Select(t => new XElement("transition",
                t.Action is null ? new XAttribute("auto", "true") : new XAttribute("action", t.Action),
                new XAttribute("to", t.To),
                string.Empty)),
            s.Transitions.Length == 0 ? string.Empty : null)));

    public static XElement Drivers(Links links) => new("drivers", MockCatalog.Drivers.Select(d => Driver(links, d)));

    public static XElement Driver(Links links, (string Id, string Name, string[] Providers) driver) =>
        new("driver",
            new XAttribute("href", links.Driver(driver.Id)),
            new XAttribute("id", driver.Id),
            new XElement("name", driver.Name),
            driver.Providers.Select(p => new XElement("provider", new XAttribute("id", p), string.Empty)));

    public static XElement Keys(Links links, IEnumerable<KeyRecord> keys) => new("keys", keys.Select(k => Key(links, k)));

    public static XElement Key(Links links, KeyRecord key) =>
        new("key",
            new XAttribute("href", links.Key(key.Name)),
            new XAttribute("id", key.Name),
            new XAttribute("type", "key"),
            new XElement("name", key.Name),
            new XElement("actions", Link(links.Key(key.Name), "delete", "destroy")),
            new XElement("fingerprint", key.Fingerprint),
            new XElement("pem", new XCData(key.Pem)),
            new XElement("state", string.Empty));

    private static XElement Link(string href, string method, string rel) =>
        new("link", new XAttribute("href", href), new XAttribute("method", method), new XAttribute("rel", rel));
}
