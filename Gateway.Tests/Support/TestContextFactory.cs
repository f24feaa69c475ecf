using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Support;

/// <summary>An <see cref="IDbContextFactory{TContext}"/> over a test database, for services built without the host.</summary>
public sealed class TestContextFactory(TestDatabase database) : IDbContextFactory<BuddyDbContext>
{
    public BuddyDbContext CreateDbContext() => database.CreateContext();
}
