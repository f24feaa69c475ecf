using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Dashboard;

/// <summary>Reads the session-cycle screen for a person already admitted to the caller's scope.</summary>
public sealed class CycleScreenQuery(
    BuddyDbContext db, CaseloadAccess caseloads, SessionQueries sessions, GoalQueries goals, QuestionnaireQueries questionnaires, TimeProvider clock)
{
    public const int RunsShown = 20;
    public const int NoticesShown = 20;

    public async Task<CycleScreen> LoadAsync(CaseloadScope scope, ServiceUser person, string? confirmation, CancellationToken cancellationToken)
    {
        var organisationId = person.OrganisationId;
        var notices = await (
                from alert in caseloads.Alerts(scope)
                where alert.ServiceUserId == person.Id && alert.Kind == AlertKind.AppointmentChange
                join message in db.InboundMessages on alert.InboundMessageId equals message.Id into replies
                from reply in replies.DefaultIfEmpty()
                join staff in db.StaffMembers on alert.AcknowledgedByStaffId equals staff.Id into acknowledgers
                from acknowledger in acknowledgers.DefaultIfEmpty()
                orderby alert.CreatedAtUtc descending
                select new CycleScreen.ChangeNotice(alert, reply == null ? null : reply.Body, acknowledger == null ? null : acknowledger.DisplayName))
            .AsNoTracking()
            .Take(NoticesShown)
            .ToListAsync(cancellationToken);
        return new CycleScreen
        {
            Person = person,
            NowUtc = clock.GetUtcNow().UtcDateTime,
            Confirmation = confirmation,
            TherapistName = await db.StaffMembers.Where(s => s.Id == person.TherapistId).Select(s => s.DisplayName).FirstOrDefaultAsync(cancellationToken),
            Sessions = await sessions.ListAsync(organisationId, person.Id, cancellationToken),
            Goals = await goals.ListAsync(organisationId, person.Id, cancellationToken),
            QuestionnaireSchedules = await questionnaires.ListSchedulesAsync(organisationId, person.Id, cancellationToken),
            Runs = await questionnaires.ListRunsAsync(organisationId, person.Id, RunsShown, cancellationToken),
            TwoStep = await db.CheckInSchedules.Where(s => s.ServiceUserId == person.Id).Select(s => (bool?)s.TwoStep).FirstOrDefaultAsync(cancellationToken),
            Notices = [.. notices.OrderBy(n => n.Alert.IsOpen ? 0 : 1)],
        };
    }
}
