namespace CloudConfig.Agent;

/// <summary>
/// The exclusive lock (flock) on <c>agent.lock</c> in the state directory, held for the agent's whole run: one entry
/// never has two agents, so never two configuration runs at once. The kernel drops the lock when the agent dies, even
/// by SIGKILL; the file is opened close-on-exec, so a configuration command never inherits it.
/// </summary>
internal sealed class AgentLock : IDisposable
{
    public const string FileName = "agent.lock";

    private readonly FileStream _file;

    private AgentLock(FileStream file) => _file = file;

    /// <exception cref="ConfigAgentAlreadyRunningException">Another agent holds the lock.</exception>
    public static AgentLock Acquire(string stateDirectory)
    {
        PrivateFiles.EnsureDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, FileName);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFiles.FileMode;
        }

        FileStream file;
        try
        {
            // On Unix, .NET itself takes flock(LOCK_EX | LOCK_NB) for FileShare.None, and fails the open when it is held.
            file = new FileStream(path, options);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new ConfigAgentAlreadyRunningException(stateDirectory, e);
        }

        // Taken explicitly too, so the lock holds even where .NET's own locking is switched off.
        if (!PosixProcesses.TryLockExclusive(file.SafeFileHandle))
        {
            file.Dispose();
            throw new ConfigAgentAlreadyRunningException(stateDirectory);
        }

        return new AgentLock(file);
    }

    public void Dispose() => _file.Dispose();
}
