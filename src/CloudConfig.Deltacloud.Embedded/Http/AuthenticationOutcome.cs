namespace CloudConfig.Deltacloud.Embedded;

// Missing and invalid differ on the wire: only a missing header gets a WWW-Authenticate challenge.
internal enum AuthenticationOutcome
{
    Valid,
    Missing,
    Invalid,
}
