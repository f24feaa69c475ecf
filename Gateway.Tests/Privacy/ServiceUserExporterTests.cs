using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Privacy;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Buddy.Tests.Privacy;

public sealed class ServiceUserExporterTests
{
    private static readonly DateTime s_now = new(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task CollectAsync_WhenPersonHasEveryKindOfRow_ExportsEveryKindAndNothingOfAnyoneElse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, bravo, charlie) = await SeedThreeAsync(database);

        await using var db = database.CreateContext();
        var export = await Exporter(db).CollectAsync(alpha.ServiceUser.Id, scope: null, CancellationToken.None);

        Assert.NotNull(export);
        Assert.Equal(PersonalDataTables.AboutServiceUser(db.Model).Select(e => e.GetTableName()!).Append("service_users").Order(), export.Sections.Select(s => s.Kind).Order());
        Assert.All(export.Sections, s => Assert.NotEmpty(s.Rows));
        foreach (var row in export.Sections.SelectMany(s => s.Rows))
        {
            var owner = row.GetType().GetProperty("ServiceUserId")?.GetValue(row) ?? row.GetType().GetProperty("Id")!.GetValue(row);
            Assert.True(Equals(owner, alpha.ServiceUser.Id) || row is InboundMessage { ServiceUserId: null, FromPhone: var from } && from == alpha.Phone, $"{row.GetType().Name} belongs to someone else");
        }

