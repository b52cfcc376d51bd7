namespace StrategiBot.Storage;

internal enum StorageProvider
{
    Sqlite,
    Memory,
}

/// <summary>The <c>Storage</c> configuration section.</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (default) or <c>Memory</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>For SQLite; default: <c>data/strategibot.db</c> beside the app.</summary>
    public string? ConnectionString { get; set; }

    public string ResolveSqliteConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(AppContext.BaseDirectory, "data", "strategibot.db"),
            }.ToString()
            : ConnectionString;
}
