namespace CloudConfig.Deltacloud;

/// <summary>The parameters of <c>POST &lt;instances&gt;</c>. Only the image is required.</summary>
/// <param name="ImageId">The image to boot (<c>image_id</c>).</param>
public sealed record CreateInstanceRequest(string ImageId)
{
    /// <summary><c>realm_id</c>.</summary>
    public string? RealmId { get; init; }

    /// <summary><c>hwp_id</c>.</summary>
    public string? HardwareProfileId { get; init; }

    /// <summary><c>hwp_memory</c>, in MB.</summary>
    public string? Memory { get; init; }

    /// <summary><c>hwp_cpu</c>.</summary>
    public string? Cpu { get; init; }

    /// <summary><c>hwp_storage</c>, in GB.</summary>
    public string? Storage { get; init; }

    /// <summary><c>hwp_architecture</c>.</summary>
    public string? Architecture { get; init; }

    /// <summary><c>name</c>. A unique name lets the client find an instance whose create answer was lost, instead of starting a second one.</summary>
    public string? Name { get; init; }

    /// <summary><c>keyname</c>.</summary>
    public string? KeyName { get; init; }

    /// <summary>The user data in plain text; the client base64-encodes it. A secret: never logged, left out of <see cref="ToString"/>.</summary>
    public string? UserData { get; init; }

    /// <summary><c>password</c>, for drivers with password authentication. A secret.</summary>
    public string? Password { get; init; }

    /// <summary>Firewall names, sent as <c>firewalls1…N</c>.</summary>
    public IReadOnlyList<string> Firewalls { get; init; } = [];

    /// <summary><c>instance_count</c>; more than one requires <see cref="IInstancesClient.CreateManyAsync"/>.</summary>
    public int? InstanceCount { get; init; }

    /// <summary><c>load_balancer_id</c>.</summary>
    public string? LoadBalancerId { get; init; }

    /// <summary><c>user_files</c>, passed through as given.</summary>
    public string? UserFiles { get; init; }

    /// <summary><c>user_iso</c>, passed through as given.</summary>
    public string? UserIso { get; init; }

    /// <summary>The request without its secrets, safe to log.</summary>
    public override string ToString() =>
        $"image {ImageId}, name {Name ?? "(none)"}, profile {HardwareProfileId ?? "(default)"}, realm {RealmId ?? "(default)"}, user data {(UserData is null ? "none" : "[hidden]")}";
}
