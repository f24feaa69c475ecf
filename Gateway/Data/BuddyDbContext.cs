using Buddy.Domain.ApiKeys;
using Buddy.Domain.Audit;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Conversations;
using Buddy.Domain.Diary;
using Buddy.Domain.Email;
using Buddy.Domain.Goals;
using Buddy.Domain.Organisations;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Domain.Templates;
using Buddy.Gateway.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Data;

/// <summary>
/// The one EF Core context. The schema itself is owned by the numbered scripts in sql/; this model maps onto it
/// and a test proves the two agree on both engines. Identity's sign-in tables live in the same database (0005).
/// </summary>
public class BuddyDbContext(DbContextOptions<BuddyDbContext> options)
    : IdentityDbContext<BuddyUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<ServiceUser> ServiceUsers => Set<ServiceUser>();
    public DbSet<CheckInSchedule> CheckInSchedules => Set<CheckInSchedule>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();
    public DbSet<OutboundMessage> OutboundMessages => Set<OutboundMessage>();
    public DbSet<InboundMessage> InboundMessages => Set<InboundMessage>();
    public DbSet<InboundRecoveryMark> InboundRecoveryMarks => Set<InboundRecoveryMark>();
    public DbSet<DiaryEntry> DiaryEntries => Set<DiaryEntry>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertReply> AlertReplies => Set<AlertReply>();
    public DbSet<TherapySession> TherapySessions => Set<TherapySession>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<GoalProgress> GoalProgress => Set<GoalProgress>();
    public DbSet<QuestionnaireSchedule> QuestionnaireSchedules => Set<QuestionnaireSchedule>();
    public DbSet<QuestionnaireRun> QuestionnaireRuns => Set<QuestionnaireRun>();
    public DbSet<QuestionnaireAnswer> QuestionnaireAnswers => Set<QuestionnaireAnswer>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();

    /// <summary>What is particular to the engine this context talks to.</summary>
    public DatabaseDialect Dialect => DatabaseDialect.Of(Database);


    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BuddyDbContext).Assembly);
        StoreConventions.Apply(builder, Dialect);
    }
}
