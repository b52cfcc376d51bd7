using System.Text;
using System.Text.RegularExpressions;

namespace StrategiBot.Retrieval.Analysis;

/// <summary>
/// Greetings, openers, thanks and sign-offs around a question, from <c>lexicon/message-frame.txt</c>: they
/// say nothing about which passage answers it, yet their words would be searched for ("på forhånd takk"
/// reads as being proactive, "Mvh Kari" looks for a Kari). <see cref="Strip"/> takes them off.
/// </summary>
internal sealed class MessageFrame
{
    // Spaces, punctuation and symbols (emoji are surrogate pairs) between the frame and the question.
    private const string Gap = @"[\s\p{P}\p{S}\p{Cs}]";

    private readonly Regex? _start;
    private readonly Regex? _opener;
    private readonly Regex? _end;
    private readonly Regex? _signoff;

    private MessageFrame(List<string> greetings, List<string> openers, List<string> closings, List<string> signoffs)
    {
        _start = Pattern(greetings, p => $@"^{Gap}*(?:{p})(?={Gap}|$){Gap}*");
        _opener = Pattern(openers, p => $@"^{Gap}*(?:{p})\s*[:.,!–—-]+{Gap}*");
        _end = Pattern(closings, p => $@"(?<=^|{Gap})(?:{p}){Gap}*$");
        // A sign-off ends the message, followed by nothing but a name of up to three words.
        _signoff = Pattern(signoffs, p => $@"(?<=^|{Gap})(?:{p})(?:{Gap}+[\p{{L}}.'-]+){{0,3}}{Gap}*$");
    }

    public static MessageFrame Empty { get; } = new([], [], [], []);

    /// <summary>Reads <c>kind: phrase</c> lines; an unknown kind fails with the file and line.</summary>
    public static MessageFrame Load(string path)
    {
        var kinds = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["greeting"] = [],
            ["opener"] = [],
            ["closing"] = [],
            ["signoff"] = [],
        };
        foreach (var (kind, phrase, _) in PhraseFile.Read(path, kinds.Keys, "expected 'greeting:', 'opener:', 'closing:' or 'signoff:' and a phrase."))
        {
            kinds[kind].Add(phrase);
        }
        return new MessageFrame(kinds["greeting"], kinds["opener"], kinds["closing"], kinds["signoff"]);
    }

    /// <summary>The message without its frame; the message itself when nothing else would be left.</summary>
    public string Strip(string message)
    {
        var text = message;
        text = Repeat(text, _start);
        text = _opener?.Replace(text, string.Empty, 1) ?? text;
        text = _signoff?.Replace(text, string.Empty, 1) ?? text;
        text = Repeat(text, _end);
        return text == message || !text.Any(char.IsLetterOrDigit) ? message : text.Trim();
    }

    /// <summary>"Hei hei, god morgen!" and "Takk! Tusen takk" are frames more than once.</summary>
    private static string Repeat(string text, Regex? pattern)
    {
        if (pattern is null)
        {
            return text;
        }
        for (var stripped = pattern.Replace(text, string.Empty, 1); stripped != text; stripped = pattern.Replace(text, string.Empty, 1))
        {
            text = stripped;
        }
        return text;
    }

    private static Regex? Pattern(List<string> phrases, Func<string, string> wrap) =>
        phrases.Count == 0
            ? null
            // Longest first, so "hei hei" goes whole rather than as "hei" twice with the comma between.
            : new Regex(wrap(string.Join('|', phrases.OrderByDescending(p => p.Length).Select(Phrase))),
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>A phrase as a pattern: any run of spaces between its words, and æ/ø/å or their ASCII spellings.</summary>
    private static string Phrase(string phrase)
    {
        var pattern = new StringBuilder();
        foreach (var c in phrase.ToLowerInvariant())
        {
            pattern.Append(c switch
            {
                ' ' => @"\s+",
                'æ' => "(?:æ|ae)",
                'ø' => "(?:ø|oe|o)",
                'å' => "(?:å|aa|a)",
                _ => Regex.Escape(c.ToString()),
            });
        }
        return pattern.ToString();
    }
}
