namespace Buddy.Gateway.Demo;

/// <summary>
/// What demo service users "said": realistic replies in their own words, each with the tags a therapist would
/// expect. Mood is added separately so each person's trend can drift.
/// </summary>
internal static class DemoReplies
{
    public static readonly (string Text, string[] Tags)[] Good =
    [
        ("went to college, had a laugh with my mates", ["school", "friends"]),
        ("good day, walked the dog by the river", ["exercise"]),
        ("slept well for once and went to the gym", ["sleep", "exercise"]),
        ("saw my nan, she made tea", ["family"]),
        ("finished my shift early, feeling proud", ["work"]),
        ("cooked a proper dinner", ["appetite", "self-care"]),
        ("went swimming with my sister", ["exercise", "family"]),
        ("had a bath and an early night", ["self-care", "sleep"]),
        ("football after school, we won", ["exercise", "school"]),
        ("got my essay in on time", ["school"]),
    ];

    public static readonly (string Text, string[] Tags)[] Middling =
    [
        ("ok day, stayed in mostly", []),
        ("tired, college was long", ["sleep", "school"]),
        ("bit bored, watched tv", []),
        ("work was busy, didnt eat much", ["work", "appetite"]),
        ("went shopping with mum, bit stressful", ["family"]),
        ("not bad, texted a friend", ["friends"]),
        ("meh. cleaned my room", ["self-care"]),
        ("cudnt sleep til 3 but ok after", ["sleep"]),
    ];

    public static readonly (string Text, string[] Tags)[] Low =
    [
        ("argued with mum again", ["family"]),
        ("didnt get out of bed til 2", ["sleep"]),
        ("skipped college, felt rubbish", ["school"]),
        ("fell out with my best friend", ["friends"]),
        ("had a few drinks to cope", ["alcohol/drugs"]),
        ("couldnt face eating today", ["appetite"]),
        ("everything feels like too much", []),
        ("lonely, nobody replied to me", ["friends"]),
    ];
}
