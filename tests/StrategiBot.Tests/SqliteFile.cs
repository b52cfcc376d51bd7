using Microsoft.Data.Sqlite;

namespace StrategiBot.Tests;

/// <summary>A SQLite database file for tests that stop the bot and start it again over the same state.</summary>
internal sealed class SqliteFile : IDisposable
{
    private readonly TempFolder _folder = new("strategibot-restart");

    public Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder.Path, "bot.db") }.ToString(),
    };

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before the folder goes.
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
