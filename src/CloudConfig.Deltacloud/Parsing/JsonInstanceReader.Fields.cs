using System.Text;
using System.Text.Json;

namespace CloudConfig.Deltacloud;

/// <summary>The properties of an instance the reader keeps, told apart by their UTF-8 names.</summary>
internal static partial class JsonInstanceReader
{
    private enum InstanceField
    {
        Other,
        Id,
        Href,
        Name,
        State,
        Owner,
        Image,
        Realm,
        Actions,
        HardwareProfile,
        PublicAddresses,
        PrivateAddresses,
        StorageVolumes,
        AuthenticationType,
        OwnerId,
        LaunchTime,
        CreateTime,
        Authentication,
        Firewalls,
    }

    /// <summary>Which field a property name is, by its length first (one or two comparisons instead of up to eighteen).</summary>
    private static InstanceField Classify(ref Utf8JsonReader r)
    {
        var name = r.ValueIsEscaped ? Encoding.UTF8.GetBytes(r.GetString()!) : r.ValueSpan;
        return name.Length switch
        {
            2 when name.SequenceEqual("id"u8) => InstanceField.Id,
            4 when name.SequenceEqual("href"u8) => InstanceField.Href,
            4 when name.SequenceEqual("name"u8) => InstanceField.Name,
            5 when name.SequenceEqual("state"u8) => InstanceField.State,
            5 when name.SequenceEqual("owner"u8) => InstanceField.Owner,
            5 when name.SequenceEqual("image"u8) => InstanceField.Image,
            5 when name.SequenceEqual("realm"u8) => InstanceField.Realm,
            7 when name.SequenceEqual("actions"u8) => InstanceField.Actions,
            8 when name.SequenceEqual("owner_id"u8) => InstanceField.OwnerId,
            9 when name.SequenceEqual("firewalls"u8) => InstanceField.Firewalls,
            11 when name.SequenceEqual("launch_time"u8) => InstanceField.LaunchTime,
            11 when name.SequenceEqual("create_time"u8) => InstanceField.CreateTime,
            14 when name.SequenceEqual("authentication"u8) => InstanceField.Authentication,
            15 when name.SequenceEqual("storage_volumes"u8) => InstanceField.StorageVolumes,
            16 when name.SequenceEqual("hardware_profile"u8) => InstanceField.HardwareProfile,
            16 when name.SequenceEqual("public_addresses"u8) => InstanceField.PublicAddresses,
            17 when name.SequenceEqual("private_addresses"u8) => InstanceField.PrivateAddresses,
            19 when name.SequenceEqual("authentication_type"u8) => InstanceField.AuthenticationType,
            _ => InstanceField.Other,
        };
    }
}
