using System.Text.Json;
using StrategiBot.Packaging;

namespace StrategiBot.Tests.Packaging;

/// <summary>One row per keyword: a schema, a document, and the (path, keyword) errors expected; none means valid.</summary>
public sealed class JsonSchemaTests
{
    private const string Definitions = """
        "definitions": {
          "guid": { "type": "string", "pattern": "^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$" },
          "short": { "$ref": "#/definitions/text", "maxLength": 3 },
          "text": { "type": "string", "minLength": 1 }
        }
        """;

    public static TheoryData<string, string, string[]> Cases => new()
    {
        { """{"type":"string"}""", "1", ["(root) type"] },
        { """{"type":["string","null"]}""", "null", [] },
        { """{"type":"integer"}""", "2.0", [] },
        { """{"type":"integer"}""", "2.5", ["(root) type"] },
        { """{"enum":["a",1,{"x":[1]}]}""", """{"x":[1]}""", [] },
        { """{"enum":["a",1]}""", "\"b\"", ["(root) enum"] },
        { """{"const":"1.30"}""", "\"1.24\"", ["(root) const"] },
        { """{"maxLength":2}""", "\"æøå\"", ["(root) maxLength"] },
        { """{"maxLength":2}""", "\"😀😀\"", [] },
        { """{"minLength":1}""", "\"\"", ["(root) minLength"] },
        { """{"pattern":"^[0-9]+$"}""", "\"12\\n\"", ["(root) pattern"] },
        { """{"pattern":"b"}""", "\"abc\"", [] },
        { """{"pattern":"^[\\p{L}][\\p{L}0-9._]*$"}""", "\"Ærlig.1\"", [] },
        { """{"pattern":"^(?![nN][uU][lL]{2}$)\\s*\\S.*"}""", "\"null\"", ["(root) pattern"] },
        { """{"format":"uri"}""", "\"https://example.no/x\"", [] },
        { """{"format":"uri"}""", "\"not a uri\"", ["(root) format"] },
        { """{"minimum":1,"maximum":3}""", "4", ["(root) maximum"] },
        { """{"maximum":3,"exclusiveMaximum":true}""", "3", ["(root) maximum"] },
        { """{"minItems":1,"maxItems":2}""", "[1,2,3]", ["(root) maxItems"] },
        { """{"uniqueItems":true}""", """[{"a":1},{"a":1}]""", ["(root) uniqueItems"] },
        { """{"items":{"type":"string"}}""", """["a",2]""", ["/1 type"] },
        { """{"items":[{"type":"string"}],"additionalItems":false}""", """["a",2]""", ["(root) additionalItems"] },
        { """{"required":["a","b"]}""", """{"a":1}""", ["(root) required"] },
        { """{"properties":{"a":{"type":"string"}},"additionalProperties":false}""", """{"a":"x","b":1}""", ["(root) additionalProperties"] },
        { """{"patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false}""", """{"x-a":"s","y":1}""", ["(root) additionalProperties"] },
        { """{"additionalProperties":{"type":"string"}}""", """{"a/b":1}""", ["/a~1b type"] },
        { """{"minProperties":1}""", "{}", ["(root) minProperties"] },
        { """{"dependencies":{"a":["b"]}}""", """{"a":1}""", ["(root) dependencies"] },
        { """{"dependencies":{"a":{"required":["c"]}}}""", """{"a":1}""", ["(root) required"] },
        { """{"anyOf":[{"type":"string"},{"type":"number"}]}""", "true", ["(root) type", "(root) type", "(root) anyOf"] },
        { """{"anyOf":[{"type":"string"},{"type":"number"}]}""", "1", [] },
        { """{"oneOf":[{"type":"number"},{"type":"integer"}]}""", "1", ["(root) oneOf"] },
        { """{"allOf":[{"type":"number"},{"minimum":2}]}""", "1", ["(root) minimum"] },
        { """{"not":{"required":["a"]}}""", """{"a":1}""", ["(root) not"] },
        { """{"if":{"type":"string"},"then":{"minLength":3},"else":{"type":"number"}}""", "\"ab\"", ["(root) minLength", "(root) if"] },
        { """{"if":{"type":"string"},"then":{"minLength":3},"else":{"type":"number"}}""", "true", ["(root) type", "(root) if"] },
        { $$"""{ {{Definitions}}, "properties": { "id": { "$ref": "#/definitions/guid" } } }""", """{"id":"nope"}""", ["/id pattern"] },
        // Keywords beside a $ref apply too, as in ajv.
        { $$"""{ {{Definitions}}, "properties": { "s": { "$ref": "#/definitions/short" } } }""", """{"s":"abcd"}""", ["/s maxLength"] },
        { $$"""{ {{Definitions}}, "properties": { "s": { "$ref": "#/definitions/short" } } }""", """{"s":""}""", ["/s minLength"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_keyword_reports_what_it_should(string schema, string document, string[] expected)
    {
        using var parsed = JsonDocument.Parse(document);

        var errors = JsonSchema.Parse(schema).Validate(parsed.RootElement);

        Assert.Equal(expected, errors.Select(e => $"{(e.InstancePath.Length == 0 ? "(root)" : e.InstancePath)} {e.Keyword}"));
    }

    [Fact]
    public void A_bell_escape_is_read_as_the_bell_character()
    {
        // Some published Teams schemas contain \a, which JSON does not allow; an escaped backslash stays.
        var schema = JsonSchema.Parse("""{"properties":{"a":{"pattern":"^[^\a]*$"},"b":{"pattern":"^\\\\a$"}}}""");
        using var ok = JsonDocument.Parse("""{"a":"fine","b":"\\a"}""");
        using var bell = JsonDocument.Parse("""{"a":"ring\u0007"}""");

        Assert.Empty(schema.Validate(ok.RootElement));
        Assert.Equal("/a", Assert.Single(schema.Validate(bell.RootElement)).InstancePath);
    }

    [Theory]
    [InlineData("^a$", "^a\\z")]
    [InlineData("^[$]\\$$", "^[$]\\$\\z")]
    public void Dollar_anchors_end_the_string_as_in_ECMAScript(string pattern, string expected) =>
        Assert.Equal(expected, JsonSchema.EcmaScriptAnchors(pattern));
}
