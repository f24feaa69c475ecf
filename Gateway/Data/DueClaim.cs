namespace Buddy.Gateway.Data;

/// <summary>
/// One kind of due work as the dialects claim it: the table, which of its rows are due (<c>{0}</c>, <c>{1}</c>... are
/// <see cref="Parameters"/>) and the order to take them in. Table, condition and order are constants in code, never
/// input; the values always go as parameters.
/// </summary>
internal sealed record DueClaim(string Table, string Condition, string OrderBy, params object[] Parameters);
