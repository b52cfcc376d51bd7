using System.Text;
using BenchmarkDotNet.Attributes;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Benchmarks.Protocol;

/// <summary>
/// The per-turn wire work that is ours alone: reading the inbound Teams activity and writing the
/// reply with the source-generated serializer. Everything else in a turn is network or bot logic.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet generates a subclass to run it.</remarks>
[MemoryDiagnoser]
public class ProtocolJsonBenchmarks
{
    // A realistic personal-chat message as Teams sends it, including channelData and entities that
    // the schema keeps but the bot rarely reads, so the reader pays for what production pays for.
    private static readonly byte[] TeamsMessage = Encoding.UTF8.GetBytes("""
        {
          "type": "message",
          "id": "1712345678901",
          "timestamp": "2025-01-15T09:30:12.345Z",
          "localTimestamp": "2025-01-15T10:30:12.345+01:00",
          "localTimezone": "Europe/Oslo",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "from": { "id": "29:1abcDEFghiJKLmnoPQRstuVWXyz", "name": "Kari Nordmann", "aadObjectId": "6b1f3c1e-8c4a-4a52-9f0e-2d3f4a5b6c7d" },
          "conversation": { "id": "a:1xYz-personal-conversation-id", "conversationType": "personal", "tenantId": "9a8b7c6d-5e4f-3a2b-1c0d-ffeeddccbbaa" },
          "recipient": { "id": "28:00000000-0000-0000-0000-000000000001", "name": "StrategiBot" },
          "textFormat": "plain",
          "locale": "nb-NO",
          "text": "Kan jeg uttale meg til pressen?",
          "entities": [ { "type": "clientInfo", "locale": "nb-NO", "country": "NO", "platform": "Windows", "timezone": "Europe/Oslo" } ],
          "channelData": { "tenant": { "id": "9a8b7c6d-5e4f-3a2b-1c0d-ffeeddccbbaa" } }
        }
        """);

    private Activity _inbound = null!;
    private Activity _reply = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inbound = ProtocolJson.DeserializeActivity(TeamsMessage)
            ?? throw new InvalidOperationException("The sample activity did not parse.");
        _reply = _inbound.CreateReply("Ja, men avklar med kommunikasjonsavdelingen først.");
    }

    [Benchmark]
    public Activity? DeserializeTeamsMessage() => ProtocolJson.DeserializeActivity(TeamsMessage);

    [Benchmark]
    public byte[] SerializeReply() => ProtocolJson.Serialize(_reply);

    // The whole wire cost of one turn, so a regression in either half shows in one number.
    [Benchmark]
    public byte[] ReadMessageAndWriteReply()
    {
        var activity = ProtocolJson.DeserializeActivity(TeamsMessage)!;
        return ProtocolJson.Serialize(activity.CreateReply("Ja, men avklar med kommunikasjonsavdelingen først."));
    }
}
