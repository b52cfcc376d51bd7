using System.Globalization;
using StrategiBot.Conversation;

namespace StrategiBot.Planning;

/// <summary>
/// What the plan form says around the template, in bokmål and English. The template itself (headings,
/// labels, help) is the strategy's bokmål in both, so English quotes the labels as they are written.
/// </summary>
internal sealed record PlanWords(
    string Step,
    string Next,
    string MakePlan,
    string Back,
    string Save,
    string AlreadyFinished,
    string Restart,
    string RestartWarning,
    string RestartConfirm,
    string Edit,
    string StepHelp,
    string LastStepHelp,
    string BasedOn,
    string FinishedNote,
    string PlainTextSource,
    string FillIn,
    string PickOne,
    string Cleared,
    string PlanGone,
    string PlanAgain,
    string DraftSaved,
    string StepUnfinished,
    string PlanUnfinished,
    string UnknownButton,
    string UnknownUser,
    string NothingChanged,
    string MissingFields,
    string TooLongFields,
    string TooLongField,
    string UnreadableFields,
    string And,
    string OpenQuote,
    string CloseQuote)
{
    public static PlanWords In(Language language) => language == Language.English ? English : Norwegian;

    /// <summary>"Steg 2 av 5": the step the user sees counts from 1.</summary>
    public string StepOf(int step, PlanForm form) => Format(Step, step + 1, form.Groups.Count);

    /// <summary>One of the texts with its blanks ({0}, {1} …) filled in; numbers are written the same in both languages.</summary>
    public static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);

    public string Quoted(string text) => OpenQuote + text + CloseQuote;

    /// <summary>"a, b og c" / "a, b and c".</summary>
    public string Join(IReadOnlyList<string> items) => Replies.Enumerate(items, And);

    // What each button keeps, said plainly: the card cannot send a step without its required fields, so
    // saving the step needs them too, while earlier steps are already stored.
    private const string NorwegianKeeps = " Felt merket * må være fylt ut før du går videre eller lagrer, men det du har lagret på tidligere steg, er tatt vare på uansett."
        + " «Tilbake» og «Start på nytt» tar ikke med endringer på dette steget.";

    private const string EnglishKeeps = " Fields marked * must be filled in before you go on or save, but what you saved on earlier steps is kept either way."
        + " “Back” and “Start over” do not keep changes made on this step.";

    private static readonly PlanWords Norwegian = new(
        Step: "Steg {0} av {1}",
        Next: "Neste",
        MakePlan: "Lag planen",
        Back: "Tilbake",
        Save: "Lagre og fortsett senere",
        AlreadyFinished: "Dette kortet hører til en plan som er ferdig, så det endrer ingenting. Trykk «Endre planen» under den ferdige planen for å endre den, eller skriv «kommunikasjonsplan» for å begynne på en ny.",
        Restart: "Start på nytt …",
        RestartWarning: "Alt du har skrevet i denne planen, blir fjernet.",
        RestartConfirm: "Ja, tøm skjemaet",
        Edit: "Endre planen",
        StepHelp: "«Neste» lagrer steget og viser det neste." + NorwegianKeeps,
        LastStepHelp: "«Lag planen» lagrer steget og setter sammen planen." + NorwegianKeeps,
        BasedOn: "Bygger på {0}.",
        FinishedNote: "Etter malen i kommunikasjonsstrategien til {0}: {1}. Teksten kommer også i en egen melding, klar til å lime inn i et dokument eller en e-post.",
        PlainTextSource: "(Etter malen i kommunikasjonsstrategien: {0}.)",
        FillIn: "Fyll ut «{0}».",
        PickOne: "Velg minst ett svar under «{0}».",
        Cleared: "Skjemaet er tømt. Du kan begynne på en ny plan.",
        PlanGone: "Jeg finner ikke planen lenger, så skjemaet er tomt.",
        PlanAgain: "Her er planen din igjen. Gå gjennom stegene, endre det du vil, og trykk «Lag planen» på siste steg.",
        DraftSaved: "Utkastet er lagret. Skriv «kommunikasjonsplan» når du vil fortsette, også fra en annen enhet.",
        StepUnfinished: "Dette steget er ikke ferdig ennå. {0} Det du har skrevet, er tatt vare på.",
        PlanUnfinished: "Planen er ikke ferdig ennå: det mangler noe på steg {0}. {1}",
        UnknownButton: "Den knappen hører ikke til et skjema jeg kjenner igjen. Skriv «kommunikasjonsplan» for å åpne skjemaet på nytt.",
        UnknownUser: "Jeg kan ikke ta vare på planen din her, fordi jeg ikke vet hvem du er. Prøv i en chat med meg i Teams.",
        NothingChanged: "Ingenting er lagret eller endret.",
        MissingFields: "Fyll ut {0}.",
        TooLongFields: "For lang tekst i {0}.",
        TooLongField: "{0} ({1} tegn, høyst {2})",
        UnreadableFields: "Jeg kunne ikke lese svaret på {0}; velg eller skriv det på nytt.",
        And: "og",
        OpenQuote: "«",
        CloseQuote: "»");

    private static readonly PlanWords English = new(
        Step: "Step {0} of {1}",
        Next: "Next",
        MakePlan: "Make the plan",
        Back: "Back",
        Save: "Save and continue later",
        AlreadyFinished: "This card belongs to a plan that is finished, so it changes nothing. Press “Edit the plan” under the finished plan to change it, or type “communication plan” to start a new one.",
        Restart: "Start over …",
        RestartWarning: "Everything you have written in this plan will be removed.",
        RestartConfirm: "Yes, empty the form",
        Edit: "Edit the plan",
        StepHelp: "“Next” saves the step and shows the next one." + EnglishKeeps,
        LastStepHelp: "“Make the plan” saves the step and puts the plan together." + EnglishKeeps,
        BasedOn: "Based on {0} (in Norwegian).",
        FinishedNote: "Following the template in {0}'s communication strategy: {1}. The text also comes in a separate message, ready to paste into a document or an e-mail.",
        PlainTextSource: "(Following the template in the communication strategy: {0}.)",
        FillIn: "Fill in “{0}”.",
        PickOne: "Pick at least one answer under “{0}”.",
        Cleared: "The form is cleared. You can start a new plan.",
        PlanGone: "I can no longer find your plan, so the form is empty.",
        PlanAgain: "Here is your plan again. Go through the steps, change what you like, and press “Make the plan” on the last step.",
        DraftSaved: "Your draft is saved. Type “communication plan” when you want to go on, also from another device.",
        StepUnfinished: "This step is not finished yet. {0} What you have written is kept.",
        PlanUnfinished: "The plan is not finished yet: something is missing on step {0}. {1}",
        UnknownButton: "That button does not belong to a form I know. Type “communication plan” to open the form again.",
        UnknownUser: "I can't keep your plan here, because I don't know who you are. Try in a chat with me in Teams.",
        NothingChanged: "Nothing was saved or changed.",
        MissingFields: "Fill in {0}.",
        TooLongFields: "Shorten {0}.",
        TooLongField: "{0} ({1} characters, at most {2})",
        UnreadableFields: "I could not read the answer to {0}; pick or type it again.",
        And: "and",
        OpenQuote: "“",
        CloseQuote: "”");
}
