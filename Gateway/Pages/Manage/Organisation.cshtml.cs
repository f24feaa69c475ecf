using Buddy.Domain.Organisations;
using Buddy.Domain.Time;
using Buddy.Domain.Validation;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Organisations;
using Microsoft.AspNetCore.Mvc;

namespace Buddy.Gateway.Pages.Manage;

/// <summary>Organisation defaults: texts, duty contact, quiet hours, catch-up window, send rate, mood scale, alert thresholds.</summary>
public sealed class OrganisationModel(OrganisationCommands organisations) : ManagePageModel
{
    /// <summary>The settings in the order the form shows them (the error summary follows it).</summary>
    public sealed class SettingsForm
    {
        public string? CrisisMessage { get; set; }
        public string? HelpMessage { get; set; }
        public MoodScale MoodScale { get; set; }
        public string? DutyContactName { get; set; }
        public string? DutyContactPhone { get; set; }
        public string? DutyContactEmail { get; set; }
        public string? TimeZoneId { get; set; }
        public string? QuietHoursStart { get; set; }
        public string? QuietHoursEnd { get; set; }
        public int? CatchUpWindowMinutes { get; set; }
        public double? SendRatePerSecond { get; set; }
        public int? LowMoodStreak { get; set; }
        public int? NoReplyDays { get; set; }
        public double? DeteriorationDrop { get; set; }
    }

    [BindProperty]
    public SettingsForm Input { get; set; } = new();

    public string OrganisationName { get; private set; } = "";

    /// <summary>The zone saved now: first in the time zone list.</summary>
    public string SavedTimeZoneId { get; private set; } = "Europe/London";

    public string CountryCode { get; private set; } = "GB";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organisation = await LoadAsync(cancellationToken);
        var s = OrganisationSettings.From(organisation);
        Input = new SettingsForm
        {
            TimeZoneId = s.TimeZoneId, MoodScale = s.MoodScale, CrisisMessage = s.CrisisMessage, HelpMessage = s.HelpMessage,
            DutyContactName = s.DutyContactName, DutyContactPhone = s.DutyContactPhone, DutyContactEmail = s.DutyContactEmail,
            QuietHoursStart = TimeText.Format(s.QuietHoursStart), QuietHoursEnd = TimeText.Format(s.QuietHoursEnd), CatchUpWindowMinutes = s.CatchUpWindowMinutes,
            SendRatePerSecond = s.SendRatePerSecond, LowMoodStreak = s.LowMoodStreak, NoReplyDays = s.NoReplyDays, DeteriorationDrop = s.DeteriorationDrop,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var read = new FieldErrors();
        var quietStart = TimeField.Read(Input.QuietHoursStart, nameof(Input.QuietHoursStart), "the start of quiet hours", read, required: true);
        var quietEnd = TimeField.Read(Input.QuietHoursEnd, nameof(Input.QuietHoursEnd), "the end of quiet hours", read, required: true);
        AddErrors(read);

        // A cleared number is an error like any other (one the field could not hold has its own message already).
        foreach (var (field, missing) in new (string, bool)[]
                 {
                     ("CatchUpWindowMinutes", Input.CatchUpWindowMinutes is null), ("SendRatePerSecond", Input.SendRatePerSecond is null),
                     ("LowMoodStreak", Input.LowMoodStreak is null), ("NoReplyDays", Input.NoReplyDays is null), ("DeteriorationDrop", Input.DeteriorationDrop is null),
                 })
        {
            if (missing && ModelState.GetFieldValidationState($"Input.{field}") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError($"Input.{field}", "Enter a number");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var change = await organisations.SaveAsync(Scope, new OrganisationSettings
        {
            TimeZoneId = Input.TimeZoneId?.Trim() ?? "", MoodScale = Input.MoodScale, CrisisMessage = Input.CrisisMessage ?? "", HelpMessage = Input.HelpMessage ?? "",
            DutyContactName = Input.DutyContactName, DutyContactPhone = Input.DutyContactPhone, DutyContactEmail = Input.DutyContactEmail,
            QuietHoursStart = quietStart!.Value, QuietHoursEnd = quietEnd!.Value, CatchUpWindowMinutes = Input.CatchUpWindowMinutes!.Value,
            SendRatePerSecond = Input.SendRatePerSecond!.Value, LowMoodStreak = Input.LowMoodStreak!.Value, NoReplyDays = Input.NoReplyDays!.Value,
            DeteriorationDrop = Input.DeteriorationDrop!.Value,
        }, cancellationToken);
        if (!change.IsSaved)
        {
            AddErrors(change.Errors);
            return Page();
        }

        Confirmation = "Organisation settings were saved.";
        return RedirectToPage();
    }

    private async Task<Domain.Organisations.Organisation> LoadAsync(CancellationToken cancellationToken)
    {
        var organisation = await organisations.GetAsync(Scope, cancellationToken);
        (OrganisationName, SavedTimeZoneId, CountryCode) = (organisation.Name, organisation.TimeZoneId, organisation.CountryCode);
        return organisation;
    }
}
