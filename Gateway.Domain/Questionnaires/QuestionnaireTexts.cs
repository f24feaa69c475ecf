namespace Buddy.Domain.Questionnaires;

/// <summary>Buddy's wording around the published items: the opening line, each item text, the re-ask, the thanks.</summary>
public static class QuestionnaireTexts
{
    /// <summary>"PHQ-9 question 2 of 9: Over the last 2 weeks, how often have you been bothered by: Feeling down...? Reply 0 not at all, ...".</summary>
    public static string Item(QuestionnaireDefinition definition, int number) =>
        $"{definition.Name} question {number} of {definition.ItemCount}. {definition.SmsStem}: {definition.Item(number).TrimEnd('?', '.')}? " +
        $"Reply {definition.AnswerKeyText}.";

    public static string Opening(QuestionnaireDefinition definition, string firstName) =>
        $"Hi {firstName}, your worker would like you to answer {definition.ItemCount} short questions ({definition.Name}) by text. " +
        "You can stop and carry on later.\n" + Item(definition, 1);

    public static string Reask(QuestionnaireDefinition definition, int number) =>
        $"Sorry, I didn't understand that. Please reply with one number from 0 to 3. {Item(definition, number)}";

    /// <summary>A check-in reply came while an item waited: it went to the diary, and the item is asked again, kindly.</summary>
    public static string AfterDiaryReply(QuestionnaireDefinition definition, int number) =>
        $"Thanks, that's in your diary. When you're ready, back to your questionnaire: {Item(definition, number)}";

    public static string Resume(QuestionnaireDefinition definition, int number) =>
        $"Thanks. When you're ready, back to your questionnaire: {Item(definition, number)}";

    public static string Thanks(QuestionnaireDefinition definition, string firstName) =>
        $"Thanks {firstName}, that's all {definition.ItemCount} questions done. Your worker will go through them with you.";
}
