namespace Buddy.Domain.Diary;

public enum DiaryEntryKind
{
    /// <summary>An answer to that day's check-in.</summary>
    CheckInReply,

    /// <summary>A text that arrived with no check-in open: kept, never dropped.</summary>
    Note,
}
