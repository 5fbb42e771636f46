using System.Security.Cryptography;
using System.Globalization;

namespace CloudConfig.Deltacloud.Embedded;

internal sealed partial class CloudState
{
    private readonly List<KeyRecord> _keys = [];

    public IReadOnlyList<KeyRecord> Keys()
    {
        lock (_gate)
        {
            return [.. _keys];
        }
    }

    public KeyRecord? FindKey(string name)
    {
        lock (_gate)
        {
            return _keys.Find(k => k.Name == name);
        }
    }

    /// <summary>Creates a key pair (fake material, as the mock's); <see langword="null"/> when the name is taken.</summary>
    public KeyRecord? CreateKey(string name)
    {
        var fingerprint = string.Join(':', RandomNumberGenerator.GetBytes(20).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        var key = new KeyRecord(name, fingerprint, FakePem());
        lock (_gate)
        {
            if (_keys.Exists(k => k.Name == name))
            {
                return null;
            }

            _keys.Add(key);
            return key;
        }
    }

    public bool DeleteKey(string name)
    {
        lock (_gate)
        {
            return _keys.RemoveAll(k => k.Name == name) > 0;
        }
    }

    private void AddKey(KeyRecord key) => _keys.Add(key);

    // Random base64 shaped like a PEM body: it is not a key and must never be used as one.
    private static string FakePem()
    {
        var body = Convert.ToBase64String(RandomNumberGenerator.GetBytes(1200));
        var lines = body.Chunk(75).Select(c => new string(c));
        return "-----BEGIN RSA PRIVATE KEY-----\n" + string.Join('\n', lines) + "-----END RSA PRIVATE KEY-----";
    }
}
