using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.AspNetCore.Http;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>
/// The instance client against a Kestrel listener answering what no rendezvous server should: bodies over the limit,
/// redirects, wrong media types, a body slower than the timeout; and credentials that can never be sent.
/// </summary>
public sealed class InstanceClientBoundsTests
{
    private const string Configuration = """{"uuid":"6f1c1d54-8a3c-4a43-9f55-6f7b1d3c2a10","configuration":{"contentType":"text/plain","base64":"eA=="},"generation":1}""";

    [Fact]
    public void DefaultMaxResponseBytes_IsTheMessageOfThe1MiBConfigurationCachesAccept() =>
        Assert.Equal(1_529_176, RendezvousInstanceClientOptions.DefaultMaxResponseBytes);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Fetch_AnswerOverTheLimit_IsRefusedNamingTheGenerationOfItsETag(bool declared)
    {
        await using var server = await HandlerListener.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ETag = "\"g7\"";
            if (declared)
            {
                context.Response.ContentLength = 100_000;
            }

            await context.Response.Body.WriteAsync(new byte[100_000]);
        });
        using var client = Client(server.BaseAddress, o => o.MaxResponseBytes = 10_000);

        var error = await Assert.ThrowsAsync<RendezvousResponseTooLargeException>(() => client.FetchAsync(Guid.NewGuid(), InstanceCredential.Trusted(Secret.Generate())));

        Assert.Equal(10_000, error.Limit);
        Assert.Equal(7, error.Generation);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Fetch_ErrorWithAHugeBody_IsDecidedByItsStatusAlone()
    {
        await using var server = await HandlerListener.StartAsync(async context =>
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/problem+json";
            await context.Response.Body.WriteAsync(new byte[1024 * 1024]);
        });
        using var client = Client(server.BaseAddress);

        var error = await Assert.ThrowsAsync<ConfigCacheException>(() => client.FetchAsync(Guid.NewGuid(), InstanceCredential.Trusted(Secret.Generate())));

        Assert.Contains("(403)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Fetch_Redirect_IsARefusalAndNeverFollowed(int status)
    {
        await using var server = await HandlerListener.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        });
        using var client = Client(server.BaseAddress);

        var error = await Assert.ThrowsAsync<ConfigCacheException>(() => client.FetchAsync(Guid.NewGuid(), InstanceCredential.Trusted(Secret.Generate())));

        Assert.Contains("redirect", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Fetch_ConfigurationNotLabelledJson_IsAnInvalidAnswer()
    {
        await using var server = await HandlerListener.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(Configuration);
        });
        using var client = Client(server.BaseAddress);

        await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => client.FetchAsync(Guid.NewGuid(), InstanceCredential.Trusted(Secret.Generate())));
    }

    [Fact]
    public async Task Fetch_BodySlowerThanTheTimeout_TimesOutWithinTheAttempt()
    {
        await using var server = await HandlerListener.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 1000;
            await context.Response.Body.WriteAsync(new byte[10], context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var client = Client(server.BaseAddress, o => o.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => client.FetchAsync(Guid.NewGuid(), InstanceCredential.Trusted(Secret.Generate())));

        Assert.IsType<TimeoutException>(error.InnerException);
    }

    public static TheoryData<string, string> UnsendableSecrets => new()
    {
        { "non-ASCII", "s\u00e9cret-" + Secret.Generate().Reveal() },
        { "zero-width space", Secret.Generate().Reveal() + "\u200b" },
        { "too long", string.Concat(Enumerable.Repeat(Secret.Generate().Reveal(), 24)) },
    };

    [Theory]
    [MemberData(nameof(UnsendableSecrets))]
    public async Task Fetch_BootSecretThatCannotBeSent_FailsBeforeAnyRequest(string kind, string secret)
    {
        await using var server = await HandlerListener.StartAsync(context => Task.CompletedTask);
        using var client = Client(server.BaseAddress);

        var error = await Assert.ThrowsAsync<UnsendableCredentialException>(
            () => client.FetchAsync(Guid.NewGuid(), InstanceCredential.FirstContact(Secret.FromString(secret), Secret.Generate())));

        Assert.Equal("bootSecret", error.Field);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests);
        Assert.NotEmpty(kind);
    }

    [Fact]
    public void Options_MaxResponseBytesOutOfRange_IsAProblem()
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            new RendezvousInstanceClient(new Uri("http://127.0.0.1:1/"), new RendezvousInstanceClientOptions { MaxResponseBytes = 0 }));

        Assert.Contains(error.Failures, p => p.StartsWith("MaxResponseBytes", StringComparison.Ordinal));
    }

    private static RendezvousInstanceClient Client(Uri baseAddress, Action<RendezvousInstanceClientOptions>? configure = null)
    {
        var options = new RendezvousInstanceClientOptions { MaxRetryAttempts = 0 };
        configure?.Invoke(options);
        return new RendezvousInstanceClient(baseAddress, options);
    }
}
