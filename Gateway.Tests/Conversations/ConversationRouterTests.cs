using Buddy.Domain.Conversations;

namespace Buddy.Tests.Conversations;

public sealed class ConversationRouterTests
{
    private static readonly DateTime s_now = new(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc);

    private static OpenConversation Open(ConversationKind kind, int promptedMinutesAgo, int expiresInMinutes = 600) =>
        new(kind, Guid.NewGuid(), s_now.AddMinutes(-promptedMinutesAgo), s_now.AddMinutes(expiresInMinutes));

    [Fact]
    public void Choose_WhenSeveralAreOpen_PrefersQuestionnaireThenAgendaThenGoalThenSecondStep()
    {
        var secondStep = Open(ConversationKind.CheckInSecondStep, 1);
        var goal = Open(ConversationKind.GoalReply, 2);
        var agenda = Open(ConversationKind.Agenda, 3);
        var questionnaire = Open(ConversationKind.Questionnaire, 4);

        Assert.Equal(questionnaire, ConversationRouter.Choose([secondStep, goal, agenda, questionnaire], null, s_now));
        Assert.Equal(agenda, ConversationRouter.Choose([secondStep, goal, agenda], null, s_now));
        Assert.Equal(goal, ConversationRouter.Choose([secondStep, goal], null, s_now));
        Assert.Equal(secondStep, ConversationRouter.Choose([secondStep], null, s_now));
    }

    [Fact]
    public void Choose_WhenExpired_ReturnsNothing() =>
        Assert.Null(ConversationRouter.Choose([Open(ConversationKind.Agenda, 60, expiresInMinutes: 0)], null, s_now));

    [Fact]
    public void Choose_WhenANewerCheckInIsUnanswered_LeavesTheReplyToTheCheckIn()
    {
        var questionnaire = Open(ConversationKind.Questionnaire, 120);
        var secondStep = Open(ConversationKind.CheckInSecondStep, 130);

        Assert.Null(ConversationRouter.Choose([questionnaire], s_now.AddMinutes(-60), s_now));
        Assert.Equal(questionnaire, ConversationRouter.Choose([questionnaire], s_now.AddMinutes(-180), s_now));
        Assert.Equal(secondStep, ConversationRouter.Choose([secondStep], s_now.AddMinutes(-60), s_now));
    }
}