        // The unmatched text they sent before they were registered is theirs too.
        Assert.Equal(2, export.RowsOf<InboundMessage>().Count());
        var text = Text(export);
        var leaked = bravo.AllSecrets.Concat(charlie.AllSecrets).Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaked.Count == 0, $"export holds others' data: {string.Join(" | ", leaked)}");
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task ExportAsync_InEachFormat_HoldsTheirWordsNotOthers_AndIsAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, bravo, charlie) = await SeedThreeAsync(database);
        var others = bravo.AllSecrets.Concat(charlie.AllSecrets).ToList();

        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            await using var db = database.CreateContext();
            using var output = new MemoryStream();
            Assert.True(await Exporter(db).ExportAsync(alpha.ServiceUser.Id, format, scope: null, output, CancellationToken.None));

            var text = format == ExportFormat.Csv ? ZipText(output.ToArray()) : Encoding.UTF8.GetString(output.ToArray());
            var missing = alpha.Secrets.Where(s => !text.Contains(System.Net.WebUtility.HtmlEncode(s), StringComparison.OrdinalIgnoreCase)
                && !text.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(missing.Count == 0, $"{format} lacks: {string.Join(" | ", missing)}");
            var leaked = others.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaked.Count == 0, $"{format} holds others' data: {string.Join(" | ", leaked)}");
        }

        await using (var db = database.CreateContext())
        {
            var audits = await db.AuditEvents.Where(a => a.Action == "service-user.exported").ToListAsync();
            Assert.Equal(3, audits.Count);
            Assert.All(audits, a => Assert.Equal(alpha.ServiceUser.Id, a.ServiceUserId));
            Assert.Equal(["format=csv", "format=html", "format=json"], audits.Select(a => a.Detail!.Split(';')[0]).Order());
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite)]
    public async Task ExportAsync_Csv_IsOneFilePerKindWithAHeaderAndALocalTimeTwin(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, _, _) = await SeedThreeAsync(database);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();
        await Exporter(db).ExportAsync(alpha.ServiceUser.Id, ExportFormat.Csv, scope: null, output, CancellationToken.None);

        using var zip = new ZipArchive(new MemoryStream(output.ToArray()), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var table in PersonalDataTables.AboutServiceUser(db.Model).Select(e => e.GetTableName()))
        {
            Assert.Contains($"{table}.csv", names);
        }

        Assert.Contains("README.txt", names);
        using var reader = new StreamReader(zip.GetEntry("diary_entries.csv")!.Open());
        var lines = (await reader.ReadToEndAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Id,OrganisationId,ServiceUserId,LocalDate", lines[0], StringComparison.Ordinal);
        Assert.Contains("CreatedAtUtc,CreatedAtLocal", lines[0], StringComparison.Ordinal);
        Assert.Contains("went to college diary-Alpha", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_Csv_EscapesACellThatWouldRunAsAFormula()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, _, _) = await SeedThreeAsync(database);
        await using (var db = database.CreateContext())
        {
            var entry = await db.DiaryEntries.SingleAsync(d => d.ServiceUserId == alpha.ServiceUser.Id);
            entry.EventText = "=HYPERLINK(\"http://evil.example\")";
            await db.SaveChangesAsync();
        }

        await using var context = database.CreateContext();
        using var output = new MemoryStream();
        await Exporter(context).ExportAsync(alpha.ServiceUser.Id, ExportFormat.Csv, scope: null, output, CancellationToken.None);

        var text = ZipText(output.ToArray());
        Assert.DoesNotContain(",=HYPERLINK", text.Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task ExportAsync_WhenStaffOfAnotherOrganisationAsks_WritesNothingAndReturnsFalse(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (alpha, _, charlie) = await SeedThreeAsync(database);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();

        var found = await Exporter(db).ExportAsync(
            alpha.ServiceUser.Id, ExportFormat.Json, CaseloadScope.ForStaff(Guid.NewGuid(), charlie.ServiceUser.OrganisationId, StaffRole.ServiceManager), output, CancellationToken.None);

        Assert.False(found);
        Assert.Equal(0, output.Length);
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == "service-user.exported"));
    }

    [Fact]
    public async Task ExportAsync_WhenATherapistAsksForAnotherTherapistsClient_WritesNothing_AndTheirOwnClientIsExported()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, _, _) = await SeedThreeAsync(database);
        await using var db = database.CreateContext();
        var organisationId = alpha.ServiceUser.OrganisationId;
        using var refused = new MemoryStream();
        using var exported = new MemoryStream();

        var otherTherapist = CaseloadScope.ForStaff(Guid.NewGuid(), organisationId, StaffRole.Therapist);
        var theirTherapist = CaseloadScope.ForStaff(alpha.ServiceUser.TherapistId!.Value, organisationId, StaffRole.Therapist);

        Assert.False(await Exporter(db).ExportAsync(alpha.ServiceUser.Id, ExportFormat.Json, otherTherapist, refused, CancellationToken.None));
        Assert.Equal(0, refused.Length);
        Assert.True(await Exporter(db).ExportAsync(alpha.ServiceUser.Id, ExportFormat.Json, theirTherapist, exported, CancellationToken.None));
        Assert.True(exported.Length > 0);
    }

    [Fact]
    public async Task ExportAsync_Json_IsValidAndCountsEachKind()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (alpha, _, _) = await SeedThreeAsync(database);
        await using var db = database.CreateContext();
        using var output = new MemoryStream();
        await Exporter(db).ExportAsync(alpha.ServiceUser.Id, ExportFormat.Json, scope: null, output, CancellationToken.None);

        using var json = JsonDocument.Parse(output.ToArray());
        var root = json.RootElement;
        Assert.Equal(alpha.ServiceUser.Id, root.GetProperty("serviceUserId").GetGuid());
        Assert.Equal("Europe/London", root.GetProperty("timeZoneId").GetString());
        Assert.Equal(2, root.GetProperty("counts").GetProperty("inbound_messages").GetInt32());
        var diary = root.GetProperty("diary_entries")[0];
        Assert.Equal(6, diary.GetProperty("moodScore").GetDouble());
        Assert.Equal("High", diary.GetProperty("riskLevel").GetString());
        Assert.Equal("college", diary.GetProperty("tags")[0].GetString());
    }

    [Theory]
    [InlineData(ExportFormat.Json, ".json")]
    [InlineData(ExportFormat.Csv, ".zip")]
    [InlineData(ExportFormat.Html, ".html")]
    public void FileName_NamesTheIdNeverThePerson(ExportFormat format, string extension)
    {
        var id = Guid.Parse("3f2a1c9e-5b7d-4e21-9a0b-1c2d3e4f5a6b");
        Assert.Equal($"buddy-export-3f2a1c9e5b7d4e219a0b1c2d3e4f5a6b-20260303{extension}", format.FileName(id, s_now));
    }

    internal static async Task<(SeededPerson Alpha, SeededPerson Bravo, SeededPerson Charlie)> SeedThreeAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var north = await SeededPerson.AddOrganisationAsync(db, "North Trust");
        var south = await SeededPerson.AddOrganisationAsync(db, "South Council");
        var alpha = await SeededPerson.AddAsync(db, north, "Alpha", "+447700900111", s_now);
        var bravo = await SeededPerson.AddAsync(db, north, "Bravo", "+447700900222", s_now);
        var charlie = await SeededPerson.AddAsync(db, south, "Charlie", "+447700900333", s_now);
        return (alpha, bravo, charlie);
    }

    private static ServiceUserExporter Exporter(BuddyDbContext db) =>
        new(db, new FakeTimeProvider(s_now), NullLogger<ServiceUserExporter>.Instance);

    private static string Text(ServiceUserExport export) =>
        string.Join("\n", export.Sections.SelectMany(s => s.Rows.SelectMany(r => s.Columns.Select(c => c.ValueOf(r)?.ToString() ?? ""))));

    private static string ZipText(byte[] zipBytes)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.AppendLine(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
