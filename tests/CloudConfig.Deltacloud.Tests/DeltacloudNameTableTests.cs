namespace CloudConfig.Deltacloud.Tests;

/// <summary>The readers' name table: the API's names shared by every reader, any other name atomized by one reader only.</summary>
public sealed class DeltacloudNameTableTests
{
    [Fact]
    public void Add_AnApiName_GivesTheSameStringToEveryReader()
    {
        var chars = "<instance>".ToCharArray();

        var fromChars = new DeltacloudNameTable().Add(chars, 1, "instance".Length);
        var fromString = new DeltacloudNameTable().Add("instance");

        Assert.Equal("instance", fromChars);
        Assert.Same(fromChars, fromString);
    }

    [Fact]
    public void Add_AnotherName_IsAtomizedWithinItsReaderAndForgottenWithIt()
    {
        var table = new DeltacloudNameTable();
        var chars = "vendor_extension".ToCharArray();

        var first = table.Add(chars, 0, chars.Length);

        Assert.Same(first, table.Add("vendor_extension"));
        Assert.Same(first, table.Get(chars, 0, chars.Length));
        Assert.Null(new DeltacloudNameTable().Get("vendor_extension"));
    }

    [Fact]
    public void Reader_WithNamesOutsideTheApi_StillReadsTheInstance()
    {
        const string Xml = """
            <?xml version='1.0' encoding='utf-8' ?>
            <instance id='inst9' xmlns:v='urn:vendor'><v:extra v:flag='1'>x</v:extra><vendor_note>y</vendor_note><name>web</name><state>RUNNING</state></instance>
            """;

        var instance = Assert.Single(XmlDeltacloudParser.Instance.ParseInstances(Xml));

        Assert.Equal(("inst9", "web", "RUNNING"), (instance.Id, instance.Name, instance.State.Name));
    }
}
