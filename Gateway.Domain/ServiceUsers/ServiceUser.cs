namespace Buddy.Domain.ServiceUsers;

/// <summary>A person receiving the service. They only ever see SMS.</summary>
public sealed class ServiceUser
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>Used in message templates ({FirstName}); defaults to the first word of the display name.</summary>
    public string? FirstName { get; set; }

    /// <summary>E.164, e.g. +447700900123. Null once erased.</summary>
    public string? PhoneE164 { get; set; }
    public Guid? TherapistId { get; set; }
    public string TimeZoneId { get; set; } = "Europe/London";
    public ServiceUserStatus Status { get; set; } = ServiceUserStatus.Active;
    public ConsentState Consent { get; set; } = ConsentState.OptedIn;
    public DateTime? ConsentChangedAtUtc { get; set; }

    /// <summary>No check-ins before this local date (a pause); null while paused means paused until someone resumes them.</summary>
    public DateOnly? PausedUntil { get; set; }
    public DateTime? DischargedAtUtc { get; set; }

    /// <summary>Set when the person was erased on request; only a non-identifying stub remains.</summary>
    public DateTime? ErasedAtUtc { get; set; }

    /// <summary>Set when the retention policy removed identifiable content after discharge; the structure stays.</summary>
    public DateTime? AnonymisedAtUtc { get; set; }

    /// <summary>Optional external reference (e.g. the clinical record's id) for filing exports.</summary>
    public string? ExternalReference { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public string GreetingName =>
        !string.IsNullOrWhiteSpace(FirstName) ? FirstName : DisplayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? DisplayName;

    /// <summary>
    /// Paused on <paramref name="localDate"/> (their own calendar): routine texts (check-ins, goal reminders, scheduled
    /// questionnaires) wait. Paused with no date lasts until a person resumes them.
    /// </summary>
    public bool IsPausedOn(DateOnly localDate) => Status == ServiceUserStatus.Paused && (PausedUntil is not { } until || localDate < until);

    /// <summary>True when nothing may be texted to this person, whatever a schedule says.</summary>
    public bool MayNotBeTexted => Consent == ConsentState.OptedOut || Status == ServiceUserStatus.Discharged || PhoneE164 is null;
}
