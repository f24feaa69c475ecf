namespace Buddy.Gateway.Data;

/// <summary>
/// The engines Buddy runs on. Adding one (SQL Server, say) means a case in
/// <see cref="DatabaseServiceCollectionExtensions"/>, a dialect in <see cref="SchemaMigrator"/> and a folder in sql/.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
