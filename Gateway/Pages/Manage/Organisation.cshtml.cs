using Buddy.Domain.Organisations;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Organisations;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Pages.Manage;

/// <summary>Organisation defaults: texts, duty contact, quiet hours, catch-up window, send rate, mood scale, alert thresholds.</summary>
public sealed class OrganisationModel(OrganisationCommands organisations) : ManagePageModel
{
    public sealed class SettingsForm
    {
        public string? TimeZoneId { get; set; }
        public MoodScale MoodScale { get; set; }
        public string? CrisisMessage { get; set; }
        public string? HelpMessage { get; set; }
        public string? DutyContactName { get; set; }
        public string? DutyContactPhone { get; set; }
        public string? DutyContactEmail { get; set; }
        public TimeOnly? QuietHoursStart { get; set; }
        public TimeOnly? QuietHoursEnd { get; set; }
        public int? CatchUpWindowMinutes { get; set; }
        public double? SendRatePerSecond { get; set; }
        public int? LowMoodStreak { get; set; }
        public int? NoReplyDays { get; set; }
        public double? DeteriorationDrop { get; set; }
    }

    [BindProperty]
    public SettingsForm Input { get; set; } = new();

    public string OrganisationName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = await organisations.GetAsync(Scope, cancellationToken);
        OrganisationName = organisation.Name;
        var s = OrganisationSettings.From(organisation);
        Input = new SettingsForm
        {
            TimeZoneId = s.TimeZoneId, MoodScale = s.MoodScale, CrisisMessage = s.CrisisMessage, HelpMessage = s.HelpMessage,
            DutyContactName = s.DutyContactName, DutyContactPhone = s.DutyContactPhone, DutyContactEmail = s.DutyContactEmail,
            QuietHoursStart = s.QuietHoursStart, QuietHoursEnd = s.QuietHoursEnd, CatchUpWindowMinutes = s.CatchUpWindowMinutes,
            SendRatePerSecond = s.SendRatePerSecond, LowMoodStreak = s.LowMoodStreak, NoReplyDays = s.NoReplyDays, DeteriorationDrop = s.DeteriorationDrop,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        OrganisationName = (await organisations.GetAsync(Scope, cancellationToken)).Name;
        foreach (var (field, missing) in new (string, bool)[]
                 {
                     ("QuietHoursStart", Input.QuietHoursStart is null), ("QuietHoursEnd", Input.QuietHoursEnd is null),
                     ("CatchUpWindowMinutes", Input.CatchUpWindowMinutes is null), ("SendRatePerSecond", Input.SendRatePerSecond is null),
                     ("LowMoodStreak", Input.LowMoodStreak is null), ("NoReplyDays", Input.NoReplyDays is null), ("DeteriorationDrop", Input.DeteriorationDrop is null),
                 })
        {
            if (missing && !ModelState.ContainsKey($"Input.{field}"))
            {
                ModelState.AddModelError($"Input.{field}", "Enter a value");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = await organisations.SaveAsync(Scope, new OrganisationSettings
        {
            TimeZoneId = Input.TimeZoneId?.Trim() ?? "", MoodScale = Input.MoodScale, CrisisMessage = Input.CrisisMessage ?? "", HelpMessage = Input.HelpMessage ?? "",
            DutyContactName = Input.DutyContactName, DutyContactPhone = Input.DutyContactPhone, DutyContactEmail = Input.DutyContactEmail,
            QuietHoursStart = Input.QuietHoursStart!.Value, QuietHoursEnd = Input.QuietHoursEnd!.Value, CatchUpWindowMinutes = Input.CatchUpWindowMinutes!.Value,
            SendRatePerSecond = Input.SendRatePerSecond!.Value, LowMoodStreak = Input.LowMoodStreak!.Value, NoReplyDays = Input.NoReplyDays!.Value,
            DeteriorationDrop = Input.DeteriorationDrop!.Value,
        }, cancellationToken);
        if (!errors.IsValid)
        {
            AddErrors(errors);
            return Page();
        }

        Confirmation = "Organisation settings were saved.";
        return RedirectToPage();
    }
}
