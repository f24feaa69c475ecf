using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Privacy;

/// <summary><c>Gateway export-service-user --id G --format json|csv|html [--out FILE]</c>: a subject access export to a file.</summary>
internal sealed class ExportServiceUserVerb(ServiceUserExporter exporter, TimeProvider clock) : ICommandVerb
{
    public string Name => "export-service-user";

    public string Usage => "export-service-user --id G --format json|csv|html [--out FILE]   everything held about one service user";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Parse(args, ["id", "format", "out"], out var error);
        if (options is null)
        {
            return await VerbErrors.UsageAsync(output, this, error);
        }

        if (ServiceUserIdOption.Read(options, out var problem) is not { } id)
        {
            return await VerbErrors.UsageAsync(output, this, problem);
        }

        if (!ExportFormatExtensions.TryParse(options["format"] ?? "json", out var format))
        {
            return await VerbErrors.UsageAsync(output, this, $"--format '{options["format"]}' is not one of json, csv, html.");
        }

        var path = Path.GetFullPath(options["out"] ?? format.FileName(id, clock.GetUtcNow().UtcDateTime));
        var temporary = path + ".partial";
        bool found;
        await using (var file = File.Create(temporary))
        {
            found = await exporter.ExportAsync(id, format, scope: null, file, cancellationToken);
        }

        if (!found)
        {
            File.Delete(temporary);
            return await VerbErrors.FailAsync(output, $"No service user has id {id}.");
        }

        // Written beside and moved into place, so a half-written export is never mistaken for a whole one.
        File.Move(temporary, path, overwrite: true);
        await output.WriteLineAsync($"Wrote the {format.ToString().ToLowerInvariant()} export of service user {id} to {path}. It holds personal data: file it in the clinical record, then delete this copy.");
        return 0;
    }
}
