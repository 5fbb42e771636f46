namespace CloudConfig.Testing.Nats;

/// <summary>The loopback ports and the directory picked for one nats-server, for its configuration to use.</summary>
/// <param name="Client">The port clients connect to.</param>
/// <param name="LeafNode">A port for leaf node connections, if the configuration accepts them.</param>
/// <param name="Monitor">A port for the HTTP monitoring endpoint, if the configuration opens it.</param>
/// <param name="StoreDirectory">The JetStream store directory, inside the server's own temporary directory.</param>
public sealed record NatsServerPorts(int Client, int LeafNode, int Monitor, string StoreDirectory);
