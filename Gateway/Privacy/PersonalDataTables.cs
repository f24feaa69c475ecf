using System.Linq.Expressions;
using Buddy.Domain.Audit;
using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Buddy.Gateway.Privacy;

/// <summary>
/// Finds the personal data in the model rather than listing it by hand: every mapped entity with a
/// <c>ServiceUserId</c> holds data about that person. A table another feature adds later is therefore exported
/// and erased without anyone remembering to come here (the tests seed every such table to prove it).
/// </summary>
internal static class PersonalDataTables
{
    public const string ServiceUserIdProperty = nameof(AuditEvent.ServiceUserId);

    /// <summary>Entity types keyed to a service user, dependents before the rows they point at (safe delete order).</summary>
    public static IReadOnlyList<IEntityType> AboutServiceUser(IModel model)
    {
        var types = model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.ClrType != typeof(ServiceUser) && e.FindProperty(ServiceUserIdProperty) is not null)
            .ToList();

        // Order so that a type whose foreign key points at another type in the set comes first.
        var ordered = new List<IEntityType>();
        var remaining = types.ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(e => !remaining.Any(other => other != e && other.GetForeignKeys().Any(fk => fk.PrincipalEntityType == e)))
                ?? remaining[0];
            remaining.Remove(next);
            ordered.Add(next);
        }

        return ordered;
    }

    /// <summary>Every table erasure and retention change: those keyed to a service user, and the service users themselves.</summary>
    public static IReadOnlyList<string> Touched(IModel model) =>
        AboutServiceUser(model).Append(model.FindEntityType(typeof(ServiceUser))!)
            .Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary><c>db.Set&lt;T&gt;().Where(e =&gt; e.ServiceUserId == id)</c> for an entity type known only at run time.</summary>
    public static IQueryable<object> RowsOf(BuddyDbContext db, IEntityType entity, Guid serviceUserId) =>
        (IQueryable<object>)s_rowsOf.MakeGenericMethod(entity.ClrType).Invoke(null, [db, entity, serviceUserId])!;

    /// <summary>Deletes every row of this type about the person, in the database, without loading it.</summary>
    public static Task<int> DeleteRowsOfAsync(BuddyDbContext db, IEntityType entity, Guid serviceUserId, CancellationToken cancellationToken) =>
        (Task<int>)s_delete.MakeGenericMethod(entity.ClrType).Invoke(null, [db, entity, serviceUserId, cancellationToken])!;

    private static readonly System.Reflection.MethodInfo s_rowsOf =
        typeof(PersonalDataTables).GetMethod(nameof(RowsOfCore), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static readonly System.Reflection.MethodInfo s_delete =
        typeof(PersonalDataTables).GetMethod(nameof(DeleteCoreAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    private static IQueryable<object> RowsOfCore<T>(BuddyDbContext db, IEntityType entity, Guid serviceUserId)
        where T : class =>
        db.Set<T>().AsNoTracking().Where(BelongsTo<T>(entity, serviceUserId));

    private static Task<int> DeleteCoreAsync<T>(BuddyDbContext db, IEntityType entity, Guid serviceUserId, CancellationToken cancellationToken)
        where T : class =>
        db.Set<T>().Where(BelongsTo<T>(entity, serviceUserId)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>e =&gt; e.ServiceUserId == id, typed for Guid or Guid? so it translates to SQL on both engines.</summary>
    private static Expression<Func<T, bool>> BelongsTo<T>(IEntityType entity, Guid serviceUserId)
    {
        var property = entity.FindProperty(ServiceUserIdProperty)!;
        var row = Expression.Parameter(typeof(T), "row");
        var body = Expression.Equal(
            Expression.Property(row, property.PropertyInfo!),
            Expression.Constant(serviceUserId, property.ClrType));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }
}
