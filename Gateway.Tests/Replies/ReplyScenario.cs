using Buddy.Domain.CheckIns;
using Buddy.Domain.Organisations;
using Buddy.Domain.Replies;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Gateway.Data;
using Buddy.Gateway.Email;
using Buddy.Gateway.Replies;
using Buddy.Gateway.Safeguarding;
using Buddy.Gateway.Schedules;
using Buddy.Gateway.Sms;
using Buddy.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;
using Moq;

namespace Buddy.Tests.Replies;

/// <summary>
/// A real database with one organisation, therapist and service user, and the reply pipeline's safeguarding and
/// diary steps run the way the pipeline runs them (no conversation is ever open here, so its middle step would claim
/// nothing): each text stored, its risk read once, then safeguarding and the diary in one context and transaction.
/// </summary>
internal sealed class ReplyScenario : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private ReplyScenario(TestDatabase database, Organisation organisation, StaffMember therapist, ServiceUser user)
    {
        _database = database;
        Organisation = organisation;
        Therapist = therapist;
        User = user;
    }

    public Organisation Organisation { get; }
    public StaffMember Therapist { get; }
    public ServiceUser User { get; }
    public Mock<IOutboxSignal> OutboxSignal { get; } = new();
    public EmailSignal EmailSignal { get; } = new();
    public SchedulingSettings Scheduling { get; } = new();

    public static async Task<ReplyScenario> CreateAsync(DatabaseProvider provider, Action<Organisation>? configure = null, string? therapistPhone = "+447700900001")
    {
        var database = await TestDatabase.CreateAsync(provider);
        var organisation = new Organisation
        {
            Name = $"Test service {Guid.NewGuid():N}",
            DutyContactName = "Duty team",
            DutyContactPhone = "+447700900002",
            DutyContactEmail = "duty@example.org",
            CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        configure?.Invoke(organisation);
        var therapist = new StaffMember
        {
            OrganisationId = organisation.Id,
            DisplayName = "Dr Therapist",
            Email = $"therapist-{Guid.NewGuid():N}@example.org",
            Role = StaffRole.Therapist,
            AlertPhone = therapistPhone,
            CreatedAtUtc = organisation.CreatedAtUtc,
        };
        var user = new ServiceUser
        {
            OrganisationId = organisation.Id,
            DisplayName = "Jamie Lee Smith",
            PhoneE164 = $"+4477009{Random.Shared.Next(10000, 99999)}",
            TherapistId = therapist.Id,
            TimeZoneId = "Europe/London",
            CreatedAtUtc = organisation.CreatedAtUtc,
            UpdatedAtUtc = organisation.CreatedAtUtc,
        };

        await using var db = database.CreateContext();
        db.AddRange(organisation, therapist, user);
        await db.SaveChangesAsync();
        return new ReplyScenario(database, organisation, therapist, user);
    }

    public BuddyDbContext CreateContext() => _database.CreateContext();

    /// <summary>Gives the service user another number (texts are then received from it).</summary>
    public async Task ChangePhoneAsync(string phoneE164)
    {
        await using var db = CreateContext();
        await db.ServiceUsers.Where(u => u.Id == User.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.PhoneE164, phoneE164));
        User.PhoneE164 = phoneE164;
    }

    /// <summary>A check-in sent at <paramref name="sentAtUtc"/> for <paramref name="localDate"/>.</summary>
    public async Task<CheckIn> AddCheckInAsync(DateOnly localDate, DateTime sentAtUtc, CheckInStatus status = CheckInStatus.Sent)
    {
        var checkIn = new CheckIn
        {
            OrganisationId = Organisation.Id,
            ServiceUserId = User.Id,
            LocalDate = localDate,
            DueAtUtc = sentAtUtc,
            SentAtUtc = status == CheckInStatus.Sent ? sentAtUtc : null,
            Status = status,
        };
        await using var db = CreateContext();
        db.CheckIns.Add(checkIn);
        await db.SaveChangesAsync();
        return checkIn;
    }

    /// <summary>Stores an inbound text and runs the safeguarding and diary steps on it as the pipeline does.</summary>
    public async Task<InboundMessage> ReceiveAsync(string body, DateTime receivedAtUtc)
    {
        await using var db = CreateContext();
        var message = new InboundMessage
        {
            ProviderMessageId = $"SM{Guid.NewGuid():N}",
            OrganisationId = Organisation.Id,
            ServiceUserId = User.Id,
            FromPhone = User.PhoneE164!,
            ToPhone = "+447700900999",
            Body = body,
            ReceivedAtUtc = receivedAtUtc,
        };
        db.InboundMessages.Add(message);
        await db.SaveChangesAsync();
        await ProcessAsync(db, message, receivedAtUtc);
        return message;
    }

    /// <summary>Runs the steps on an already stored message (as a restart re-processing it would).</summary>
    public async Task ProcessAsync(BuddyDbContext db, InboundMessage message, DateTime nowUtc)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var context = new ReplyContext
        {
            Db = db,
            Message = message,
            ServiceUser = await db.ServiceUsers.FindAsync(User.Id) ?? throw new InvalidOperationException("service user missing"),
            Organisation = await db.Organisations.FindAsync(Organisation.Id) ?? throw new InvalidOperationException("organisation missing"),
            NowUtc = nowUtc,
            Risk = RiskReader.Assess(message.Body, Organisation.MoodScale),
        };
        var escalation = new SafeguardingEscalation(OutboxSignal.Object, EmailSignal, NullLogger<SafeguardingEscalation>.Instance);
        await new SafeguardingReplyHandler(new SafeguardingAlerts(escalation, NullLogger<SafeguardingAlerts>.Instance)).CheckAsync(context, CancellationToken.None);
        await new DiaryReplyHandler(ReplyParser.Default, Scheduling).RecordAsync(context, CancellationToken.None);

        message.State = InboundState.Processed;
        message.ProcessedAtUtc = nowUtc;
        message.Outcome = context.Outcome;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>How replies' risk is read: the production detector unless a test gives replies a known tier, subject or caution.</summary>
    public IRiskReader RiskReader { get; set; } = new DetectorRiskReader(RiskDetector.Default, ReplyParser.Default);

    public async ValueTask DisposeAsync()
    {
        EmailSignal.Dispose();
        await _database.DisposeAsync();
    }
}
