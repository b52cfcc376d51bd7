namespace StrategiBot.Protocol.Hosting;

/// <summary>The application's side of a turn: what the bot does with one inbound activity.</summary>
public interface IBot
{
    /// <summary>
    /// Handles one authenticated activity. Replies go through <see cref="TurnContext.SendAsync"/>; invokes are
    /// answered by setting <see cref="TurnContext.InvokeResponse"/> (left unset, the caller gets 501).
    /// </summary>
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
