using System.Data;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Privacy;

/// <summary>
/// After personal data is erased or anonymised, makes sure the database files no longer hold the old bytes.
/// How each engine lets go of the old bytes is its dialect's business (<see cref="DatabaseDialect"/>): SQLite
/// returns freed pages and empties its write-ahead log, PostgreSQL vacuums the touched tables, SQL Server wipes
/// free space.
/// Runs after the commit and never undoes it: a failure is logged, and the next erasure, the nightly sweep or
/// autovacuum does the work instead.
/// </summary>
public static class FreedSpace
{
    public static async Task ReclaimAsync(BuddyDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        try
        {
            if (opened)
            {
                await connection.OpenAsync(cancellationToken);
            }

            var partly = await db.Dialect.ReclaimFreedSpaceAsync(connection, [.. PersonalDataTables.Touched(db.Model)], cancellationToken);
            if (partly is not null)
            {
                logger.LogInformation("{Partly}", partly);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not reclaim the space erased data occupied; it is retried after the next erasure or sweep");
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }
}
