using Buddy.Domain.Conversations;
using Buddy.Domain.Questionnaires;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// Closes questions nobody answered in time: questionnaires past Questionnaires:ExpiryHours become Expired (their
/// partial answers kept, never scored), and stale agenda, goal and second-step questions stop waiting for a reply.
/// </summary>
public sealed class ConversationExpiryService(BuddyDbContext db, ILogger<ConversationExpiryService> logger)
{
    public async Task<int> RunDueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var runs = await db.QuestionnaireRuns
            .Where(r => r.Status == QuestionnaireStatus.InProgress && r.ExpiresAtUtc <= nowUtc)
            .ToListAsync(cancellationToken);
        runs.ForEach(r => r.Close(QuestionnaireStatus.Expired, nowUtc, "not finished in time"));

        var conversations = await db.Conversations
            .Where(c => c.Status == ConversationStatus.Open && c.ExpiresAtUtc <= nowUtc)
            .ToListAsync(cancellationToken);
        conversations.ForEach(c => c.Close(ConversationStatus.Expired, nowUtc));

        await db.SaveChangesAsync(cancellationToken);
        if (runs.Count > 0)
        {
            logger.LogInformation("Expired {Count} unfinished questionnaire(s)", runs.Count);
        }

        return runs.Count + conversations.Count;
    }
}
