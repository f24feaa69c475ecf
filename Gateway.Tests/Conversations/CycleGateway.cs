using System.Net;
using Buddy.Domain.Organisations;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Conversations;

/// <summary>
/// The real gateway in-process (WebApplicationFactory) on a real database, with a fake clock and Quartz switched
/// off so a test says when due work runs. The person's texts go to <c>POST /sms/inbound</c> signed as Twilio signs
/// them, and are handled by the real background pipeline (STOP/START/HELP, then every reply handler).
/// </summary>
internal sealed class CycleGateway : IAsyncDisposable
{
    public const string AuthToken = "cycle-tests-auth-token";
    public const string BuddyNumber = "+447700900000";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly HttpClient _client;

    private CycleGateway(TestDatabase database, FakeTimeProvider clock, WebApplicationFactory<Program> factory)
    {
        Database = database;
        Clock = clock;
        _factory = factory;
        _client = factory.CreateClient();
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public DateTime NowUtc => Clock.GetUtcNow().UtcDateTime;

    /// <param name="configure">Replaces services for the test, e.g. a risk reader with known answers.</param>
    public static async Task<CycleGateway> StartAsync(DatabaseProvider provider, DateTime startUtc, Action<IServiceCollection>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(startUtc, TimeSpan.Zero));
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in ServingBaseline.Settings.Concat(database.GatewaySettings()))
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Twilio:AuthToken", AuthToken);
            builder.UseSetting("Scheduling:Enabled", "false");
            builder.UseSetting("Demo:SeedOnStart", "false");
            builder.ConfigureTestServices(services =>
            {
                ServingBaseline.UseStandInSender(services, "Testing");
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                configure?.Invoke(services);
            });
        });
        var gateway = new CycleGateway(database, clock, factory);
        _ = factory.Services; // start the host: migrations, background processor
        return gateway;
    }

    /// <summary>An organisation, a therapist with an alert phone, and one service user with a daily check-in.</summary>
    public async Task<Person> AddPersonAsync(TimeOnly checkInTime, bool twoStep = false)
    {
        await using var db = Database.CreateContext();
        var organisation = new Organisation
        {
            Name = $"Org {Guid.NewGuid():N}",
            DutyContactPhone = "+447700900999",
            QuietHoursStart = new TimeOnly(22, 0),
            QuietHoursEnd = new TimeOnly(7, 0),
            CreatedAtUtc = NowUtc,
        };
        var therapist = new StaffMember
        {
            OrganisationId = organisation.Id,
            DisplayName = "Priya Shah",
            Email = $"priya.{Guid.NewGuid():N}@example.org",
            Role = StaffRole.Therapist,
            AlertPhone = "+447700900998",
            CreatedAtUtc = NowUtc,
        };
        var person = new ServiceUser
        {
            OrganisationId = organisation.Id,
            DisplayName = "Sam Taylor",
            PhoneE164 = $"+4477009{Random.Shared.Next(10000, 99999)}",
            TherapistId = therapist.Id,
            CreatedAtUtc = NowUtc,
            UpdatedAtUtc = NowUtc,
        };
        db.AddRange(organisation, therapist, person);
        db.CheckInSchedules.Add(new CheckInSchedule
        {
            OrganisationId = organisation.Id,
            ServiceUserId = person.Id,
            LocalTime = checkInTime,
            TwoStep = twoStep,
            UpdatedAtUtc = NowUtc,
        });
        await db.SaveChangesAsync();
        return new Person(organisation.Id, therapist.Id, person.Id, person.PhoneE164);
    }

    /// <summary>The person texts Buddy: a signed webhook, then waits until the background pipeline has handled it.</summary>
    public async Task<Domain.Sms.InboundMessage> TextAsync(Person person, string body)
    {
        var sid = $"SM{Guid.NewGuid():N}";
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["AccountSid"] = Sms.Twilio.FakeTwilio.AccountSid,
            ["From"] = person.Phone,
            ["To"] = BuddyNumber,
            ["Body"] = body,
            ["NumSegments"] = "1",
        };
        var url = new Uri(_client.BaseAddress!, SmsEndpoints.InboundPath).ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, SmsEndpoints.InboundPath) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(AuthToken, url, form));
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = Database.CreateContext();
            var stored = await db.InboundMessages.AsNoTracking().SingleOrDefaultAsync(m => m.ProviderMessageId == sid);
            if (stored is { State: not InboundState.Received })
            {
                Assert.NotEqual(InboundState.Failed, stored.State);
                return stored;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Inbound {sid} was not processed within 30 seconds.");
            await Task.Delay(25);
        }
    }

    /// <summary>The session cycle's due work, as its Quartz job runs it, at the fake clock's now.</summary>
    public async Task<DueWorkCounts> RunDueWorkAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionCycleDueWork>().RunDueAsync(NowUtc, CancellationToken.None);
    }

    public async Task<T> WithServiceAsync<T, TService>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public T Service<T>()
        where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <summary>Texts queued for the person since the last call, oldest first.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> TextsToAsync(Person person)
    {
        await using var db = Database.CreateContext();
        var texts = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.ServiceUserId == person.Id)
            .OrderBy(m => m.CreatedAtUtc)
            .ToListAsync();
        var fresh = texts.Skip(person.TextsSeen).ToList();
        person.TextsSeen = texts.Count;
        return fresh;
    }

    public void Advance(TimeSpan by) => Clock.Advance(by);

    public void AdvanceTo(DateTime utc) => Clock.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

internal sealed record Person(Guid OrganisationId, Guid TherapistId, Guid Id, string Phone)
{
    public int TextsSeen { get; set; }
}
