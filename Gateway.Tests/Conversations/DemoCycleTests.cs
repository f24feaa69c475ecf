using Buddy.Domain.Goals;
using Buddy.Domain.Organisations;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Domain.Summaries;
using Buddy.Domain.Templates;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Demo;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Conversations;

/// <summary>
/// A week of the demo client's cycle played the way a person plays it in /simulator: every text Buddy sends is
/// answered through /sms/inbound, while the check-in dispatcher and the session cycle's due work run each minute.
/// </summary>
public sealed class DemoCycleTests
{
    // Monday 23 November 2026, 12:00 in London.
    private static readonly DateTime s_start = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task DemoClient_PlaysAWholeWeek_CheckInsAgendaGoalAndPhq9AllRecorded()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var demo = await SeedAsync(gateway, DemoCycleSeeder.DemoPhone);
        await using (var db = gateway.Database.CreateContext())
        {
            Assert.Single(await db.Goals.Where(g => g.ServiceUserId == demo.Id).ToListAsync());
        }

        var dispatcher = gateway.Service<CheckInDispatcher>();
        var received = new List<OutboundKind>();
        for (var day = 0; day < 7; day++)
        {
            gateway.AdvanceTo(s_start.AddDays(day));
            // Twenty minutes a day: the PHQ-9 (nine items from 12:06) is finished before the next day's check-in.
            for (var minute = 0; minute <= 20; minute++)
            {
                await dispatcher.DispatchDueAsync(100);
                await gateway.RunDueWorkAsync();
                foreach (var text in await gateway.TextsToAsync(demo))
                {
                    received.Add(text.Kind);
                    var answer = text.Kind switch
                    {
                        OutboundKind.CheckIn => "6 ok day, went to college",
                        OutboundKind.AppointmentReminder => "I want to talk about sleep",
                        OutboundKind.GoalReminder => "done",
                        OutboundKind.Questionnaire when !text.Body.StartsWith("Thanks", StringComparison.Ordinal) => "several days",
                        _ => null,
                    };
                    if (answer is not null)
                    {
                        gateway.Advance(TimeSpan.FromSeconds(20));
                        await gateway.TextAsync(demo, answer);
                    }
                }

                gateway.Advance(TimeSpan.FromMinutes(1));
            }
        }

        Assert.Equal(7, received.Count(k => k == OutboundKind.CheckIn));
        Assert.Equal(7, received.Count(k => k == OutboundKind.GoalReminder));
        Assert.Equal(1, received.Count(k => k == OutboundKind.AppointmentReminder));
        var therapist = CaseloadScope.ForStaff(demo.TherapistId, demo.OrganisationId, StaffRole.Therapist);
        var week = new DateRange(DateOnly.FromDateTime(s_start), DateOnly.FromDateTime(gateway.NowUtc));
        var summary = (await gateway.WithServiceAsync((SummaryQuery q) => q.LoadAsync(therapist, demo.Id, week)))!;
        var goal = Assert.Single(summary.Goals);
        Assert.Equal((7, 0, 0), (goal.Done, goal.Partial, goal.NotDone));
        var phq9 = Assert.Single(summary.Questionnaires.Trends);
        Assert.Equal((QuestionnaireKind.Phq9, 9, Severity.Mild), (phq9.Kind, phq9.Latest!.Total, phq9.Latest.Severity));
        Assert.Empty(summary.Questionnaires.Unfinished);

        await using var check = gateway.Database.CreateContext();
        var entries = await check.DiaryEntries.Where(e => e.ServiceUserId == demo.Id && e.CreatedAtUtc >= s_start).ToListAsync();
        Assert.Equal(7, entries.Count);
        Assert.All(entries, e => Assert.Equal(6, e.MoodScore));
        Assert.Equal("I want to talk about sleep", await check.TherapySessions
            .Where(s => s.ServiceUserId == demo.Id && s.AgendaNotes != null).Select(s => s.AgendaNotes).SingleAsync());
        Assert.Equal(7, await check.GoalProgress.CountAsync(p => p.ServiceUserId == demo.Id && p.Outcome == GoalOutcome.Done));
    }

    [Fact]
    public async Task TwoStepDemoClient_OpensWithTheStandardFirstStep_AndNoTemplateOfItsOwn()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        await gateway.WithServiceAsync((DemoSeeder demo) => demo.SeedAsync(default));
        await using var check = gateway.Database.CreateContext();
        var templates = await check.MessageTemplates.CountAsync();

        var person = await SeedAsync(gateway, DemoCycleSeeder.TwoStepPhone);
        gateway.Advance(TimeSpan.FromMinutes(2));
        await gateway.Service<CheckInDispatcher>().DispatchDueAsync(100);

        var schedule = await check.CheckInSchedules.SingleAsync(s => s.ServiceUserId == person.Id);
        Assert.Equal((true, (Guid?)null), (schedule.TwoStep, schedule.TemplateId));
        Assert.Equal(templates, await check.MessageTemplates.CountAsync());
        var organisation = await check.Organisations.SingleAsync(o => o.Id == person.OrganisationId);
        var user = await check.ServiceUsers.SingleAsync(s => s.Id == person.Id);
        var opening = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal((OutboundKind.CheckIn, TemplateRenderer.Render(DefaultTexts.TwoStepCheckIn, user, organisation)), (opening.Kind, opening.Body));

        // The second question follows the mood, as for any two-step check-in.
        gateway.Advance(TimeSpan.FromMinutes(1));
        await gateway.TextAsync(person, "7");
        Assert.Equal(OutboundKind.CheckInSecondStep, Assert.Single(await gateway.TextsToAsync(person)).Kind);
    }

    /// <summary>The demo data and its session cycle, armed twice as two restarts would; the texts already sent count as seen.</summary>
    private static async Task<Person> SeedAsync(CycleGateway gateway, string phone)
    {
        await gateway.WithServiceAsync(async (DemoSeeder demo) =>
        {
            await demo.SeedAsync(default);
            await demo.ArmDemoCheckInAsync(default);
            return true;
        });
        await gateway.WithServiceAsync(async (DemoCycleSeeder cycle) =>
        {
            await cycle.ArmAsync(default);
            await cycle.ArmAsync(default); // idempotent: a restart re-times, never duplicates
            return true;
        });

        await using var db = gateway.Database.CreateContext();
        var user = await db.ServiceUsers.SingleAsync(s => s.PhoneE164 == phone);
        return new Person(user.OrganisationId, user.TherapistId!.Value, user.Id, user.PhoneE164!)
        {
            TextsSeen = await db.OutboundMessages.CountAsync(m => m.ServiceUserId == user.Id),
        };
    }
}
