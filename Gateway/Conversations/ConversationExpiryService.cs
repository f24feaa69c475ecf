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
        // Set-based: a row erased or answered meanwhile is simply not matched, rather than a conflict.
        var runs = await db.QuestionnaireRuns
            .Where(r => r.Status == QuestionnaireStatus.InProgress && r.ExpiresAtUtc <= nowUtc)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, QuestionnaireStatus.Expired)
                .SetProperty(r => r.ClosedAtUtc, nowUtc)
                .SetProperty(r => r.CloseReason, ExpiredReason), cancellationToken);
        var conversations = await db.Conversations
            .Where(c => c.Status == ConversationStatus.Open && c.ExpiresAtUtc <= nowUtc)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.Status, ConversationStatus.Expired)
                .SetProperty(c => c.ClosedAtUtc, nowUtc), cancellationToken);
        if (runs > 0)
        {
            logger.LogInformation("Expired {Count} unfinished questionnaire(s)", runs);
        }

        return runs + conversations;
    }

    public const string ExpiredReason = "not finished in time";
}
