namespace Buddy.Gateway.Data;

/// <summary>
/// The engines Buddy runs on. Adding one means a <see cref="DatabaseDialect"/> for it, a folder in sql/ and its
/// connection-string check in <see cref="DatabaseSettings"/>.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
