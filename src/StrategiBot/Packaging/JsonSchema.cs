using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StrategiBot.Packaging;

/// <summary>One way a document breaks its schema: where (a JSON pointer into the document), which keyword, and why.</summary>
internal sealed record SchemaError(string InstancePath, string Keyword, string SchemaPath, string Message)
{
    public override string ToString() => $"{(InstancePath.Length == 0 ? "(root)" : InstancePath)}: {Keyword}: {Message}";
}

/// <summary>
/// A JSON Schema draft-04 validator for the Teams manifest and localization schemas, written from the
/// specification. It covers what those schemas use ($ref into the same document, type, enum, const, pattern,
/// format, string/array/object/number bounds, uniqueItems, properties, patternProperties,
/// additionalProperties, items, dependencies, allOf/anyOf/oneOf/not, if/then/else) and reports every error,
/// as ajv does with <c>allErrors</c>. Like ajv, keywords beside a <c>$ref</c> are applied too.
/// </summary>
internal sealed partial class JsonSchema
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private readonly JsonElement _root;
    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    private JsonSchema(JsonElement root) => _root = root;

    /// <summary>
    /// Parses schema text. Some published Teams schemas write the bell character as <c>\a</c>, which JSON does
    /// not allow; it is read as <c>\u0007</c>, which is what the pattern means.
    /// </summary>
    public static JsonSchema Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var document = JsonDocument.Parse(FixBellEscapes(text));
        return new JsonSchema(document.RootElement.Clone());
    }

    public IReadOnlyList<SchemaError> Validate(JsonElement instance)
    {
        var errors = new List<SchemaError>();
        Check(_root, "#", instance, "", errors);
        return errors;
    }

    private static string FixBellEscapes(string text)
    {
        if (!text.Contains("\\a", StringComparison.Ordinal))
        {
            return text;
        }
        var fixedText = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                // Copy escape pairs whole, so "\\a" (a backslash, then a) stays as it is.
                fixedText.Append(text[i + 1] == 'a' ? "\\u0007" : text.AsSpan(i, 2));
                i++;
                continue;
            }
            fixedText.Append(text[i]);
        }
        return fixedText.ToString();
    }

    private void Check(JsonElement schema, string schemaPath, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add(new(path, "false schema", schemaPath, "boolean schema is false"));
            return;
        }
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } pointer)
        {
            Check(Resolve(pointer), pointer, instance, path, errors);
        }

        CheckGeneric(schema, schemaPath, instance, path, errors);
        switch (instance.ValueKind)
        {
            case JsonValueKind.String:
                CheckString(schema, schemaPath, instance.GetString()!, path, errors);
                break;
            case JsonValueKind.Number:
                CheckNumber(schema, schemaPath, instance.GetDouble(), path, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(schema, schemaPath, instance, path, errors);
                break;
            case JsonValueKind.Object:
                CheckObject(schema, schemaPath, instance, path, errors);
                break;
        }
        CheckCombinators(schema, schemaPath, instance, path, errors);
    }

    private static void CheckGeneric(JsonElement schema, string schemaPath, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            var allowed = type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
                : [type.GetString()!];
            if (!allowed.Any(t => IsOfType(instance, t)))
            {
                errors.Add(new(path, "type", schemaPath + "/type", $"must be {string.Join(",", allowed)}"));
            }
        }
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, instance)))
        {
            errors.Add(new(path, "enum", schemaPath + "/enum", "must be equal to one of the allowed values"));
        }
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, instance))
        {
            errors.Add(new(path, "const", schemaPath + "/const", "must be equal to constant"));
        }
    }

    private static bool IsOfType(JsonElement instance, string type) => type switch
    {
        "string" => instance.ValueKind == JsonValueKind.String,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && Math.Floor(instance.GetDouble()) == instance.GetDouble(),
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "null" => instance.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"Unknown JSON Schema type '{type}'."),
    };

    private void CheckString(JsonElement schema, string schemaPath, string value, string path, List<SchemaError> errors)
    {
        // Lengths count code points, not UTF-16 units, as the specification (and ajv) do.
        var length = value.EnumerateRunes().Count();
        if (schema.TryGetProperty("maxLength", out var max) && length > max.GetInt32())
        {
            errors.Add(new(path, "maxLength", schemaPath + "/maxLength", $"must NOT have more than {max.GetInt32()} characters"));
        }
        if (schema.TryGetProperty("minLength", out var min) && length < min.GetInt32())
        {
            errors.Add(new(path, "minLength", schemaPath + "/minLength", $"must NOT have fewer than {min.GetInt32()} characters"));
        }
        if (schema.TryGetProperty("pattern", out var pattern) && !Pattern(pattern.GetString()!).IsMatch(value))
        {
            errors.Add(new(path, "pattern", schemaPath + "/pattern", $"must match pattern \"{pattern.GetString()}\""));
        }
        if (schema.TryGetProperty("format", out var format) && !MatchesFormat(format.GetString()!, value))
        {
            errors.Add(new(path, "format", schemaPath + "/format", $"must match format \"{format.GetString()}\""));
        }
    }

    private static bool MatchesFormat(string format, string value) => format switch
    {
        // .NET reads "/foo" as an absolute file URI on Linux; an RFC 3986 URI starts with its scheme.
        "uri" => UriScheme().IsMatch(value) && Uri.TryCreate(value, UriKind.Absolute, out _) && !value.Any(char.IsWhiteSpace),
        "email" => value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1 && !value.Any(char.IsWhiteSpace),
        "regex" => IsRegex(value),
        // Formats the schemas do not use are annotations here, as in ajv without a format plug-in.
        _ => true,
    };

    private static bool IsRegex(string value)
    {
        try
        {
            _ = new Regex(value, RegexOptions.None, PatternTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void CheckNumber(JsonElement schema, string schemaPath, double value, string path, List<SchemaError> errors)
    {
        if (schema.TryGetProperty("maximum", out var max))
        {
            var exclusive = schema.TryGetProperty("exclusiveMaximum", out var e) && e.ValueKind == JsonValueKind.True;
            if (exclusive ? value >= max.GetDouble() : value > max.GetDouble())
            {
                errors.Add(new(path, "maximum", schemaPath + "/maximum", $"must be {(exclusive ? "<" : "<=")} {Format(max.GetDouble())}"));
            }
        }
        if (schema.TryGetProperty("minimum", out var min))
        {
            var exclusive = schema.TryGetProperty("exclusiveMinimum", out var e) && e.ValueKind == JsonValueKind.True;
            if (exclusive ? value <= min.GetDouble() : value < min.GetDouble())
            {
                errors.Add(new(path, "minimum", schemaPath + "/minimum", $"must be {(exclusive ? ">" : ">=")} {Format(min.GetDouble())}"));
            }
        }
        if (schema.TryGetProperty("multipleOf", out var multiple))
        {
            var quotient = value / multiple.GetDouble();
            if (Math.Abs(quotient - Math.Round(quotient)) > 1e-9)
            {
                errors.Add(new(path, "multipleOf", schemaPath + "/multipleOf", $"must be multiple of {Format(multiple.GetDouble())}"));
            }
        }
    }

    private void CheckArray(JsonElement schema, string schemaPath, JsonElement array, string path, List<SchemaError> errors)
    {
        var items = array.EnumerateArray().ToList();
        if (schema.TryGetProperty("maxItems", out var max) && items.Count > max.GetInt32())
        {
            errors.Add(new(path, "maxItems", schemaPath + "/maxItems", $"must NOT have more than {max.GetInt32()} items"));
        }
        if (schema.TryGetProperty("minItems", out var min) && items.Count < min.GetInt32())
        {
            errors.Add(new(path, "minItems", schemaPath + "/minItems", $"must NOT have fewer than {min.GetInt32()} items"));
        }
        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = items.FindIndex(0, i, other => JsonElement.DeepEquals(other, items[i]));
                if (j >= 0)
                {
                    errors.Add(new(path, "uniqueItems", schemaPath + "/uniqueItems", $"must NOT have duplicate items (items ## {j} and {i} are identical)"));
                    break;
                }
            }
        }
        if (!schema.TryGetProperty("items", out var itemSchema))
        {
            return;
        }
        if (itemSchema.ValueKind == JsonValueKind.Array)
        {
            var positional = itemSchema.GetArrayLength();
            for (var i = 0; i < items.Count; i++)
            {
                if (i < positional)
                {
                    Check(itemSchema[i], $"{schemaPath}/items/{i}", items[i], $"{path}/{i}", errors);
                }
                else if (schema.TryGetProperty("additionalItems", out var additional))
                {
                    if (additional.ValueKind == JsonValueKind.False)
                    {
                        errors.Add(new(path, "additionalItems", schemaPath + "/additionalItems", $"must NOT have more than {positional} items"));
                        break;
                    }
                    Check(additional, schemaPath + "/additionalItems", items[i], $"{path}/{i}", errors);
                }
            }
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            Check(itemSchema, schemaPath + "/items", items[i], $"{path}/{i}", errors);
        }
    }

    private void CheckObject(JsonElement schema, string schemaPath, JsonElement instance, string path, List<SchemaError> errors)
    {
        var count = instance.EnumerateObject().Count();
        if (schema.TryGetProperty("maxProperties", out var max) && count > max.GetInt32())
        {
            errors.Add(new(path, "maxProperties", schemaPath + "/maxProperties", $"must NOT have more than {max.GetInt32()} properties"));
        }
        if (schema.TryGetProperty("minProperties", out var min) && count < min.GetInt32())
        {
            errors.Add(new(path, "minProperties", schemaPath + "/minProperties", $"must NOT have fewer than {min.GetInt32()} properties"));
        }
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !instance.TryGetProperty(n, out _)))
            {
                errors.Add(new(path, "required", schemaPath + "/required", $"must have required property '{name}'"));
            }
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasPatterns = schema.TryGetProperty("patternProperties", out var patterns);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in instance.EnumerateObject())
        {
            var childPath = $"{path}/{EscapePointer(property.Name)}";
            var declared = false;
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                declared = true;
                Check(propertySchema, $"{schemaPath}/properties/{EscapePointer(property.Name)}", property.Value, childPath, errors);
            }
            if (hasPatterns)
            {
                foreach (var patternProperty in patterns.EnumerateObject().Where(p => Pattern(p.Name).IsMatch(property.Name)))
                {
                    declared = true;
                    Check(patternProperty.Value, $"{schemaPath}/patternProperties/{EscapePointer(patternProperty.Name)}", property.Value, childPath, errors);
                }
            }
            if (declared || !hasAdditional)
            {
                continue;
            }
            if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add(new(path, "additionalProperties", schemaPath + "/additionalProperties", $"must NOT have additional properties ('{property.Name}')"));
            }
            else
            {
                Check(additional, schemaPath + "/additionalProperties", property.Value, childPath, errors);
            }
        }

        if (schema.TryGetProperty("dependencies", out var dependencies))
        {
            foreach (var dependency in dependencies.EnumerateObject().Where(d => instance.TryGetProperty(d.Name, out _)))
            {
                if (dependency.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var name in dependency.Value.EnumerateArray().Select(r => r.GetString()!).Where(n => !instance.TryGetProperty(n, out _)))
                    {
                        errors.Add(new(path, "dependencies", schemaPath + "/dependencies", $"must have property {name} when property {dependency.Name} is present"));
                    }
                }
                else
                {
                    Check(dependency.Value, $"{schemaPath}/dependencies/{EscapePointer(dependency.Name)}", instance, path, errors);
                }
            }
        }
    }

    private void CheckCombinators(JsonElement schema, string schemaPath, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            var i = 0;
            foreach (var branch in allOf.EnumerateArray())
            {
                Check(branch, $"{schemaPath}/allOf/{i++}", instance, path, errors);
            }
        }
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var branchErrors = new List<SchemaError>();
            var passed = false;
            var i = 0;
            foreach (var branch in anyOf.EnumerateArray())
            {
                var before = branchErrors.Count;
                Check(branch, $"{schemaPath}/anyOf/{i++}", instance, path, branchErrors);
                passed |= branchErrors.Count == before;
            }
            if (!passed)
            {
                errors.AddRange(branchErrors);
                errors.Add(new(path, "anyOf", schemaPath + "/anyOf", "must match a schema in anyOf"));
            }
        }
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var branchErrors = new List<SchemaError>();
            var passing = 0;
            var i = 0;
            foreach (var branch in oneOf.EnumerateArray())
            {
                var before = branchErrors.Count;
                Check(branch, $"{schemaPath}/oneOf/{i++}", instance, path, branchErrors);
                passing += branchErrors.Count == before ? 1 : 0;
            }
            if (passing == 0)
            {
                errors.AddRange(branchErrors);
            }
            if (passing != 1)
            {
                errors.Add(new(path, "oneOf", schemaPath + "/oneOf", "must match exactly one schema in oneOf"));
            }
        }
        if (schema.TryGetProperty("not", out var not) && Passes(not, schemaPath + "/not", instance, path))
        {
            errors.Add(new(path, "not", schemaPath + "/not", "must NOT be valid"));
        }
        if (schema.TryGetProperty("if", out var condition))
        {
            var branch = Passes(condition, schemaPath + "/if", instance, path) ? "then" : "else";
            if (schema.TryGetProperty(branch, out var consequence))
            {
                var before = errors.Count;
                Check(consequence, $"{schemaPath}/{branch}", instance, path, errors);
                if (errors.Count > before)
                {
                    errors.Add(new(path, "if", schemaPath + "/if", $"must match \"{branch}\" schema"));
                }
            }
        }
    }

    private bool Passes(JsonElement schema, string schemaPath, JsonElement instance, string path)
    {
        var scratch = new List<SchemaError>();
        Check(schema, schemaPath, instance, path, scratch);
        return scratch.Count == 0;
    }

    private JsonElement Resolve(string pointer)
    {
        if (!pointer.StartsWith('#'))
        {
            throw new NotSupportedException($"Only references within the schema are supported, not '{pointer}'.");
        }
        var node = _root;
        foreach (var raw in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node.ValueKind == JsonValueKind.Array
                ? node[int.Parse(token, CultureInfo.InvariantCulture)]
                : node.TryGetProperty(token, out var child) ? child : throw new InvalidOperationException($"The schema has no '{pointer}'.");
        }
        return node;
    }

    // The schemas are written for ECMAScript; the constructs they use (classes, \p{L}, look-ahead) mean the
    // same in .NET. Patterns search, as in ECMAScript, rather than match the whole string.
    private Regex Pattern(string pattern) =>
        _patterns.GetOrAdd(pattern, p => new Regex(EcmaScriptAnchors(p), RegexOptions.CultureInvariant, PatternTimeout));

    /// <summary>
    /// ECMAScript's <c>$</c> matches only at the very end, .NET's also before a final newline: a GUID followed by a line
    /// break must not pass a GUID pattern, so an unescaped <c>$</c> outside a character class becomes <c>\z</c>.
    /// </summary>
    internal static string EcmaScriptAnchors(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 4);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                result.Append(c).Append(pattern[++i]);
                continue;
            }
            inClass = c switch
            {
                '[' => true,
                ']' => false,
                _ => inClass,
            };
            if (c == '$' && !inClass)
            {
                result.Append("\\z");
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    private static string EscapePointer(string name) =>
        name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex UriScheme();
}
