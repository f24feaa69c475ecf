using Buddy.Domain.Conversations;
using Buddy.Domain.Goals;
using Buddy.Domain.Validation;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Goals;

/// <summary>Therapists set, change, achieve and archive goals; the next reminder is recomputed on each change.</summary>
public sealed class GoalService(BuddyDbContext db, TimeProvider clock)
{
    /// <summary>Short enough to fit in one reminder text with the question around it.</summary>
    public const int MaxTextLength = 100;

    public async Task<Change<Goal>> CreateAsync(Guid organisationId, Guid serviceUserId, GoalInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var admitted = await CyclePeople.FindNotDischargedAsync(db, organisationId, serviceUserId, "goals cannot be added", cancellationToken);
        if (admitted.Saved is not { } person)
        {
            return admitted.Refusal<Goal>();
        }

        if (TextRefusal(input.Text) is { } refusal)
        {
            return Change.Refused<Goal>(refusal);
        }

        var goal = new Goal
        {
            OrganisationId = organisationId,
            ServiceUserId = person.Id,
            Text = CleanText(input.Text),
            ReminderDays = input.ReminderDays,
            ReminderLocalTime = input.ReminderLocalTime,
            SetByStaffId = actor.StaffId,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        goal.NextDueAtUtc = GoalReminderRule.NextDueUtc(goal, person.TimeZoneId, now);
        db.Goals.Add(goal);
        AuditTrail.Stage(db, actor, organisationId, "goal.created", person.Id, AuditEntities.Goal, goal.Id.ToString(), null, now);
        await db.SaveChangesAsync(cancellationToken);
        return Change.Saved(goal);
    }

    public async Task<Change<Goal>> UpdateAsync(Guid organisationId, Guid goalId, GoalInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await FindAsync(organisationId, goalId, cancellationToken) is not { } goal)
        {
            return Change.NotFound<Goal>();
        }

        if (TextRefusal(input.Text) is { } refusal)
        {
            return Change.Refused<Goal>(refusal);
        }

        goal.Text = CleanText(input.Text);
        goal.ReminderDays = input.ReminderDays;
        goal.ReminderLocalTime = input.ReminderLocalTime;
        return await SaveChangedAsync(goal, "goal.updated", actor, now, cancellationToken);
    }

    /// <summary>Paused, achieved or archived goals stop being texted; an open "did you do it?" question is withdrawn. Resuming (Active) re-arms the reminder.</summary>
    public async Task<Change<Goal>> SetStatusAsync(Guid organisationId, Guid goalId, GoalStatus status, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await FindAsync(organisationId, goalId, cancellationToken) is not { } goal)
        {
            return Change.NotFound<Goal>();
        }

        goal.Status = status;
        goal.AchievedAtUtc = status == GoalStatus.Achieved ? now : null;
        if (status != GoalStatus.Active)
        {
            var open = await db.Conversations
                .Where(c => c.SubjectId == goal.Id && c.Kind == ConversationKind.GoalReply && c.Status == ConversationStatus.Open)
                .ToListAsync(cancellationToken);
            open.ForEach(c => c.Close(ConversationStatus.Cancelled, now));
        }

        return await SaveChangedAsync(goal, $"goal.{status.ToString().ToLowerInvariant()}", actor, now, cancellationToken);
    }

    /// <summary>Re-arms the next reminder from the goal as changed (in the person's zone), records the change and saves it.</summary>
    private async Task<Change<Goal>> SaveChangedAsync(Goal goal, string action, AuditActor actor, DateTime now, CancellationToken cancellationToken)
    {
        var zone = await db.ServiceUsers.Where(s => s.Id == goal.ServiceUserId).Select(s => s.TimeZoneId).SingleAsync(cancellationToken);
        goal.UpdatedAtUtc = now;
        goal.NextDueAtUtc = GoalReminderRule.NextDueUtc(goal, zone, now);
        AuditTrail.Stage(db, actor, goal.OrganisationId, action, goal.ServiceUserId, AuditEntities.Goal, goal.Id.ToString(), null, now);
        await db.SaveChangesAsync(cancellationToken);
        return Change.Saved(goal);
    }

    private Task<Goal?> FindAsync(Guid organisationId, Guid goalId, CancellationToken cancellationToken) =>
        db.Goals.SingleOrDefaultAsync(g => g.Id == goalId && g.OrganisationId == organisationId, cancellationToken);

    /// <summary>The goal in single spaces, as it is saved and texted.</summary>
    private static string CleanText(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Why the words cannot be a goal, or null when they can.</summary>
    private static string? TextRefusal(string text) => CleanText(text).Length switch
    {
        0 => "Write the goal in the person's own words.",
        > MaxTextLength => $"Keep the goal to {MaxTextLength} characters so it fits in one text.",
        _ => null,
    };
}
