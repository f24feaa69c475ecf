namespace Buddy.Domain.Replies;

/// <summary>The context words that decide whether a number in a reply is a mood score, and why not when it is not.</summary>
internal static class MoodWords
{
    /// <summary>Right before a number, these make it a score wherever it sits: "mood 7", "rated it 6".</summary>
    public static readonly WordSet StrongCues = new(
        "mood", "moods", "moodd", "mod", "score", "scored", "rating", "rate", "rated", "scale", "marks", "mark", "overall");

    /// <summary>Right before a number, these make a score likely: "about a 6", "feeling 4", "its 7".</summary>
    public static readonly WordSet SoftCues = new(
        "a", "an", "about", "around", "abt", "bout", "roughly", "approx", "approximately", "maybe", "prob", "probs",
        "probably", "like", "solid", "def", "defo", "definitely", "honestly", "say", "feeling", "feelin", "feel", "felt",
        "its", "was", "is", "today", "tday", "tonight", "been", "gonna", "go", "with", "give");

    /// <summary>Within a few words before a number, these mark a correction: "sorry I meant 5", "actually 6".</summary>
    public static readonly WordSet CorrectionCues = new(
        "meant", "ment", "mean", "actually", "actualy", "acshually", "akshually", "correction", "typo", "should", "shouldve",
        "make", "wrong", "instead", "oops", "whoops", "opps", "oopsie");

    /// <summary>Before a later number, these make it replace an earlier one: "4 no 5", "8... well 7", "was gonna say 8 but more like a 7".</summary>
    public static readonly WordSet RevisionCues = new(
        "but", "no", "nah", "nope", "wait", "well", "rather", "instead", "like", "scratch", "erm", "um", "umm", "hmm", "or", "actually",
        "meant", "mean", "correction", "oops", "whoops");

    /// <summary>Words that may sit between a revision cue and the number: "but prob more like a 7".</summary>
    public static readonly WordSet RevisionBridges = new(
        "a", "an", "more", "maybe", "prob", "probs", "probably", "say", "its", "it", "is", "i", "id", "was", "be", "honestly", "defo", "just",
        "make", "that", "sorry", "soz", "sry", "oh", "er", "ok", "okay", "to", "really", "tbh", "ngl", "then", "so", "now", "think");

    /// <summary>Words that may sit between a correction cue and the number: "I meant to say a 5".</summary>
    public static readonly WordSet CorrectionBridges = new(
        "i", "to", "say", "said", "be", "been", "have", "that", "it", "its", "was", "a", "an", "sorry", "soz", "sry", "no",
        "oh", "mood", "more", "like", "put", "type", "typed", "is", "my", "the", "score", "of");

    /// <summary>Everything that may be cut from the event text together with the score ("my mood is about a 7").</summary>
    public static readonly WordSet StripBefore = new(
        "mood", "moods", "score", "scored", "rating", "rate", "rated", "scale", "overall", "a", "an", "about", "around", "abt",
        "bout", "roughly", "approx", "approximately", "maybe", "prob", "probs", "probably", "like", "solid", "def", "defo",
        "definitely", "honestly", "say", "feeling", "feelin", "feel", "felt", "its", "was", "is", "today", "tday", "2day",
        "been", "id", "i", "would", "give", "it", "that", "be", "have", "day", "sorry", "soz", "sry", "oops", "whoops",
        "opps", "no", "oh", "make", "should", "shouldve", "meant", "ment", "mean", "actually", "actualy", "acshually",
        "akshually", "correction", "typo", "my", "im", "am", "rn", "atm", "now", "to", "put", "instead", "gonna", "go",
        "with", "wrong", "said", "oopsie", "honest", "of", "between");

    /// <summary>A number right before these is a count or amount: "walked 3 miles", "2 hours", "3 pints".</summary>
    public static readonly WordSet Units = new(
        "mile", "miles", "mi", "km", "kms", "k", "metres", "meters", "m", "hour", "hours", "hrs", "hr", "h", "min", "mins",
        "minute", "minutes", "sec", "secs", "second", "seconds", "days", "week", "weeks", "wk", "wks", "month", "months",
        "year", "years", "yr", "yrs", "night", "nights", "time", "times", "pint", "pints", "drink", "drinks", "beer",
        "beers", "cans", "bottle", "bottles", "glass", "glasses", "shot", "shots", "unit", "units", "quid", "pound", "pounds",
        "p", "pence", "grand", "percent", "pc", "lb", "lbs", "kg", "kilo", "kilos", "stone", "st", "steps", "lap",
        "laps", "rep", "reps", "sets", "page", "pages", "chapter", "chapters", "episode", "episodes", "eps", "game", "games",
        "match", "matches", "goal", "goals", "point", "points", "pts", "pill", "pills", "tablet", "tablets", "tabs", "meds",
        "cig", "cigs", "cigarettes", "fags", "spliffs", "joints", "cup", "cups", "coffee", "coffees", "tea", "teas", "meal",
        "meals", "slice", "slices", "biscuits", "bars", "packet", "packets", "pack", "people", "person", "friend", "friends",
        "mate", "mates", "kid", "kids", "children", "girls", "boys", "lads", "of", "others", "more", "less", "new", "old",
        "sessions", "lessons", "classes", "exams", "tests", "assignments", "essays", "shifts", "calls", "texts",
        "messages", "buses", "trains", "stops", "floors", "rooms", "dogs", "cats", "degrees", "degree", "c", "places",
        "shops", "things", "bits", "items", "loads", "pieces", "pairs", "tops", "cans", "rounds", "puffs", "nights",
        "kilometres", "yards", "feet", "ft", "inches", "weeks", "sleeps", "plates", "bowls", "portions", "bags", "lines",
        "questions", "appointments", "appts", "visits", "sugars", "spoons", "squares", "likes", "followers",
        "ppl", "peeps", "cousins", "brothers", "sisters", "siblings", "hrs", "hours'", "mins'");

