using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Hosting;

/// <summary>
/// Settings sections are bound one way: <c>AddOptions&lt;T&gt;().BindConfiguration(section)</c>, checked by one
/// function of the bound values (it returns the sentence naming the bad setting, or null) and validated at start-up.
/// <see cref="Read{T}"/> is the same binder and the same check, for the few values needed before the container exists.
/// <see cref="Read{TText, T}"/> binds a section as text, for checks that quote back what was typed.
/// </summary>
internal static class Settings
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section, Func<T, string?> problem)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new Check<T>(problem));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>The section bound and checked now; a bad value stops start-up with one sentence naming it.</summary>
    public static T Read<T>(IConfiguration configuration, string section, Func<T, string?> problem)
        where T : class, new()
    {
        T settings;
        try
        {
            settings = (section.Length == 0 ? configuration : configuration.GetSection(section)).Get<T>() ?? new T();
        }
        catch (InvalidOperationException error) when (ConfigurationErrors.Explain(error) is { } bad)
        {
            throw bad;
        }

        return problem(settings) is { } sentence ? throw new BadConfigurationException(sentence) : settings;
    }

    /// <summary>
    /// The section bound as text and turned into its values by <paramref name="values"/>, which throws a
    /// <see cref="BadConfigurationException"/> naming the first bad setting and quoting it (the binder's own
    /// conversion leaves the value out, as it may be a secret). An empty <paramref name="section"/> binds the whole
    /// configuration, for settings spread over several sections.
    /// </summary>
    public static T Read<TText, T>(IConfiguration configuration, string section, Func<TText, T> values)
        where TText : class, new() => values(Read<TText>(configuration, section, _ => null));

    private sealed class Check<T>(Func<T, string?> problem) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problem(options) is { } sentence ? ValidateOptionsResult.Fail(sentence) : ValidateOptionsResult.Success;
    }
}
