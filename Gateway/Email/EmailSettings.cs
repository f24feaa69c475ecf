namespace Buddy.Gateway.Email;

/// <summary>The <c>Email</c> section: how safeguarding emails leave Buddy.</summary>
public sealed class EmailSettings
{
    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>How often the dispatcher looks for due emails when nothing wakes it.</summary>
    public int PollSeconds { get; set; } = 30;

    /// <summary>Tries before an email is marked Failed (it stays in the table with its last error).</summary>
    public int MaxAttempts { get; set; } = 20;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host) || !string.IsNullOrWhiteSpace(Smtp.PickupDirectory);
}

/// <summary><c>Email:Smtp:*</c>. Set Host for a real server, or PickupDirectory to write .eml files instead (development).</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "buddy@localhost";
    public bool EnableSsl { get; set; } = true;

    /// <summary>When set, emails are written as .eml files to this folder instead of being sent.</summary>
    public string? PickupDirectory { get; set; }
}
