using System.Globalization;
using System.Text;

namespace CloudConfig.Deltacloud.Embedded;

// Everything the server knows, behind one lock: creates are rare and small, so a single gate keeps the
// state machine exact under parallel requests without costing anything measurable.
internal sealed partial class CloudState
{
    private readonly Lock _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, InstanceRecord> _instances = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _pendingDuration;
    private int _nextId;
    private int _createAttempts;

    public CloudState(EmbeddedDeltacloudOptions options)
    {
        _time = options.TimeProvider;
        _pendingDuration = options.PendingDuration;
        Images = [.. options.Images];
        Realms = [.. options.Realms];
        HardwareProfiles = [.. options.HardwareProfiles];
        AddKey(new KeyRecord(MockCatalog.TestKeyName, MockCatalog.TestKeyFingerprint, FakePem()));
        if (options.SeedMockInstances)
        {
            foreach (var seed in MockCatalog.SeedInstances(_time.GetUtcNow()))
            {
                Add(seed, seed.CreatedAt);
            }
        }

        _nextId = _order.Count;
    }

    public IReadOnlyList<EmbeddedImage> Images { get; }

    public IReadOnlyList<EmbeddedRealm> Realms { get; }

    public IReadOnlyList<EmbeddedHardwareProfile> HardwareProfiles { get; }

    public int NextCreateNumber() => Interlocked.Increment(ref _createAttempts);

    public int CreateAttempts => Volatile.Read(ref _createAttempts);

    public EmbeddedHardwareProfile? FindProfile(string id) => HardwareProfiles.FirstOrDefault(p => p.Id == id);

    public IReadOnlyList<EmbeddedInstance> Snapshot()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            return [.. _order.Select(id => _instances[id].Settle(now))];
        }
    }

    public EmbeddedInstance? Find(string id)
    {
        lock (_gate)
        {
            return _instances.TryGetValue(id, out var record) ? record.Settle(_time.GetUtcNow()) : null;
        }
    }

    /// <summary>Validates and creates; returns the instance or a ValidationFailure message.</summary>
    public (EmbeddedInstance? Instance, string? Error) Create(CreateInstanceRequest request)
    {
        var profileId = request.HardwareProfileId ?? HardwareProfiles[0].Id;
        if (FindProfile(profileId) is null)
        {
            return (null, $"Hardware profile '{profileId}' does not exists.");
        }

        var realmId = request.RealmId ?? Realms[0].Id;
        if (Realms.All(r => r.Id != realmId))
        {
            return (null, $"Realm '{realmId}' does not exists.");
        }

        var now = _time.GetUtcNow();
        var userData = request.UserData;
        lock (_gate)
        {
            var number = _nextId++;
            var id = "inst" + number.ToString(CultureInfo.InvariantCulture);
            var instance = new EmbeddedInstance
            {
                Id = id,
                Name = request.Name ?? "i-" + now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ImageId = request.ImageId,
                RealmId = realmId,
                HardwareProfileId = profileId,
                HardwareProfileOverrides = request.Overrides,
                State = _pendingDuration > TimeSpan.Zero ? EmbeddedInstanceState.Pending : EmbeddedInstanceState.Running,
                KeyName = request.KeyName,
                UserDataBytes = userData ?? ReadOnlyMemory<byte>.Empty,
                UserData = userData is null ? null : Encoding.UTF8.GetString(userData),
                PublicAddresses = [AddressLabel(127, number)],
                PrivateAddresses = [AddressLabel(10, number)],
                CreatedAt = now,
            };
            Add(instance, now + _pendingDuration);
            return (instance, null);
        }
    }

    public (ActionResult Result, EmbeddedInstance? Instance) Apply(string id, InstanceAction action)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(id, out var record))
            {
                return (ActionResult.UnknownInstance, null);
            }

            var current = record.Settle(_time.GetUtcNow());
            if (!InstanceStateMachine.Allows(current.State, action))
            {
                return (ActionResult.NotAllowed, current);
            }

            if (action == InstanceAction.Destroy)
            {
                _instances.Remove(id);
                _order.Remove(id);
                return (ActionResult.Done, current);
            }

            record.Current = current with { State = InstanceStateMachine.Target(action) };
            return (ActionResult.Done, record.Current);
        }
    }

    private void Add(EmbeddedInstance instance, DateTimeOffset runningAt)
    {
        _instances.Add(instance.Id, new InstanceRecord(instance, runningAt));
        _order.Add(instance.Id);
    }

    // Labels only, unique per instance (127.1.0.1, 127.1.0.2, ... public; 10.1.0.1, ... private): nothing listens
    // there, and 127.0.0.x is left alone so no label is ever the server's own address.
    private static string AddressLabel(int first, int number)
    {
        var host = (number % 254) + 1;
        var rest = number / 254;
        return string.Create(CultureInfo.InvariantCulture, $"{first}.{1 + (rest / 256 % 254)}.{rest % 256}.{host}");
    }

    private sealed class InstanceRecord(EmbeddedInstance current, DateTimeOffset runningAt)
    {
        public EmbeddedInstance Current { get; set; } = current;

        public EmbeddedInstance Settle(DateTimeOffset now)
        {
            if (Current.State == EmbeddedInstanceState.Pending && now >= runningAt)
            {
                Current = Current with { State = EmbeddedInstanceState.Running };
            }

            return Current;
        }
    }
}