    /// <summary>A number right after these is a label, not a score: "year 9", "bus 42", "room 5", "I'm 15".</summary>
    public static readonly WordSet Labels = new(
        "year", "yr", "bus", "room", "page", "pg", "level", "lvl", "number", "num", "size", "ward", "flat", "floor",
        "top", "grade", "chapter", "ch", "episode", "ep", "season", "series", "platform", "gate", "line", "route", "section",
        "lesson", "period", "class", "set", "form", "age", "aged",
        "the", "team", "version", "part", "track", "unit", "module", "question", "q", "plus", "minus", "times", "over",
        "under", "beat", "won", "lost", "drew", "nil", "turned", "turning", "bday", "birthday", "minecraft", "gcse",
        "gcses", "step", "table", "stage", "phase", "term", "mock", "paper");

    /// <summary>Before a label word these make it a time span instead: "this year 5" is not "year 5".</summary>
    public static readonly WordSet LabelCancellers = new("this", "last", "next", "every", "a", "per", "that", "the", "all");

    /// <summary>A number right after these is a clock time: "at 7", "till 10", "half 6" (UK for 6:30).</summary>
    public static readonly WordSet TimePrepositions = new(
        "at", "till", "til", "until", "untill", "by", "from", "after", "before", "b4", "since", "past", "half", "gone",
        "quarter", "between");

    /// <summary>"got home around 7", "woke up about 6": a time, when a hedge sits between the verb and the number.</summary>
    public static readonly WordSet TimeVerbs = new(
        "home", "back", "up", "bed", "out", "in", "off", "left", "arrived", "finished", "finish", "started", "start", "woke",
        "wake", "waking", "slept", "sleep", "asleep", "got", "came", "leave", "leaving", "lunch", "dinner", "tea",
        "breakfast", "shift", "appointment", "appt", "meeting", "train", "bus", "there", "early", "late", "ended", "end");

    /// <summary>Words that may sit between a time verb and a clock number: "home at like 7".</summary>
    public static readonly WordSet TimeHedges = new(
        "like", "about", "abt", "bout", "around", "roughly", "approx", "approximately", "just", "gone", "after", "maybe",
        "at", "till", "til", "until", "by", "before", "b4", "since", "past");

    /// <summary>After these, a number word is a clock time: "half seven", "quarter to seven".</summary>
    public static readonly WordSet ClockSuffixes = new("am", "pm", "oclock", "tonight", "tomorrow", "tmrw", "2moro", "tomoz");

    public static readonly WordSet Months = new(
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /// <summary>Words that can trail a score without making it mid-sentence: "7 x", "6 lol", "5 today tbh".</summary>
    public static readonly WordSet TrailingFillers = new(
        "x", "xx", "xxx", "xxxx", "lol", "lmao", "haha", "hahaha", "hehe", "thx", "thanks", "thank", "you", "u", "ty", "ta",
        "cheers", "today", "2day", "tday", "tonight", "2nite", "tbh", "overall", "innit", "tho", "though", "hun", "babe",
        "ish", "i", "think", "guess", "maybe", "prob", "probs", "probably", "really", "honestly", "again", "now", "atm", "rn",
        "mate", "love", "luv", "xoxo", "ok", "okay", "please", "pls", "plz", "sorry", "soz", "sry", "ye", "yeah", "yes",
        "yep", "hope", "hopefully", "tmrw", "tomorrow", "ig", "idk", "not", "bad", "too", "either", "innit");

    /// <summary>Words that can lead a score without making it mid-sentence: "hi 7", "ok so 6".</summary>
    public static readonly WordSet LeadingFillers = new(
        "hi", "hiya", "hey", "heya", "hello", "ok", "okay", "um", "umm", "erm", "so", "well", "today", "2day", "tday",
        "tonight", "overall", "honestly", "tbh", "oh", "yeah", "yes", "yep", "ye", "morning", "evening", "night", "buddy",
        "right", "hmm", "hmmm", "er", "uh", "eh");

    /// <summary>Glued to digits these make a time, a date or a count: "7pm", "12th", "5k", "2hrs".</summary>
    public static readonly WordSet TimeSuffixes = new("am", "pm", "oclock");

    public static readonly WordSet OrdinalSuffixes = new("st", "nd", "rd", "th");

    /// <summary>Glued to digits these still leave a score: "7ish", "8x" (a kiss).</summary>
    public static readonly WordSet ScoreSuffixes = new("ish", "x", "xx", "xxx", "xxxx");
}
