using Buddy.Domain.Privacy;
using Buddy.Domain.ServiceUsers;

namespace Buddy.Tests.Privacy;

public sealed class RetentionPolicyTests
{
    private static readonly DateTime s_now = new(2026, 3, 3, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(ServiceUserStatus.Discharged, 366, false, false, true)]
    [InlineData(ServiceUserStatus.Discharged, 365, false, false, true)] // exactly the setting: due
    [InlineData(ServiceUserStatus.Discharged, 364, false, false, false)]
    [InlineData(ServiceUserStatus.Active, 900, false, false, false)] // re-referred: the old date no longer counts
    [InlineData(ServiceUserStatus.Paused, 900, false, false, false)]
    [InlineData(ServiceUserStatus.Discharged, 900, true, false, false)] // already anonymised
    [InlineData(ServiceUserStatus.Discharged, 900, false, true, false)] // erased on request
    public void IsDue_FollowsStatusDateAndHistory(ServiceUserStatus status, int daysSinceDischarge, bool anonymised, bool erased, bool expected)
    {
        var person = new ServiceUser
        {
            DisplayName = "Sam",
            Status = status,
            DischargedAtUtc = s_now.AddDays(-daysSinceDischarge),
            AnonymisedAtUtc = anonymised ? s_now : null,
            ErasedAtUtc = erased ? s_now : null,
        };

        Assert.Equal(expected, RetentionPolicy.Default.IsDue(person, s_now));
    }

    [Fact]
    public void IsDue_WhenDischargedWithoutADate_IsNeverDue()
    {
        var person = new ServiceUser { DisplayName = "Sam", Status = ServiceUserStatus.Discharged };
        Assert.False(RetentionPolicy.Default.IsDue(person, s_now));
    }

    [Fact]
    public void DisplayNameFor_IsDerivedFromTheIdAlone()
    {
        var id = Guid.Parse("3f2a1c9e-0000-4000-8000-000000000000");
        Assert.Equal("Erased service user 3F2A", PersonalDataStub.DisplayNameFor(id));
    }
}
