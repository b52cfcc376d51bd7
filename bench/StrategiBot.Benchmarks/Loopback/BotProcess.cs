using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StrategiBot.Benchmarks.Loopback;

/// <summary>
/// One bot under test, run as a child process on a loopback port. Disposing kills the whole process
/// tree, and every instance is also tracked so an abrupt exit of the driver takes the bots with it.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;
    private static readonly ConcurrentDictionary<BotProcess, byte> Live = new();

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _outputTail = new();

    static BotProcess()
    {
        // Backstop for paths that skip finally blocks; normal runs dispose explicitly.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    private BotProcess(string kind, Process process, Uri messagesUrl)
    {
        Kind = kind;
        _process = process;
        MessagesUrl = messagesUrl;
    }

    public string Kind { get; }

    /// <summary>Where activities are posted.</summary>
    public Uri MessagesUrl { get; }

    public string OutputTail => string.Join(Environment.NewLine, _outputTail);

    public static Task<BotProcess> StartStrategiBotAsync(string dllPath, HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            // The content root is the working directory, and appsettings*.json live beside the dll.
            WorkingDirectory = Path.GetDirectoryName(dllPath)!,
        };
        start.ArgumentList.Add(dllPath);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add("--Storage:Provider=Memory");
        // Per-request console logging would measure the console; the JS bot logs nothing per turn either.
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        return StartAsync(BotKinds.StrategiBot, start, port, http, timeout, cancellationToken);
    }

    public static Task<BotProcess> StartJsReferenceAsync(string botJsPath, HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.GetDirectoryName(botJsPath)!,
        };
        start.ArgumentList.Add(botJsPath);
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["NODE_ENV"] = "production";
        return StartAsync(BotKinds.JsReference, start, port, http, timeout, cancellationToken);
    }

    private static async Task<BotProcess> StartAsync(
        string kind, ProcessStartInfo start, int port, HttpClient http, TimeSpan timeout, CancellationToken cancellationToken)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        // Both bots must reply straight to the loopback connector: a proxy from the environment would
        // add a hop to one of them (or send benchmark traffic off the machine).
        foreach (var name in new[] { "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy" })
        {
            start.Environment.Remove(name);
        }
        start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        start.Environment["no_proxy"] = "127.0.0.1,localhost";
        // Authentication stays off for both, as the comparison is of turn handling, not token checks.
        start.Environment.Remove("MicrosoftAppId");
        start.Environment.Remove("MicrosoftAppPassword");

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var messagesUrl = new Uri($"http://127.0.0.1:{port}/api/messages");
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {start.FileName}.");
        }
        var bot = new BotProcess(kind, process, messagesUrl);
        Live.TryAdd(bot, 0);
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await bot.WaitUntilListeningAsync(http, port, timeout, cancellationToken);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    // Any HTTP answer means Kestrel or express is accepting; the status of GET / is irrelevant.
    private async Task WaitUntilListeningAsync(HttpClient http, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var probe = new Uri($"http://127.0.0.1:{port}/");
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{Kind} exited with code {_process.ExitCode} before listening. Last output:{Environment.NewLine}{OutputTail}");
            }
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, probe);
                using var response = await http.SendAsync(request, deadline.Token);
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{Kind} did not listen on port {port} within {timeout}. Last output:{Environment.NewLine}{OutputTail}");
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{Kind} did not listen on port {port} within {timeout}. Last output:{Environment.NewLine}{OutputTail}");
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _outputTail.Enqueue(line);
        while (_outputTail.Count > KeptOutputLines && _outputTail.TryDequeue(out _))
        {
        }
    }

    // Port 0 lets the OS pick; the tiny window before the bot binds it is acceptable on a dev machine.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void KillAll()
    {
        foreach (var bot in Live.Keys)
        {
            bot.Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Live.TryRemove(this, out _);
        Kill();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"{Kind} (pid {_process.Id}) did not exit within 10 s of being killed.");
        }
        _process.Dispose();
    }
}
