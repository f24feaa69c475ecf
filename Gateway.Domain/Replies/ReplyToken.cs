namespace Buddy.Domain.Replies;

internal enum TokenKind : byte
{
    /// <summary>Letters (with inner apostrophes): "went", "can't".</summary>
    Word,

    /// <summary>A number written in digits ("7", "6.5", "7:30") or spelled ("seven").</summary>
    Number,

    /// <summary>Digits and letters together: "7pm", "12th", "5k", "2day", "gr8".</summary>
    Mixed,

    /// <summary>One punctuation or symbol character.</summary>
    Symbol,

    /// <summary>An emoji or a text emoticon such as ":)". <see cref="ReplyToken.Value"/> is its mood grade 1-5, or 0.</summary>
    Emoji,
}

[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>A number word ("seven"), which needs stronger evidence than a digit before it counts as a score.</summary>
    Spelled = 1,

    /// <summary>Shaped like a clock time: "7:30" or "7.30".</summary>
    ClockTime = 2,

    /// <summary>Starts with 0 and has more digits ("07700"): a phone number or code, never a score.</summary>
    LeadingZero = 4,
}

/// <summary>One token of a reply, as offsets into the original text so nothing is copied.</summary>
internal readonly record struct ReplyToken(TokenKind Kind, int Start, int Length, double Value = 0, TokenFlags Flags = TokenFlags.None, byte Digits = 0)
{
    public int End => Start + Length;

    public bool Has(TokenFlags flag) => (Flags & flag) != 0;
}
