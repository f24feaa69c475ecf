using Buddy.Domain.Validation;

namespace Buddy.Gateway.Api;

/// <summary>
/// The page a list asks for. Out of range is a 400 naming the field, never clamped: clamping once turned
/// page=2147483647 into page 1 (its offset overflowed), which a client paging to the end takes for data.
/// A page past the last one is an empty list with the total.
/// </summary>
internal readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    /// <summary>The highest page number: (MaxPage - 1) × MaxPageSize rows are skipped without overflowing.</summary>
    public const int MaxPage = 1_000_000;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Null, with the field errors added, when either number is out of range.</summary>
    public static Paging? From(int page, int pageSize, FieldErrors errors)
    {
        if (page is < 1 or > MaxPage)
        {
            errors.Add("page", $"Use a page from 1 to {MaxPage:N0}");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"Use a pageSize from 1 to {MaxPageSize}");
        }

        return errors.IsValid ? new Paging(page, pageSize) : null;
    }
}
