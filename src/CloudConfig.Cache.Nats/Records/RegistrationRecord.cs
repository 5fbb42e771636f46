using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// What the app registered for one uuid (entries bucket, key <c>e.&lt;uuid&gt;</c>), written only where
/// registrations are written. The configuration travels inside it, so an update and its generation change in one
/// compare-and-swap.
/// </summary>
/// <remarks>
/// The incarnation is fresh for every registration of the uuid: instance records carry it, so a uuid removed and
/// registered again never inherits the old instance's claim, trust key or reports.
/// </remarks>
internal sealed record RegistrationRecord(
    Guid Incarnation,
    long Generation,
    DateTimeOffset CreatedAt,
    SecretHash CredentialHash,
    string Domain,
    string? Pool,
    IReadOnlyList<string> ConfigHosts,
    ConfigurationContent Configuration)
{
    public static RegistrationRecord For(ConfigRegistration registration, DateTimeOffset now) =>
        new(Guid.NewGuid(), 1, now, registration.CredentialHash, registration.Domain, registration.DynamicPool, [.. registration.ConfigHosts], registration.Configuration);

    public byte[] Encode() => RecordFormat.Write(RecordKind.Registration, w =>
    {
        RecordFormat.WriteGuid(w, Incarnation);
        w.Write(Generation);
        RecordFormat.WriteTime(w, CreatedAt);
        RecordFormat.WriteHash(w, CredentialHash);
        EntryValueCodec.WriteText(w, Domain);
        RecordFormat.WriteOptionalText(w, Pool);
        EntryValueCodec.WriteHosts(w, ConfigHosts);
        EntryValueCodec.WriteText(w, Configuration.ContentType);
        w.Write7BitEncodedInt(Configuration.Length);
        w.Write(Configuration.Bytes.Span);
    });

    public static RegistrationRecord Decode(byte[] bytes) => RecordFormat.Read(bytes, RecordKind.Registration, r =>
    {
        var incarnation = RecordFormat.ReadGuid(r);
        var generation = r.ReadInt64();
        var createdAt = RecordFormat.ReadTime(r);
        var credential = RecordFormat.ReadHash(r);
        var domain = EntryValueCodec.ReadText(r);
        var pool = RecordFormat.ReadOptionalText(r);
        var hosts = EntryValueCodec.ReadHosts(r);
        var contentType = EntryValueCodec.ReadText(r);
        var length = r.Read7BitEncodedInt();
        var configuration = ConfigurationContent.FromBytes(r.ReadBytes(length), contentType);
        return new RegistrationRecord(incarnation, generation, createdAt, credential, domain, pool, hosts, configuration);
    });

    public InstanceConfiguration ToInstanceConfiguration(Guid uuid) =>
        new(uuid, Configuration, Generation) { Domain = Domain, ConfigHosts = ConfigHosts };
}
