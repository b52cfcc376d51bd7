using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Conversation;

/// <summary>
/// A pseudonymous, stable key for a user, so stored state and feedback never hold the raw id: an HMAC of the
/// channel and the user's id under <c>Bot:UserKeySecret</c>. Without the secret it is a plain hash, which
/// anyone holding both the database and the directory's object ids can reverse by hashing every employee's
/// id; the secret, kept outside the database, prevents that.
/// </summary>
internal sealed class UserKeys(IOptions<BotOptions> options)
{
    /// <summary>A secret shorter than this is too easily guessed to protect the keys.</summary>
    public const int MinSecretLength = 32;

    private readonly byte[]? _secret = string.IsNullOrEmpty(options.Value.UserKeySecret) ? null : Encoding.UTF8.GetBytes(options.Value.UserKeySecret);

    /// <summary>Whether the keys are keyed with a secret; a deployment without one is warned at start-up.</summary>
    public bool IsKeyed => _secret is not null;

    public string? For(Activity activity)
    {
        var id = activity.From?.AadObjectId ?? activity.From?.Id;
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        var data = Encoding.UTF8.GetBytes($"{activity.ChannelId}|{id}");
        var hash = _secret is null ? SHA256.HashData(data) : HMACSHA256.HashData(_secret, data);
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
