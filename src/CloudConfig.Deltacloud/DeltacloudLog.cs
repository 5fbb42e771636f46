using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud;

/// <summary>Log messages of the Deltacloud client. None of them carries credentials or user data.</summary>
internal static partial class DeltacloudLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Deltacloud request failed ({Error}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(this ILogger logger, string error, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Deltacloud entry point discovered: API {Version}, driver {Driver}, {Count} collections")]
    public static partial void EntryPointDiscovered(this ILogger logger, string version, string driver, int count);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Creating instance {Name} failed ({Error}); looking it up by name before any retry")]
    public static partial void CreateFailedReconciling(this ILogger logger, string name, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Instance {Name} was created despite the failed answer; using {InstanceId}")]
    public static partial void CreateReconciled(this ILogger logger, string name, string instanceId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Instance create without a name failed ({Error}); it cannot be reconciled, so it is not retried")]
    public static partial void CreateNotReconcilable(this ILogger logger, string error);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Driver {Driver} does not advertise the user_data feature; sending user data anyway (the mock driver stores it without advertising it)")]
    public static partial void UserDataNotAdvertised(this ILogger logger, string driver);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Launched instance {InstanceId} ({State}) for {Request}")]
    public static partial void Launched(this ILogger logger, string instanceId, string state, string request);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Terminating instance {InstanceId} in state {State}")]
    public static partial void Terminating(this ILogger logger, string instanceId, string state);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "The {Action} of instance {InstanceId} failed ({Error}); reading the instance before any resend")]
    public static partial void ActionFailedReconciling(this ILogger logger, string action, string instanceId, string error);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "The {Action} of instance {InstanceId} took effect despite the failed answer (state {State}); not resending it")]
    public static partial void ActionReconciled(this ILogger logger, string action, string instanceId, string state);
}
