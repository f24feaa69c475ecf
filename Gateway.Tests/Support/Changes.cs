using Buddy.Domain.Validation;

namespace Buddy.Tests.Support;

/// <summary>For tests that set the scene through a command: the saved record, or the test fails with the refusal.</summary>
internal static class Changes
{
    public static async Task<T> SavedAsync<T>(this Task<Change<T>> change)
        where T : class
    {
        var outcome = await change;
        Assert.True(outcome.IsSaved, $"{outcome.Outcome}: {outcome.Reason}");
        return outcome.Saved!;
    }
}
