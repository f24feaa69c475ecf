using Buddy.Domain.Email;
using Buddy.Gateway.Data;
using Buddy.Gateway.Email;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Buddy.Tests.Email;

/// <summary>The email outbox: sent once, retried with backoff when the server fails, and never dropped.</summary>
public sealed class EmailDispatcherTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task DispatchDue_WithAPickupDirectory_WritesTheEmailAndMarksItSent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var pickup = Path.Combine(Path.GetTempPath(), "buddy-tests", $"mail-{Guid.NewGuid():N}");
        var settings = new EmailSettings { Smtp = new SmtpSettings { PickupDirectory = pickup, From = "buddy@example.org" } };
        var environment = new Mock<IHostEnvironment>();
        environment.Setup(e => e.ContentRootPath).Returns(Path.GetTempPath());
        var clock = new FakeTimeProvider(s_now);
        var id = await AddEmailAsync(database, s_now.UtcDateTime);

        using var signal = new EmailSignal();
        var dispatcher = new EmailDispatcher(new Databases(database), new SmtpEmailSender(Options.Create(settings), environment.Object),
            signal, clock, Options.Create(settings), NullLogger<EmailDispatcher>.Instance);
        var sent = await dispatcher.DispatchDueAsync(CancellationToken.None);
        var again = await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, sent);
        Assert.Equal(0, again);
        var file = Assert.Single(Directory.GetFiles(pickup, "*.eml"));
        var eml = await File.ReadAllTextAsync(file);
        Assert.Contains("To: duty@example.org", eml, StringComparison.Ordinal);
        Assert.Contains("Buddy: urgent review needed", eml, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var stored = await db.EmailMessages.SingleAsync(m => m.Id == id);
        Assert.Equal(EmailStatus.Sent, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(s_now.UtcDateTime, stored.SentAtUtc);
        Directory.Delete(pickup, recursive: true);
    }

    [Fact]
    public async Task DispatchDue_WhenTheServerFails_RetriesWithBackoffThenKeepsItAsFailed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(s_now);
        var id = await AddEmailAsync(database, s_now.UtcDateTime);
        var sender = new Mock<IEmailSender>();
        sender.Setup(s => s.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new System.Net.Mail.SmtpException("Service not available, closing transmission channel"));
        var settings = new EmailSettings { MaxAttempts = 3 };
        using var signal = new EmailSignal();
        var dispatcher = new EmailDispatcher(new Databases(database), sender.Object, signal, clock, Options.Create(settings), NullLogger<EmailDispatcher>.Instance);

        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        var first = await ReadAsync(database, id);
        Assert.Equal(EmailStatus.Pending, first.Status);
        Assert.Equal(s_now.UtcDateTime.AddMinutes(1), first.NotBeforeUtc);
        Assert.Contains("Service not available", first.LastError, StringComparison.Ordinal);

        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None)); // not due yet
        clock.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(s_now.UtcDateTime.AddMinutes(3), (await ReadAsync(database, id)).NotBeforeUtc);

        clock.Advance(TimeSpan.FromMinutes(2));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var last = await ReadAsync(database, id);
        Assert.Equal(EmailStatus.Failed, last.Status);
        Assert.Equal(3, last.Attempts);
        sender.Verify(s => s.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task DispatchDue_WhenEmailIsNotConfigured_KeepsTheEmailPendingWithTheReason()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = new EmailSettings();
        var environment = new Mock<IHostEnvironment>();
        var id = await AddEmailAsync(database, s_now.UtcDateTime);
        using var signal = new EmailSignal();
        var dispatcher = new EmailDispatcher(new Databases(database), new SmtpEmailSender(Options.Create(settings), environment.Object),
            signal, new FakeTimeProvider(s_now), Options.Create(settings), NullLogger<EmailDispatcher>.Instance);

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var stored = await ReadAsync(database, id);
        Assert.Equal(EmailStatus.Pending, stored.Status);
        Assert.Contains("Email:Smtp:Host", stored.LastError, StringComparison.Ordinal);
    }

    private static async Task<Guid> AddEmailAsync(TestDatabase database, DateTime nowUtc)
    {
        await using var db = database.CreateContext();
        var message = new EmailMessage
        {
            ToAddress = "duty@example.org",
            Subject = "Buddy: urgent review needed",
            Body = "A Buddy reply from service user J.S. needs urgent review.",
            DedupeKey = $"test:{Guid.NewGuid():N}",
            NotBeforeUtc = nowUtc,
            CreatedAtUtc = nowUtc,
        };
        db.EmailMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private static async Task<EmailMessage> ReadAsync(TestDatabase database, Guid id)
    {
        await using var db = database.CreateContext();
        return await db.EmailMessages.SingleAsync(m => m.Id == id);
    }

    private sealed class Databases(TestDatabase database) : IDbContextFactory<BuddyDbContext>
    {
        public BuddyDbContext CreateDbContext() => database.CreateContext();
    }
}
