namespace CloudConfig.Agent;

/// <summary>The environment variables the command applier sets for the command it runs.</summary>
public static class CommandApplierEnvironment
{
    /// <summary>The path of the file the command may write <c>key=value</c> parameter lines to.</summary>
    public const string ParametersFile = "CLOUDCONFIG_PARAMETERS_FILE";

    /// <summary>The entry's uuid.</summary>
    public const string Uuid = "CLOUDCONFIG_UUID";

    /// <summary>The configuration's generation.</summary>
    public const string Generation = "CLOUDCONFIG_GENERATION";

    /// <summary>The configuration's media type.</summary>
    public const string ContentType = "CLOUDCONFIG_CONTENT_TYPE";

    /// <summary>The entry's domain.</summary>
    public const string Domain = "CLOUDCONFIG_DOMAIN";

    /// <summary>The exit code reported when the command ran past its timeout and was killed, as <c>timeout(1)</c> does.</summary>
    public const int TimedOutExitCode = 124;
}
