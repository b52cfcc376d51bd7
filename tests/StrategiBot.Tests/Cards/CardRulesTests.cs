using System.Text.Json.Nodes;

namespace StrategiBot.Tests.Cards;

/// <summary>Each of <see cref="CardRules"/> fails on a card that breaks it, and a card that keeps them all passes.</summary>
public sealed class CardRulesTests
{
    private const string Good = """
        {"type":"AdaptiveCard","version":"1.5","msteams":{"width":"Full"},
         "body":[
           {"type":"TextBlock","text":"Sjekkliste","wrap":true,"style":"heading"},
           {"type":"TextBlock","text":"Ikke ferdig ennå","color":"attention","wrap":true},
           {"type":"FactSet","facts":[{"title":"Status","value":"3 av 7"}]},
           {"type":"Input.Toggle","id":"item-1","title":"Samtykke innhentet"},
           {"type":"ColumnSet","columns":[{"type":"Column","items":[{"type":"TextBlock","text":"a"}]},{"type":"Column","items":[]}]}
         ],
         "refresh":{"action":{"type":"Action.Execute","verb":"checklist.refresh"},"userIds":["29:user-1"]},
         "actions":[
           {"type":"Action.Execute","verb":"checklist.save","title":"Lagre"},
           {"type":"Action.ShowCard","title":"Se regelen","card":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Regel","id":"rule"}]}}
         ]}
        """;

    public static TheoryData<string, string, string> Broken => new()
    {
        // name, JSON merge applied to the good card, expected problem
        { "version above 1.5", """{"version":"1.6"}""", "Teams renders at most \"1.5\"" },
        { "no version", """{"version":null}""", "no version" },
        { "nested card above 1.5", """{"actions":[{"type":"Action.ShowCard","title":"x","card":{"type":"AdaptiveCard","version":"1.6","body":[]}}]}""", "actions[2].card: version \"1.6\"" },
        { "not a card", """{"type":"HeroCard"}""", "type must be \"AdaptiveCard\"" },
        { "wide content without full width", """{"msteams":null}""", "needs \"msteams\"" },
        { "unsupported element", """{"body":[{"type":"Media","sources":[]}]}""", "element \"Media\" is not supported" },
        { "unsupported action", """{"actions":[{"type":"Action.Http","title":"Send","url":"https://x"}]}""", "action \"Action.Http\" is not supported" },
        { "colour only", """{"body":[{"type":"TextBlock","text":"⚠ !","color":"warning"}]}""", "colour \"warning\" is the only signal" },
        { "container style only", """{"body":[{"type":"Container","style":"good","items":[{"type":"Image","url":"https://x/ok.png"}]}]}""", "style \"good\" is the only signal" },
        { "wide table", """{"body":[{"type":"Table","columns":[{"width":1},{"width":1},{"width":1},{"width":1}],"rows":[]}]}""", "Table with 4 columns" },
        { "wide column set", """{"body":[{"type":"ColumnSet","columns":[{"type":"Column"},{"type":"Column"},{"type":"Column"},{"type":"Column"}]}]}""", "ColumnSet with 4 columns" },
        { "input without label", """{"body":[{"type":"Input.Text","id":"name","placeholder":"Navn"}]}""", "Input.Text has no label" },
        { "toggle without label or title", """{"body":[{"type":"Input.Toggle","id":"ok"}]}""", "Input.Toggle has no label" },
        { "submit without title", """{"actions":[{"type":"Action.Submit","data":{}}]}""", "Action.Submit has no title" },
        { "execute without title", """{"actions":[{"type":"Action.Execute","verb":"v"}]}""", "Action.Execute has no title" },
        { "select action without title", """{"body":[{"type":"Container","items":[],"selectAction":{"type":"Action.Submit","data":{}}}]}""", "body[5].selectAction: Action.Submit has no title" },
        { "duplicate id", """{"body":[{"type":"Input.Text","id":"rule","label":"Regel"}]}""", "id \"rule\" is also used" },
    };

    [Fact]
    public void A_card_that_keeps_every_rule_passes()
    {
        Assert.Empty(CardRules.Check(JsonNode.Parse(Good)!));
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_card_that_breaks_a_rule_fails_naming_it(string name, string change, string problem)
    {
        var card = Merge(JsonNode.Parse(Good)!.AsObject(), JsonNode.Parse(change)!.AsObject());

        var problems = CardRules.Check(card);

        Assert.True(problems.Any(p => p.Contains(problem, StringComparison.Ordinal)), $"{name}: expected '{problem}' in [{string.Join("; ", problems)}]");
    }

    [Fact]
    public void A_card_over_40_KB_fails()
    {
        var card = JsonNode.Parse(Good)!.AsObject();
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlock", ["text"] = new string('x', CardRules.MaxBytes), ["wrap"] = true });

        Assert.Contains(CardRules.Check(card), p => p.Contains("-byte limit", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_text_needs_full_width_and_a_short_one_does_not()
    {
        JsonNode Card(int length) => new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = new string('x', length), ["wrap"] = true }),
        };

        Assert.Empty(CardRules.Check(Card(CardRules.LongTextLength)));
        Assert.Contains(CardRules.Check(Card(CardRules.LongTextLength + 1)), p => p.Contains("is a text of", StringComparison.Ordinal));
    }

    /// <summary>Top-level properties of <paramref name="change"/> replace the card's; null removes one.</summary>
    private static JsonObject Merge(JsonObject card, JsonObject change)
    {
        foreach (var (key, value) in change)
        {
            if (value is null)
            {
                card.Remove(key);
            }
            else if (card[key] is JsonArray existing && value is JsonArray added)
            {
                foreach (var item in added.ToList())
                {
                    added.Remove(item);
                    existing.Add(item);
                }
            }
            else
            {
                card[key] = value.DeepClone();
            }
        }
        return card;
    }
}
