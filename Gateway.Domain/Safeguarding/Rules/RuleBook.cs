using Buddy.Domain.Safeguarding.Reading;

namespace Buddy.Domain.Safeguarding.Rules;

/// <summary>Every rule, indexed by the family of the word it is tried at, so each word tries only its own rules.</summary>
internal static class RuleBook
{
    public static IReadOnlyList<RiskRule> All { get; } =
        [.. IdeationRules.All, .. PlanRules.All, .. SelfHarmRules.All, .. AbuseRules.All, .. ExploitationRules.All, .. OthersRules.All, .. ReviewRules.All];

    public static RiskRule[][] ByHead { get; } = Index();

    private static RiskRule[][] Index()
    {
        var byHead = new RiskRule[Enum.GetValues<Concept>().Length][];
        foreach (var concept in Enum.GetValues<Concept>())
        {
            byHead[(int)concept] = [.. All.Where(r => r.Head == concept)];
        }

        return byHead;
    }
}
