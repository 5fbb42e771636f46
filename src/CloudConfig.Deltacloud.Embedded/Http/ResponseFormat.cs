namespace CloudConfig.Deltacloud.Embedded;

internal enum ResponseFormat
{
    Xml,
    Json,
}
