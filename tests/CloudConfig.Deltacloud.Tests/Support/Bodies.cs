namespace CloudConfig.Deltacloud.Tests.Support;

/// <summary>Bodies derived from recordings for scenarios the recordings do not hold as such.</summary>
internal static class Bodies
{
    /// <summary>The recorded single instance (065, named rec-xml-1) as a one-item list.</summary>
    public static string InstanceListWithRecXml1 =>
        "<instances>" + RecordedExchange.Get("065").ResponseBody!.Replace("<?xml version='1.0' encoding='utf-8' ?>", string.Empty, StringComparison.Ordinal) + "</instances>";

    public static string EmptyInstanceList => "<instances></instances>";

    /// <summary>The recorded inst0 (058) in another state, with no actions.</summary>
    public static string Inst0InState(string state) =>
        RecordedExchange.Get("058").ResponseBody!.Replace("<state>RUNNING</state>", $"<state>{state}</state>", StringComparison.Ordinal);
}
