using Buddy.Domain.Conversations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Domain.Validation;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sessions;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Conversations;

/// <summary>Appointment reminders and their replies, driven through /sms/inbound with a fake clock.</summary>
public sealed class AppointmentConversationTests
{
    // Tuesday 24 November 2026, 09:00 in London (GMT, so UTC too).
    private static readonly DateTime s_start = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Reminder_TheDayBeforeAtCheckInTime_AsksForAgenda_AndTheReplyIsOnTheSummary(DatabaseProvider provider)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(18, 30));
        var session = await gateway.WithServiceAsync((SessionService sessions) => sessions.RecordAsync(
            person.OrganisationId, person.Id, new SessionBooking(new DateOnly(2026, 11, 26), new TimeOnly(10, 0), "Riverside Centre, room 2"), person.TherapistId, default).SavedAsync());

        gateway.AdvanceTo(new DateTime(2026, 11, 25, 18, 29, 0, DateTimeKind.Utc));
        Assert.Equal(0, (await gateway.RunDueWorkAsync()).AppointmentReminders);
        gateway.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await gateway.RunDueWorkAsync()).AppointmentReminders);
        Assert.Equal(0, (await gateway.RunDueWorkAsync()).AppointmentReminders);

        var reminder = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal(OutboundKind.AppointmentReminder, reminder.Kind);
        Assert.Equal($"appt:{session.Id}", reminder.DedupeKey);
        Assert.Equal(
            "Hi Sam, a reminder: your session with Priya is tomorrow (Thu 26 Nov) at 10:00, at Riverside Centre, room 2. " +
            "Anything you want to talk about? Just reply to this text.",
            reminder.Body);

        gateway.Advance(TimeSpan.FromMinutes(12));
        var reply = await gateway.TextAsync(person, "my exams, and not sleeping");

        Assert.Equal("agenda notes for the next session", reply.Outcome);
        var overview = await gateway.WithServiceAsync((SessionQueries q) => q.GetOverviewAsync(person.OrganisationId, person.Id, gateway.NowUtc, default));
        Assert.Equal("my exams, and not sleeping", overview.NextAgendaNotes);
        Assert.Equal(session.Id, overview.Next!.Id);
        var thanks = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal(OutboundKind.ConversationReply, thanks.Kind);

        // The question was answered: a later text is not added to the agenda.
        await gateway.TextAsync(person, "7 went to the gym");
        overview = await gateway.WithServiceAsync((SessionQueries q) => q.GetOverviewAsync(person.OrganisationId, person.Id, gateway.NowUtc, default));
        Assert.Equal("my exams, and not sleeping", overview.NextAgendaNotes);
    }

    [Fact]
    public async Task ReminderAndCheckInTogether_AMoodReplyGoesToTheDiary_AndTheNextTextToTheAgenda()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(18, 0));
        var session = await gateway.WithServiceAsync((SessionService sessions) => sessions.RecordAsync(
            person.OrganisationId, person.Id, new SessionBooking(new DateOnly(2026, 11, 26), new TimeOnly(10, 0), "video"), null, default).SavedAsync());
        var dispatcher = gateway.Service<Gateway.CheckIns.CheckInDispatcher>();
        await dispatcher.DispatchDueAsync(100);
        gateway.AdvanceTo(new DateTime(2026, 11, 25, 18, 0, 0, DateTimeKind.Utc));
        await gateway.RunDueWorkAsync();
        await dispatcher.DispatchDueAsync(100);
        Assert.Equal([OutboundKind.CheckIn, OutboundKind.AppointmentReminder], (await gateway.TextsToAsync(person)).Select(t => t.Kind).Order());

        gateway.Advance(TimeSpan.FromMinutes(4));
        var mood = await gateway.TextAsync(person, "7 went to college");
        gateway.Advance(TimeSpan.FromMinutes(2));
        var agenda = await gateway.TextAsync(person, "talk about college being stressful");

        Assert.NotNull(mood.DiaryEntryId);
        Assert.Equal("agenda notes for the next session", agenda.Outcome);
        await using var db = gateway.Database.CreateContext();
        Assert.Equal("talk about college being stressful", (await db.TherapySessions.SingleAsync(s => s.Id == session.Id)).AgendaNotes);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "can't make it tomorrow sorry")]
    [InlineData(DatabaseProvider.Sqlite, "need to rearrange")]
    [InlineData(DatabaseProvider.Sqlite, "cant come tmrw")]
    public async Task CancelLikeReply_RaisesAnAppointmentChangeAlert_InsteadOfAgendaOrDiary(DatabaseProvider provider, string body)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(18, 0));
        var session = await gateway.WithServiceAsync((SessionService sessions) => sessions.RecordAsync(
            person.OrganisationId, person.Id, new SessionBooking(new DateOnly(2026, 11, 26), new TimeOnly(15, 30), "video"), person.TherapistId, default).SavedAsync());
        gateway.AdvanceTo(new DateTime(2026, 11, 25, 18, 0, 0, DateTimeKind.Utc));
        await gateway.RunDueWorkAsync();
        Assert.Contains("by video", Assert.Single(await gateway.TextsToAsync(person)).Body, StringComparison.Ordinal);

        gateway.Advance(TimeSpan.FromMinutes(5));
        var reply = await gateway.TextAsync(person, body);

        Assert.Equal("appointment change: therapist alerted", reply.Outcome);
        Assert.Null(reply.DiaryEntryId);
        await using var db = gateway.Database.CreateContext();
        var alert = await db.Alerts.SingleAsync(a => a.ServiceUserId == person.Id);
        Assert.Equal(AlertKind.AppointmentChange, alert.Kind);
        Assert.Equal(reply.Id, alert.InboundMessageId);
        Assert.Contains("tomorrow (Thu 26 Nov) at 15:30", alert.Summary, StringComparison.Ordinal);
        Assert.Null((await db.TherapySessions.SingleAsync(s => s.Id == session.Id)).AgendaNotes);
        Assert.Equal(ConversationStatus.Answered, (await db.Conversations.SingleAsync(c => c.SubjectId == session.Id)).Status);
        var thanks = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal("Thanks for letting us know, Sam. I've told Priya, who will be in touch about your appointment.", thanks.Body);
    }

    [Fact]
    public async Task Reminder_ForACancelledSession_IsNeverSent()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(18, 0));
        var session = await gateway.WithServiceAsync((SessionService sessions) => sessions.RecordAsync(
            person.OrganisationId, person.Id, new SessionBooking(new DateOnly(2026, 11, 26), new TimeOnly(10, 0), "phone"), person.TherapistId, default).SavedAsync());
        await gateway.WithServiceAsync((SessionService sessions) => sessions.MarkAsync(person.OrganisationId, session.Id, Domain.Sessions.SessionStatus.Cancelled, person.TherapistId, default).SavedAsync());

        gateway.AdvanceTo(new DateTime(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc));

        Assert.Equal(0, (await gateway.RunDueWorkAsync()).AppointmentReminders);
        Assert.Empty(await gateway.TextsToAsync(person));
    }

    [Fact]
    public async Task Mark_AttendedBeforeTheSessionStarts_IsRefused()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(18, 0));
        var session = await gateway.WithServiceAsync((SessionService sessions) => sessions.RecordAsync(
            person.OrganisationId, person.Id, new SessionBooking(new DateOnly(2026, 11, 26), new TimeOnly(10, 0), "phone"), person.TherapistId, default).SavedAsync());

        var refused = await gateway.WithServiceAsync((SessionService sessions) => sessions.MarkAsync(person.OrganisationId, session.Id, Domain.Sessions.SessionStatus.Attended, null, default));
        Assert.Equal((ChangeOutcome.Refused, "A session cannot be marked attended or missed before it starts."), (refused.Outcome, refused.Reason));

        gateway.AdvanceTo(new DateTime(2026, 11, 26, 11, 0, 0, DateTimeKind.Utc));
        var marked = await gateway.WithServiceAsync((SessionService sessions) => sessions.MarkAsync(person.OrganisationId, session.Id, Domain.Sessions.SessionStatus.Attended, null, default).SavedAsync());
        Assert.Equal(Domain.Sessions.SessionStatus.Attended, marked.Status);
        var overview = await gateway.WithServiceAsync((SessionQueries q) => q.GetOverviewAsync(person.OrganisationId, person.Id, gateway.NowUtc, default));
        Assert.Equal(session.Id, overview.Last!.Id);
        Assert.Null(overview.Next);
    }
}
