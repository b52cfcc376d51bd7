using Microsoft.Extensions.Options;

namespace StrategiBot.Protocol;

/// <summary>
/// Checks <see cref="BotFrameworkOptions"/> before anything uses them, so a missing secret shows up at start-up
/// and names the key to set instead of surfacing as a 401 on the first reply. Register it as
/// <c>IValidateOptions&lt;BotFrameworkOptions&gt;</c> with <c>ValidateOnStart()</c>, or call <see cref="Validate(BotFrameworkOptions)"/>.
/// </summary>
public sealed class BotFrameworkOptionsValidation : IValidateOptions<BotFrameworkOptions>
{
    /// <summary>Every problem with the settings, each naming the key to fix; empty when they are usable.</summary>
    public static IReadOnlyList<string> Validate(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);

        if (!Enum.IsDefined(options.MicrosoftAppType))
        {
            errors.Add($"MicrosoftAppType '{options.MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectorScope))
        {
            errors.Add("ConnectorScope is empty; set it to the connector's scope, e.g. https://api.botframework.com/.default.");
        }

        if (options.IsAuthenticationDisabled)
        {
            // A secret without an app id is almost always a forgotten MicrosoftAppId, and would otherwise
            // silently switch the bot into unauthenticated development mode.
            if (hasPassword)
            {
                errors.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty: set MicrosoftAppId, or remove the password to run in local development mode.");
            }

            return errors;
        }

        switch (options.MicrosoftAppType)
        {
            case BotAppType.MultiTenant:
                if (!hasPassword)
                {
                    errors.Add("MicrosoftAppPassword is required when MicrosoftAppType is MultiTenant.");
                }

                break;
            case BotAppType.SingleTenant:
                if (!hasTenant)
                {
                    errors.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant (the Entra tenant the bot is registered in).");
                }

                if (!hasPassword)
                {
                    errors.Add("MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant.");
                }

                break;
            case BotAppType.UserAssignedMSI:
                if (!hasTenant)
                {
                    errors.Add("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.");
                }

                if (hasPassword)
                {
                    errors.Add("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI: a managed identity has no secret.");
                }

                break;
        }

        return errors;
    }

    ValidateOptionsResult IValidateOptions<BotFrameworkOptions>.Validate(string? name, BotFrameworkOptions options)
    {
        var errors = Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
