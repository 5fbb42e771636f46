using System.Text.Json;
using CloudConfig.Rendezvous.Protocol;
using Flurl.Http.Configuration;

namespace CloudConfig.Cache.Rendezvous;

/// <summary>Flurl's serializer, backed by the source-generated context: only rendezvous messages, no reflection.</summary>
internal sealed class SourceGeneratedJsonSerializer : ISerializer
{
    public string Serialize(object obj) => JsonSerializer.Serialize(obj, obj.GetType(), RendezvousJsonContext.Default);

    public T Deserialize<T>(string s) => (T)JsonSerializer.Deserialize(s, typeof(T), RendezvousJsonContext.Default)!;

    public T Deserialize<T>(Stream stream) => (T)JsonSerializer.Deserialize(stream, typeof(T), RendezvousJsonContext.Default)!;
}
