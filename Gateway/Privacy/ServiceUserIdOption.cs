using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Privacy;

internal static class ServiceUserIdOption
{
    /// <summary>Reads --id as a service user id, or the sentence that says what is wrong with it.</summary>
    public static Guid? Read(VerbOptions options, out string problem)
    {
        problem = "";
        if (Guid.TryParse(options["id"], out var id))
        {
            return id;
        }

        problem = options["id"] is null ? "--id is required (the service user's id)." : $"--id '{options["id"]}' is not a service user id (a GUID).";
        return null;
    }
}
