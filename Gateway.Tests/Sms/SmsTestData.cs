using System.Security.Cryptography;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Inbound;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Sms;

/// <summary>Rows the SMS tests start from: an organisation with one service user, and outbox rows.</summary>
internal static class SmsTestData
{
    private static int s_phone = RandomNumberGenerator.GetInt32(0, 900000);

    /// <summary>
    /// A fresh UK mobile number in Ofcom's drama range, unique per call so tests never share a person: counted on from a
    /// random start, since random draws alone collided when one test added hundreds of people (OutboxBatchTests, in CI).
    /// </summary>
    public static string NewPhone() =>
        "+447700" + (100000 + (Interlocked.Increment(ref s_phone) % 900000)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>For tests on the real clock: with quiet hours (21:30-08:00 by default) a routine text waits for morning.</summary>
    public static void NoQuietHours(Organisation organisation) => organisation.QuietHoursEnd = organisation.QuietHoursStart;

    public static async Task<(Organisation Organisation, ServiceUser User)> AddPersonAsync(
        TestDatabase database, Action<ServiceUser>? configureUser = null, Action<Organisation>? configureOrganisation = null)
    {
        var organisation = new Organisation { Name = $"Riverside Youth Service {Guid.NewGuid():N}", SendRatePerSecond = 1000, CreatedAtUtc = DateTime.UtcNow };
        configureOrganisation?.Invoke(organisation);
        var user = new ServiceUser
        {
            OrganisationId = organisation.Id,
            DisplayName = "Sam Taylor",
            PhoneE164 = NewPhone(),
            CreatedAtUtc = DateTime.UtcNow,
            UpdatedAtUtc = DateTime.UtcNow,
        };
        configureUser?.Invoke(user);
        await using var db = database.CreateContext();
        db.Organisations.Add(organisation);
        db.ServiceUsers.Add(user);
        await db.SaveChangesAsync();
        return (organisation, user);
    }

    /// <summary>A person whose check-in went half an hour ago and is waiting for a reply.</summary>
    public static async Task<(ServiceUser User, CheckIn CheckIn)> AddPersonWithOpenCheckInAsync(TestDatabase database)
    {
        var (organisation, user) = await SmsTestData.AddPersonAsync(database);
        var now = DateTime.UtcNow;
        var checkIn = new CheckIn
        {
            OrganisationId = organisation.Id,
            ServiceUserId = user.Id,
            LocalDate = DateOnly.FromDateTime(now),
            DueAtUtc = now.AddMinutes(-30),
            SentAtUtc = now.AddMinutes(-30),
            Status = CheckInStatus.Sent,
        };
        await using var db = database.CreateContext();
        db.CheckIns.Add(checkIn);
        await db.SaveChangesAsync();
        return (user, checkIn);
    }

    /// <summary><paramref name="count"/> people, each with an open check-in (<see cref="AddPersonWithOpenCheckInAsync"/>).</summary>
    public static async Task<List<ServiceUser>> AddPeopleWithOpenCheckInsAsync(TestDatabase database, int count)
    {
        var people = new List<ServiceUser>();
        for (var i = 0; i < count; i++)
        {
            people.Add((await AddPersonWithOpenCheckInAsync(database)).User);
        }

        return people;
    }

    /// <summary>A text from each person, stored a second ago and still Received (not queued): the ids for the processor's lane.</summary>
    public static async Task<List<QueuedInbound>> StoreReceivedAsync(TestDatabase database, IEnumerable<ServiceUser> people, string body, bool urgent)
    {
        await using var db = database.CreateContext();
        var queued = new List<QueuedInbound>();
        foreach (var person in people)
        {
            var message = new InboundMessage
            {
                ProviderMessageId = SmsGateway.NewSid(),
                FromPhone = person.PhoneE164!,
                ToPhone = "+15005550006",
                Body = body,
                ReceivedAtUtc = DateTime.UtcNow.AddSeconds(-1),
            };
            db.InboundMessages.Add(message);
            queued.Add(new QueuedInbound(message.Id, urgent));
        }

        await db.SaveChangesAsync();
        return queued;
    }

    public static async Task<OutboundMessage> AddOutboundAsync(
        TestDatabase database, ServiceUser user, OutboundKind kind, DateTime notBeforeUtc, Action<OutboundMessage>? configure = null)
    {
        var message = new OutboundMessage
        {
            OrganisationId = user.OrganisationId,
            ServiceUserId = user.Id,
            ToPhone = user.PhoneE164!,
            // Each kind its own words, as real texts have: rows with the same words to one number go one at a time.
            Body = kind == OutboundKind.CheckIn ? $"Hi {user.GreetingName}, how was today?" : $"Hi {user.GreetingName}, this is your {kind} text.",
            Kind = kind,
            NotBeforeUtc = notBeforeUtc,
            CreatedAtUtc = notBeforeUtc,
        };
        configure?.Invoke(message);
        await using var db = database.CreateContext();
        db.OutboundMessages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    public static async Task<OutboundMessage> ReloadAsync(TestDatabase database, OutboundMessage message)
    {
        await using var db = database.CreateContext();
        return await db.OutboundMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id);
    }

    public static async Task<ServiceUser> ReloadAsync(TestDatabase database, ServiceUser user)
    {
        await using var db = database.CreateContext();
        return await db.ServiceUsers.AsNoTracking().SingleAsync(u => u.Id == user.Id);
    }

    /// <summary>Polls until <paramref name="condition"/> holds (background work), failing after <paramref name="seconds"/>.</summary>
    public static async Task WaitUntilAsync(Func<BuddyDbContext, Task<bool>> condition, TestDatabase database, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            await using (var db = database.CreateContext())
            {
                if (await condition(db))
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {seconds} s waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>Contexts on a test database, as the gateway's pooled factory would hand them out.</summary>
internal sealed class TestContextFactory(TestDatabase database) : IDbContextFactory<BuddyDbContext>
{
    public BuddyDbContext CreateDbContext() => database.CreateContext();
}
