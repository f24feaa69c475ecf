using Buddy.Gateway.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Buddy.Gateway.Identity;

public static class IdentitySetup
{
    public const string SignInPath = "/Account/SignIn";

    /// <summary>How old a sign-in cookie's last check may be before it is checked against the account again.</summary>
    public static readonly TimeSpan SecurityStampCheckInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Staff sign-in: Identity with EF stores in Buddy's database, cookie authentication, and a fallback policy
    /// that makes every page and endpoint require a signed-in user unless it says <c>AllowAnonymous</c>.
    /// </summary>
    public static IServiceCollection AddBuddyIdentity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<BuddyUser>(options =>
            {
                // Length matters most (NCSC); the character classes make a 12-character minimum harder to game.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 6;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<BuddyDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "buddy.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = SignInPath;
            options.LogoutPath = "/Account/SignOut";
            options.AccessDeniedPath = "/Account/AccessDenied";

            // Shared council laptops: an idle session ends after half an hour.
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
        });

        // A manager's password reset link (Staff/PasswordResets) works for a day, once.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = Staff.PasswordResets.LinkLifetime);

        // Signing out, deactivation and a changed password rotate the security stamp; every cookie is checked against
        // it this often, so a copy of a cookie from before dies within seconds. One indexed read per check.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SecurityStampCheckInterval);

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "buddy.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Cookies are Secure (sent over HTTPS only). The one exception is a developer's plain-http localhost,
        // where `dotnet run` serves: Identity:SecureCookiesOnly defaults to false only in Development.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) => options.Cookie.SecurePolicy = CookiePolicy(configuration, environment))
            .ValidateOnStart(); // reads Identity:SecureCookiesOnly at start-up, so a bad value stops it there
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) => options.Cookie.SecurePolicy = CookiePolicy(configuration, environment));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(BuddyPolicies.Staff, policy => policy.RequireAuthenticatedUser().RequireRole(BuddyPolicies.StaffRoles))
            .AddPolicy(BuddyPolicies.Manager, policy => policy.RequireAuthenticatedUser().RequireRole(BuddyPolicies.ManagerRoles));

        services.AddScoped<StaffAccounts>();
        return services;
    }

    private static CookieSecurePolicy CookiePolicy(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Identity:SecureCookiesOnly", !environment.IsDevelopment()) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
