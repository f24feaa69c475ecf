namespace Buddy.Domain.Safeguarding.Reading;

/// <summary>
/// The word families the risk reader knows (risk-lexicon.json names them in kebab case). A word can belong to
/// several. Risk comes from rules that combine them (Rules/), never from one family alone unless the word is
/// unambiguous ("suicidal", "overdosed").
/// </summary>
internal enum Concept : byte
{
    // Who: the sender, others, things.
    I, Me, My, Myself, Other, Themself, Kin, Person, Group, Thing, Everyone, Nobody,

    // Grammar, time and stance.
    Negation, Desire, Intent, Modal, Thought, Cant, Try, If, Passive, Past, Now, Soon, Anymore, Again, Forever,

    // Death, ending, wishing not to exist, preparing for it.
    Suicide, Die, Kill, End, Everything, Life, Wake, Sleep, Disappear, GoOn, Point, Tired, Burden, BetterOff, Notice,
    Farewell, Bye, Explain, Letter, Write, Prepare, Buy, Affairs, GiveAway, Belongings, Decision, Act, Reunion, Deceased,

    // Means and methods.
    Meds, Quantity, Take, Overdose, Means, Blade, Place, Method,

    // Self-harm.
    SelfHarm, Cut, Body, Wound, Hide, Bleed, Relapse, Clean,

    // Harm from others.
    Violence, Neck, Grip, Choke, Sexual, Enter, Room, Night, Secret, Control, Phone, Money, Seize, Shout, Insult, Fear,
    Home, Deprivation, Need, LeftMe, Abuse, Exploit, MoveIn, Made, Carry, Goods, Town, Owe, Pics, Leak, Marry, Passport,
    Unpaid, Threat, Older, SafeNow, Carer, NoShow, Coercion, Cope,

    // Context that changes what a human must do, and what the reply says about contacting the person.
    Professional, Media, Joke, Help, Contact, Accident, Distress, NoCall, PhoneRead, Idiom, Topic, Plan, Trade, Reassure, Score, Safety,
}

/// <summary>
/// A set of <see cref="Concept"/>s as one 128-bit mask: copying and testing it costs nothing. The enum is full (128
/// families): a new family needs a wider mask.
/// </summary>
internal readonly record struct Concepts(UInt128 Bits)
{
    public static Concepts None => default;

    public bool IsEmpty => Bits == UInt128.Zero;

    public bool Has(Concept concept) => (Bits & (UInt128.One << (int)concept)) != UInt128.Zero;

    public bool HasAny(Concepts other) => (Bits & other.Bits) != UInt128.Zero;

    public Concepts With(Concept concept) => new(Bits | (UInt128.One << (int)concept));

    public Concepts Union(Concepts other) => new(Bits | other.Bits);

    public Concepts Without(Concepts other) => new(Bits & ~other.Bits);

    public Concepts Intersect(Concepts other) => new(Bits & other.Bits);

    public static Concepts Of(params ReadOnlySpan<Concept> concepts)
    {
        var bits = UInt128.Zero;
        foreach (var concept in concepts)
        {
            bits |= UInt128.One << (int)concept;
        }

        return new(bits);
    }

    /// <summary>The concepts in the set, lowest first; allocation-free when iterated with foreach.</summary>
    public Enumerator GetEnumerator() => new(Bits);

    public struct Enumerator(UInt128 bits)
    {
        private UInt128 _rest = bits;

        public Concept Current { get; private set; }

        public bool MoveNext()
        {
            if (_rest == UInt128.Zero)
            {
                return false;
            }

            var index = (int)UInt128.TrailingZeroCount(_rest);
            Current = (Concept)index;
            _rest &= _rest - UInt128.One;
            return true;
        }
    }
}
