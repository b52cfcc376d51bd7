using System.Security.Cryptography;
using System.Text;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Conversation;

/// <summary>
/// A pseudonymous, stable key for a user: a hash of the channel and the user's id, so stored state and
/// feedback never hold the raw id.
/// </summary>
internal static class UserKeys
{
    public static string? For(Activity activity)
    {
        var id = activity.From?.AadObjectId ?? activity.From?.Id;
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{activity.ChannelId}|{id}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
