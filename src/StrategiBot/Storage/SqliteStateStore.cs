using Microsoft.Data.Sqlite;

namespace StrategiBot.Storage;

/// <summary>
/// The embedded store: one SQLite file, one table of versioned JSON records. Survives restarts and needs
/// no server; WAL mode lets the web host read while a turn writes.
/// </summary>
internal sealed class SqliteStateStore : IStateStore
{
    private readonly string _connectionString;

    public SqliteStateStore(string connectionString)
    {
        _connectionString = connectionString;
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.Mode != SqliteOpenMode.Memory
            && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS state (
                kind TEXT NOT NULL,
                id TEXT NOT NULL,
                version INTEGER NOT NULL,
                json TEXT NOT NULL,
                updated_utc TEXT NOT NULL,
                PRIMARY KEY (kind, id)
            );
            """;
        command.ExecuteNonQuery();
    }

    public async Task<Versioned<T>?> ReadAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json, version FROM state WHERE kind = $kind AND id = $id";
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$id", key.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new Versioned<T>(StateJson.Deserialize<T>(reader.GetString(0)), reader.GetInt64(1));
    }

    public async Task<long> WriteAsync<T>(StateKey<T> key, T value, long expectedVersion, CancellationToken cancellationToken) where T : class
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = expectedVersion == 0
            ? "INSERT INTO state (kind, id, version, json, updated_utc) VALUES ($kind, $id, 1, $json, $now) ON CONFLICT DO NOTHING"
            : "UPDATE state SET version = version + 1, json = $json, updated_utc = $now WHERE kind = $kind AND id = $id AND version = $expected";
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$id", key.Id);
        command.Parameters.AddWithValue("$json", StateJson.Serialize(value));
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$expected", expectedVersion);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken);
        if (changed == 0)
        {
            throw new StateConflictException(key.Kind, key.Id);
        }
        return expectedVersion + 1;
    }

    public async Task DeleteAsync<T>(StateKey<T> key, CancellationToken cancellationToken) where T : class
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM state WHERE kind = $kind AND id = $id";
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$id", key.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
