namespace StrategiBot.Protocol.Schema;

/// <summary>The connector's error body: <c>{"error":{"code","message"}}</c>.</summary>
public sealed record ErrorResponse(ErrorDetail? Error);

/// <summary>An error code and message.</summary>
public sealed record ErrorDetail(string? Code, string? Message);
