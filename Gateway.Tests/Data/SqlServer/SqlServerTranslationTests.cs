using System.Linq.Expressions;
using Buddy.Gateway.Data;
using Buddy.Tests.Dashboard;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Data.SqlServer;

/// <summary>
/// The gateway's LINQ queries translate on SQL Server. The real gateway runs on SQLite with a recorder on its
/// contexts while staff walk every dashboard and console page and the background jobs run; each query shape it
/// compiled is then compiled again, unchanged, by the SQL Server provider (translation needs no server). Raw SQL
/// roots are skipped: they belong to the dialects, whose T-SQL is parsed on its own. The shapes and their count
/// are written beside the test output (sqlserver-queries.txt) for review.
/// </summary>
public sealed class SqlServerTranslationTests
{
    [Fact]
    public async Task EveryQueryTheGatewayRan_TranslatesOnSqlServer()
    {
        var recorder = new QueryRecorder();
        await using (var world = await DashboardWorld.CreateAsync())
        {
            using var factory = world.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(
                services => services.ConfigureDbContext<BuddyDbContext>(options => options.AddInterceptors(recorder))));
            var therapist = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
            await SignInAsync(therapist, world.TherapistA1.Email);
            foreach (var url in new[] { "/Dashboard", $"/Dashboard/Summary/{world.Jo.Id}", $"/Dashboard/Cycle/{world.Jo.Id}", "/Dashboard/Alerts" })
            {
                (await therapist.GetAsync(url)).EnsureSuccessStatusCode();
            }

            var manager = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
            await SignInAsync(manager, world.ManagerA.Email);
            foreach (var url in new[]
            {
                "/Manage", "/Manage/Overview", "/Manage/Audit", "/Manage/Organisation", "/Manage/ServiceUsers", "/Manage/ServiceUsers/Create",
                $"/Manage/ServiceUsers/Edit/{world.Jo.Id}", "/Manage/Staff", "/Manage/Staff/Create", "/Manage/Templates", "/Manage/Templates/Edit",
            })
            {
                (await manager.GetAsync(url)).EnsureSuccessStatusCode();
            }
        }

        using var sqlServer = SqlServerModel.CreateContext();
        var database = sqlServer.GetService<IDatabase>();
        var failures = new List<string>();
        var translated = new List<string>();
        foreach (var (shape, query) in recorder.Queries.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            if (new RawSqlFinder().Contains(query))
            {
                continue;
            }

            try
            {
                Compile(database, new RootsFor(sqlServer.Model).Visit(query));
                translated.Add(shape);
            }
            catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or System.Reflection.TargetInvocationException)
            {
                failures.Add($"{shape}\n  {(ex.InnerException ?? ex).Message}");
            }
        }

        await File.WriteAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "sqlserver-queries.txt"), [$"{translated.Count} query shapes translated on SQL Server", .. translated]);
        Assert.True(translated.Count >= 30, $"Only {translated.Count} query shapes were recorded: the walk no longer reaches the gateway's features.");
        Assert.Empty(failures);
    }

    [Fact]
    public void Compile_WhenAQueryCannotBeTranslated_Throws()
    {
        using var sqlServer = SqlServerModel.CreateContext();
        var untranslatable = sqlServer.ServiceUsers.Where(s => IsLucky(s.DisplayName)).Expression;
        var sqliteOnly = sqlServer.ServiceUsers.Where(s => EF.Functions.Glob(s.DisplayName, "S*")).Expression;

        Assert.ThrowsAny<Exception>(() => Compile(sqlServer.GetService<IDatabase>(), untranslatable));
        Assert.ThrowsAny<Exception>(() => Compile(sqlServer.GetService<IDatabase>(), sqliteOnly));
        Compile(sqlServer.GetService<IDatabase>(), sqlServer.ServiceUsers.Where(s => s.DisplayName.StartsWith("Sa")).Expression);
    }

    private static bool IsLucky(string name) => name.Length == 7;

    private static async Task SignInAsync(HttpClient client, string email)
    {
        using var response = await DashboardWorld.SignInAsync(client, email, DashboardWorld.Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Translates the query for SQL Server without running it (EF Core compiles to SQL before it needs a connection).</summary>
    private static void Compile(IDatabase database, Expression query)
    {
        var result = query.Type.IsGenericType && typeof(IQueryable).IsAssignableFrom(query.Type)
            ? typeof(IEnumerable<>).MakeGenericType(query.Type.GetGenericArguments()[0])
            : query.Type;
        typeof(IDatabase).GetMethod(nameof(IDatabase.CompileQuery))!.MakeGenericMethod(result).Invoke(database, [query, false]);
    }

    /// <summary>Points each entity root at the SQL Server model's entity type (the recorded one belongs to SQLite's model).</summary>
    private sealed class RootsFor(IModel model) : ExpressionVisitor
    {
        protected override Expression VisitExtension(Expression node) => node is EntityQueryRootExpression root
            ? new EntityQueryRootExpression(model.FindEntityType(root.EntityType.Name)!)
            : base.VisitExtension(node);
    }

    private sealed class RawSqlFinder : ExpressionVisitor
    {
        private bool _found;

        public bool Contains(Expression query)
        {
            Visit(query);
            return _found;
        }

        protected override Expression VisitExtension(Expression node)
        {
            _found |= node.GetType().Name is "FromSqlQueryRootExpression" or "SqlQueryRootExpression";
            return node is QueryRootExpression ? node : base.VisitExtension(node);
        }
    }
}
