using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Manage;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Pages.Manage.ServiceUsers;

/// <summary>The organisation's service users, by name, with therapist, status, consent and schedule at a glance.</summary>
public sealed class IndexModel(BuddyDbContext db, CaseloadAccess caseloads) : ManagePageModel
{
    public sealed record Row(ServiceUser Person, string? Therapist, TimeOnly? CheckInTime, bool ScheduleEnabled);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>active (default: active and paused), discharged or all.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string Show { get; set; } = "current";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = caseloads.ServiceUsers(Scope).AsNoTracking();
        query = Show switch
        {
            "discharged" => query.Where(s => s.Status == ServiceUserStatus.Discharged),
            "all" => query,
            _ => query.Where(s => s.Status != ServiceUserStatus.Discharged),
        };
        Rows = await (from person in query
                      join therapist in db.StaffMembers on person.TherapistId equals therapist.Id into t
                      from therapist in t.DefaultIfEmpty()
                      join schedule in db.CheckInSchedules on person.Id equals schedule.ServiceUserId into s
                      from schedule in s.DefaultIfEmpty()
                      orderby person.DisplayName
                      select new Row(person, therapist == null ? null : therapist.DisplayName,
                          schedule == null ? null : schedule.LocalTime, schedule != null && schedule.IsEnabled))
            .ToListAsync(cancellationToken);
    }
}
