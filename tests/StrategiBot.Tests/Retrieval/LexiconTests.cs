using System.Text.RegularExpressions;
using StrategiBot.Retrieval;
using StrategiBot.Retrieval.Analysis;

namespace StrategiBot.Tests.Retrieval;

/// <summary>
/// The concept lexicon (lexicon/concepts.yaml): it loads, its ids are unique, every strategy word it searches
/// for is a word some strategy actually uses, and every concept earns its place: a short realistic question
/// using one of its people words triggers it, searches the concept's strategy words, and brings the answering
/// section among the three nearest (and first, for nearly all cases).
/// </summary>
public sealed partial class LexiconTests
{
    private const string OT = "ostre-toten";
    private const string Trondheim = "trondheim";
    private const string Tynset = "tynset";
    private const string Klaebu = "klaebu";
    private const string Lorenskog = "lorenskog";

    /// <summary>
    /// One question per concept, phrased with a word people use (not the strategy's own), and the section of
    /// that organisation's strategy that answers it (alternatives separated by '|' where the strategy answers in
    /// two places); null where only the expansion is checked.
    /// </summary>
    private static readonly LexiconCase[] Cases =
    [
        new("presse", OT, "presse-kjoreregler", "Hva er reglene for å snakke med reportere?"),
        new("avis", OT, "kanaler-ekstern", "Which local newspapers are most important for the municipality?"),
        new("avis", Trondheim, "media", "Kan jeg tipse Adressa om en god sak fra skolen?"),
        new("avis", OT, "kanaler-ekstern", "Hvor viktig er OA for kommunen?"),
        new("gammel", OT, "prosjekt-nytt-intranett", "Intranettet er fra steinalderen, skal vi få noe nytt?"),
        new("avis", Lorenskog, "eksterne-utfordringer", "Hvorfor er det så vanskelig å komme på trykk i RB?"),
        new("kringkasting", OT, "kanaler-ekstern", "Hvilke tv-kanaler er viktige for kommunen?"),
        new("direktesending", OT, "kanaler-ekstern", "Kan innbyggerne se kommunestyret på livestream?"),
        new("nasjonale-medier", OT, "kanaler-ekstern", "When is the national press relevant for us?"),
        new("mediehenvendelse", OT, "rolle-ledere|presse-kjoreregler", "En journalist ringte meg, hvem skal følge opp?"),
        new("uttale-seg", OT, "presse-kjoreregler", "Kan jeg stille til intervju om faget mitt?"),
        new("kommentere", OT, "presse-kjoreregler", "Should a caseworker comment to the media on a client's case?"),
        new("kommentarfelt", OT, "sosiale-medier-kjoreregler", "Gjelder reglene også kommentarfeltet på nettsidene våre?"),
        new("medieoppslag", OT, "prosjekt-medietrening|rolle-kommunikasjonsavdeling", "How should managers handle media coverage?"),
        new("negativ", OT, "innledning", "Må vi tåle dårlig presse?"),
        new("leserbrev", OT, "presse-kjoreregler", "Skal kommunen svare på debattinnlegg i avisa?"),
        new("faktafeil", OT, "sosiale-medier-offisielle-kontoer", "Hva gjør jeg med feilinformasjon i kommentarene på kommunens side?"),
        new("medietrening", OT, "prosjekt-medietrening", "Får ledere mediekurs?"),
        new("medieoppmerksomhet", OT, "rolle-kommunikasjonsavdeling", "Når saken går viralt, hvem skal orienteres?"),
        new("sosiale-medier", OT, "sosiale-medier-ansatte", "Hva er reglene for ansattes bruk av Instagram?"),
        new("facebook", OT, "kanaler-intern", "Hvor mange ansatte er med i fb-gruppa?"),
        new("nettverk-forum", OT, "sosiale-medier-kjoreregler", "Gjelder retningslinjene for sosiale medier også blogging?"),
        new("publisere", OT, "sosiale-medier-ansatte", "Kan jeg legge ut bilder fra jobben på Instagram?"),
        new("offisiell-konto", OT, "sosiale-medier-offisielle-kontoer", "Who should answer messages on the municipality's official account?"),
        new("opprette-konto", OT, "sosiale-medier-offisielle-kontoer", "Kan avdelingen vår lage en egen side på Facebook?"),
        new("venn", OT, "sosiale-medier-ansatte", "Kan jeg sende venneforespørsel til en bruker?"),
        new("venn", OT, "sosiale-medier-ansatte", "Kan eg vere ven med elevar på Facebook?"),
        new("nett", OT, "sosiale-medier-ansatte", "Will what I write online stay there forever?"),
        new("kanal", OT, "vedlegg-1-kommunikasjonskanaler|prinsipp-malrettet-brukerorientert|vedlegg-3-kommunikasjonsplan-mal-2", "How do I choose the right channel for my message?"),
        new("intranett", OT, "kanaler-intern", "Skal all intern informasjon ligge på intranet?"),
        new("e-post", OT, "kanaler-intern", "Is it ok to send an email to all staff?"),
        new("nettside", OT, "kanaler-ekstern", "Kven har ansvaret for at heimesida er oppdatert?"),
        new("sms-app", OT, "kanaler-ekstern", "Kan vi sende tekstmelding til foreldre i barnehagen?"),
        new("telefon", OT, "kanaler-intern", "Can I give information to staff by phone?"),
        new("mote", OT, "kanaler-intern", "Who passes on information from a staff meeting?"),
        new("digitalt-mote", Tynset, "kanaler", "Where does video conferencing fit among our channels?"),
        new("apne-moter", Lorenskog, "mest-brukte-kanaler", "Bruker vi folkemøte som kanal?"),
        new("oppslagstavle", OT, "kanaler-intern", "Hvordan når jeg ansatte uten pc? Bør jeg bruke plakater?"),
        new("brev", OT, "kanaler-ekstern", "Can sensitive information be sent by letter?"),
        new("nyhetsbrev", OT, "kanaler-ekstern", "Kan vi lage et newsletter for tjenesten vår?"),
        new("brosjyre", OT, "kanaler-ekstern", "Lønner det seg å lage brosjyre på papir?"),
        new("annonse", OT, "kanaler-ekstern", "Kvar skal vi kunngjere høyringar?"),
        new("chat", Klaebu, "kommunikasjonskanaler", "Does the municipality offer a chat on its website?"),
        new("kvalitetssystem", OT, "kanaler-intern", "What is the quality system used for?"),
        new("avvik", OT, "kanaler-intern", "Hvor melder jeg avvik?"),
        new("referat", OT, "kanaler-intern", "Skal møtereferat være tilgjengelig for alle?"),
        new("servicetorg", OT, "kanaler-ekstern", "Who keeps the front desk updated about changes in services?"),
        new("pc", OT, "kanaler-intern", "Hvordan informerer vi ansatte som ikke har datamaskin?"),
        new("malgruppe", OT, "prinsipp-malrettet-brukerorientert", "How do I tailor the message to the audience?"),
        new("mottaker", OT, "strategisk-virkemiddel|prosjekt-klarsprak", "How do I make sure the recipient understands the information?"),
        new("budskap", OT, "prinsipp-aktiv-planlagt", "Korleis planlegg eg bodskapen?"),
        new("kommunikasjonsplan", OT, "vedlegg-3-kommunikasjonsplan-mal-2|vedlegg-2-kommunikasjonsplan-mal-1|vedlegg", "Is there a template for a communication plan?"),
        new("kommunikasjonsstrategi", OT, "innledning", "What is the communication strategy based on?"),
        new("sjekkliste", OT, "vedlegg-1-kommunikasjonskanaler", "Finnes det en huskeliste for valg av kanal?"),
        new("kanalstrategi", Lorenskog, "tiltak", "Do we have a channel strategy?"),
        new("klarsprak", OT, "prosjekt-klarsprak", "Hva sier strategien om byråkratspråk?"),
        new("kort-tekst", OT, "kanaler-ekstern", "Bør e-poster være kortfattet?"),
        new("tekst", OT, "prosjekt-klarsprak", "What makes good content for readers?"),
        new("grafisk-profil", OT, "kanaler-ekstern", "Må vi bruke kommunens logo på plakater?"),
        new("grafisk-profil", Trondheim, "grafisk-profil", "Kan jeg lage invitasjonen selv i Canva?"),
        new("stillingstittel", OT, "ytringsfrihet-lojalitet", "Can I use my job title when I write privately to the paper?"),
        new("signatur", OT, "sosiale-medier-offisielle-kontoer", "Skal jeg skrive fullt navn når jeg svarer på Facebook for kommunen?"),
        new("planlegge", OT, "prinsipp-aktiv-planlagt", "Should we plan ahead when informing about decisions?"),
        new("proaktiv", OT, "kanaler-ekstern", "Should we be proactive towards the media?"),
        new("tidlig", OT, "kommunikasjonsmal", "Skal dei det gjeld informerast tidleg?"),
        new("raskt", OT, "presse-kjoreregler", "Hvor kjapt må kommunen svare journalister?"),
        new("svare", OT, "sosiale-medier-offisielle-kontoer", "Who replies to questions on the official Facebook page?"),
        new("informere", OT, "rolle-kommunedirektor", "Who is responsible for the information from the administration?"),
        new("orientere", OT, "rolle-kommunikasjonsavdeling", "When must I keep the comms team in the loop about a media inquiry?"),
        new("orientere", Lorenskog, "kommunikasjonsenhetens-ansvar", "Når skal vi koble inn kommunikasjonsenheten?"),
        new("orientere", Lorenskog, "kommunikasjonsenhetens-ansvar", "Må jeg si ifra til kommunikasjonsenheten når en journalist ringer?"),
        new("nyhet", OT, "kanaler-intern", "Kvar finn tilsette nyheiter frå kommunen?"),
        new("nyhetskriterier", OT, "vedlegg-2-kommunikasjonsplan-mal-1", "Hvordan vet jeg om saken er newsworthy?"),
        new("evaluere", OT, "vedlegg-1-kommunikasjonskanaler", "How do we measure which channels work best?"),
        new("undersokelse", Lorenskog, "delmal-5-jobbe-i-lorenskog", "How do we know if people want to work here? Is there a staff survey?"),
        new("treffe", OT, "strategisk-virkemiddel", "Korleis kan vi nå fram til alle?"),
        new("tilpasse", OT, "prinsipp-malrettet-brukerorientert", "How do we tailor information to different groups?"),
        new("brukervennlig", OT, "prinsipp-malrettet-brukerorientert|kanaler-ekstern", "Er nettsidene våre user-friendly nok?"),
        new("tilgjengelig", Trondheim, "tydelig-tilgjengelig", "Must our communication follow universal design?"),
        new("flersprak", Trondheim, "tydelig-tilgjengelig", "Should we translate information into other languages?"),
        new("leder", OT, "presse-kjoreregler", "Skal kritiske uttalelser gå til sjefen?"),
        new("lederansvar", OT, "prinsipp-lederansvar", "Er kommunikasjon leiaransvar?"),
        new("ledelse", OT, "rolle-kommunedirektor", "How is the information responsibility shared in the management team?"),
        new("kommunedirektor", OT, "rolle-kommunedirektor", "What is the CEO responsible for?"),
        new("kommunalsjef", OT, "presse-kjoreregler", "Når må enhetslederen rådføre seg med sektorsjefen?"),
        new("enhetsleder", OT, "presse-kjoreregler", "Can a school principal talk to the press on behalf of the school?"),
        new("ansatt", OT, "rolle-medarbeidere|ansvar-roller", "Kva ansvar har tilsette for kommunikasjon?"),
        new("yrke", OT, "presse-kjoreregler|rolle-medarbeidere", "Jeg er sykepleier. Kan jeg gi opplysninger om faget mitt til avisa?"),
        new("kollega", OT, "sosiale-medier-ansatte", "Kan jeg skrive om kollegaene mine på Facebook?"),
        new("tillitsvalgt", OT, "presse-kjoreregler|rolle-tillitsvalgte-vernetjenesten", "Can a union rep speak to the media?"),
        new("vernetjeneste", OT, "rolle-tillitsvalgte-vernetjenesten", "Er verneombudet bundet av kommunikasjonsstrategien?"),
        new("kommunikasjonsavdeling", OT, "rolle-kommunikasjonsavdeling", "What does the comms team do?"),
        new("hr", OT, "prosjekt-rekrutteringskommunikasjon", "Should human resources work on recruitment communication?"),
        new("folkevalgte", OT, "rolle-folkevalgte", "Are the politicians covered by the communication strategy?"),
        new("ordforer", OT, "presse-kjoreregler", "Who gives political comments to the press, the mayor?"),
        new("politisk", OT, "sosiale-medier-offisielle-kontoer", "Skal vi svare på spørsmål om politikk på kommunens Facebook-side?"),
        new("administrasjon", Klaebu, "radmannen", "Who speaks for the administration?"),
        new("arbeidsgiver", OT, "ytringsfrihet-lojalitet", "Har eg lojalitetsplikt overfor arbeidsgjevaren?"),
        new("arbeidsplass", OT, "sosiale-medier-ansatte", "Can I post photos from my workplace?"),
        new("enhet", OT, "prinsipp-lederansvar", "Who is responsible for communication in my department?"),
        new("saksbehandler", OT, "presse-kjoreregler", "Kan sakshandsamaren kommentere saka i media?"),
        new("vernerolle", OT, "rolle-tillitsvalgte-vernetjenesten", "Are union reps exempt from the strategy?"),
        new("ansvar", OT, "rolle-ledere|prinsipp-lederansvar", "What responsibilities do managers have?"),
        new("saksansvar", OT, "krisekommunikasjon", "Does the information responsibility follow the case owner?"),
        new("delegere", Trondheim, "lederansvar", "Kan leder delegere kommunikasjonsoppgaver?"),
        new("tjenestevei", OT, "ytringsfrihet-lojalitet|presse-kjoreregler", "Bør jeg ta det opp med sjefen før jeg går til avisa med kritikk?"),
        new("medansvar", Tynset, "mal-medansvar", "Do employees have a shared responsibility for communication?"),
        new("ambassador", OT, "prinsipp-internt-for-eksternt", "Er dei tilsette ambassadørar for kommunen?"),
        new("pa-vegne-av", OT, "presse-kjoreregler|ytringsfrihet-lojalitet", "How do I make clear to reporters that I am not speaking on behalf of the municipality?"),
        new("rolle", OT, "samfunnsoppdrag", "What roles does the municipality have in society?"),
        new("oppgave", OT, "rolle-kommunikasjonsavdeling", "What are the tasks of the communications department?"),
        new("fagfelt", OT, "presse-kjoreregler", "Can I give facts about my own field to a journalist?"),
        new("fakta", OT, "presse-kjoreregler", "Kan jeg gi tall og opplysninger til pressen?"),
        new("vurdering", OT, "rolle-medarbeidere", "Can employees give their professional opinion on cases?"),
        new("hjelp", OT, "rolle-kommunikasjonsavdeling", "Hvem kan hjelpe meg med veiledning i kommunikasjonsarbeidet?"),
        new("samordne", OT, "rolle-ledere", "Who coordinates communication with neighbouring units?"),
        new("samarbeid", OT, "prosjekt-nytt-intranett", "How do we support collaboration across departments?"),
        new("forankring", OT, "prinsipp-internt-for-eksternt", "Do messages to the public need internal buy-in first?"),
        new("ytringsfrihet", OT, "ytringsfrihet-lojalitet", "Har tilsette ytringsfridom?"),
        new("ytring", OT, "ytringsfrihet-lojalitet", "Can I speak out about conditions at my workplace?"),
        new("ytring", OT, "ytringsfrihet-lojalitet", "Kan eg seie meininga mi i avisa?"),
        new("samfunnsdebatt", OT, "ytringsfrihet-lojalitet", "Kan eg delta i ordskiftet om kommunen?"),
        new("samfunnsdebatt", OT, "ytringsfrihet-lojalitet", "Kan jeg gå i demonstrasjonstog mot nedleggelsen på fritida?"),
        new("samfunnsdebatt", Trondheim, "ytringsfrihet", "May I sign a petition against the council's decision?"),
        new("privatperson", OT, "ytringsfrihet-lojalitet", "Can I speak publicly on my own behalf about the municipality?"),
        new("lojalitet", OT, "ytringsfrihet-lojalitet", "Do I have a duty of loyalty to the municipality?"),
        new("kritikk", OT, "ytringsfrihet-lojalitet", "Kan jeg rakke ned på kommunen offentlig?"),
        new("kritikk", OT, "ytringsfrihet-lojalitet|presse-kjoreregler", "Er det greit å si offentlig at jeg er misfornøyd med ledelsen?"),
        new("kritikkverdig", OT, "ytringsfrihet-lojalitet", "May I raise concerns about a decision after it is made?"),
        new("varsling", OT, "ytringsfrihet-lojalitet", "How do I blow the whistle on wrongdoing?"),
        new("uenig", OT, "ytringsfrihet-lojalitet", "Can I say publicly that I disagree on controversial issues?"),
        new("takhoyde", Trondheim, "ytringsfrihet", "Is there room for disagreement?"),
        new("reaksjon", OT, "innledning", "How do we handle backlash from users?"),
        new("netthets", OT, "sosiale-medier-offisielle-kontoer", "How should we reply to rude comments on our page?"),
        new("skryt", OT, "sosiale-medier-offisielle-kontoer", "Skal vi svare når folk gir ros på Facebook?"),
        new("represalier", OT, "ytringsfrihet-lojalitet", "Will I get in trouble for talking to the press?"),
        new("grunnloven", Trondheim, "ytringsfrihet", "Is freedom of expression in the constitution?"),
        new("taushetsplikt", OT, "sosiale-medier-ansatte", "Gjeld teieplikta på sosiale medium?"),
        new("personvern", Trondheim, "apenhet-lover", "How do we protect privacy when sharing information?"),
        new("anonym", OT, "sosiale-medier-ansatte", "Can a patient be recognised in a post even without a name?"),
        new("anonym", OT, "sosiale-medier-ansatte", "Kan eg skrive om ein pasient på Facebook utan å nemne namn?"),
        new("anonym", OT, "sosiale-medier-ansatte", "Can I write about a client on Facebook without mentioning the name?"),
        new("personalsak", OT, "presse-kjoreregler", "Can we comment on a dismissal in the newspaper?"),
        new("innsyn", OT, "prinsipp-apen", "Can the public request access to documents?"),
        new("unntatt-offentlighet", OT, "kanaler-ekstern", "Are letters with sensitive information exempt from public disclosure?"),
        new("samtykke", OT, "sosiale-medier-ansatte", "Do I need consent to post photos of pupils?"),
        new("bilde-video", OT, "sosiale-medier-ansatte", "Kan jeg filme beboere på jobben?"),
        new("innbygger", OT, "samfunnsoppdrag-lokaldemokrati", "How can citizens influence decisions?"),
        new("tjenestemottaker", OT, "sosiale-medier-ansatte", "Can I be friends with clients on Facebook?"),
        new("elev", OT, "sosiale-medier-ansatte", "Can teachers befriend students on social media?"),
        new("parorende", OT, "sosiale-medier-ansatte", "May I post pictures where relatives can be seen?"),
        new("barn-unge", Lorenskog, "malgrupper", "Which groups will get a lift, is youth one of them?"),
        new("eldre", Trondheim, "saerlig-aktuelle-malgrupper", "How do we reach elderly people who struggle with digital tools?"),
        new("naeringsliv", OT, "prinsipp-apen", "Hvordan får firmaer tilgang til informasjon om rettigheter?"),
        new("frivillig", OT, "samfunnsoppdrag-myndighetsutover", "Does the municipality give grants to voluntary organisations?"),
        new("samarbeidspartner", Tynset, "malgrupper", "Are partners and other municipalities among our target groups?"),
        new("omverden", OT, "prinsipp-internt-for-eksternt", "Korleis påverkar dei tilsette korleis omverda oppfattar kommunen?"),
        new("intern", OT, "kanaler-intern", "Should internal information flow have high priority?"),
        new("internt-forst", OT, "prinsipp-internt-for-eksternt|kanaler-intern", "Skal de ansatte få vite det før pressen?"),
        new("apenhet", OT, "prinsipp-apen", "Kva inneber openheit i kommunikasjonen?"),
        new("tillit", Lorenskog, "verdi-troverdige", "How can we be trustworthy?"),
        new("omdomme", OT, "ansvar-roller", "Do all employees share responsibility for the municipality's reputation?"),
        new("verdier", Tynset, "verdier", "What are our core values?"),
        new("visjon", Tynset, "visjon", "What is our vision?"),
        new("prinsipper", OT, "prinsipper", "Which communication principles apply?"),
        new("retningslinjer", OT, "presse-kjoreregler", "What are the guidelines for contact with the press?"),
        new("etikk", Trondheim, "ytringsfrihet", "Do employees who speak out have to follow ethical guidelines?"),
        new("styreverv", Klaebu, "gjennomsiktighet-apenhet", "Must I register side jobs and board positions?"),
        new("prioritere", OT, "prinsipp-apen", "How do we prioritise important content?"),
        new("malsetting", OT, "kommunikasjonsmal", "What are the communication goals?"),
        new("krise", OT, "krisekommunikasjon", "Who speaks for the municipality during a major accident?"),
        new("dataangrep", OT, "innledning", "Was the cyber attack taken into account in the strategy?"),
        new("pandemi", OT, "innledning", "Har korona gjort kommunikasjonsutfordringene tydeligere?"),
        new("vedtak", OT, "ytringsfrihet-lojalitet|presse-kjoreregler", "Must I carry out decisions I disagree with?"),
        new("samfunnsoppdrag", OT, "samfunnsoppdrag", "What is the municipality's mission in society?"),
        new("velferd", OT, "samfunnsoppdrag-velferdsprodusent", "Is the municipality responsible for nursing homes and other welfare services?"),
        new("tjenester", OT, "prinsipp-apen", "Korleis får næringslivet informasjon om kommunale tenester?"),
        new("myndighet", OT, "samfunnsoppdrag-myndighetsutover", "Does the municipality issue building permits?"),
        new("lokaldemokrati", OT, "samfunnsoppdrag-lokaldemokrati", "How can residents have a say in local democracy?"),
        new("samfunnsutvikler", OT, "samfunnsoppdrag-samfunnsutvikler", "What does the municipality do for business development and innovation?"),
        new("lovverk", OT, "prinsipper", "Which law requires active communication?"),
        new("stolthet", OT, "kommunikasjonsmal|prosjekt-rekrutteringskommunikasjon", "How do we make employees proud of the municipality?"),
        new("tilhorighet", Klaebu, "mal-for-kommunikasjon", "How do we strengthen team spirit?"),
        new("kultur", OT, "kommunikasjonsutfordringer|prosjekt-nytt-intranett", "How do we build a shared workplace culture?"),
        new("trivsel", OT, "kanaler-intern", "Does good internal communication improve wellbeing?"),
        new("arbeidsforhold", OT, "ytringsfrihet-lojalitet", "Can I complain publicly about my salary?"),
        new("rekruttering", OT, "prosjekt-rekrutteringskommunikasjon", "How can communication help us hire more staff?"),
        new("nyansatt", Tynset, "mal-gode-ambassadorer", "Is there an onboarding programme for new employees?"),
        new("opplaering", OT, "prosjekt-medietrening", "Is there training for managers in dealing with the media?"),
        new("kompetanse", OT, "rolle-ledere", "Do managers need communication skills?"),
        new("ressurser", OT, "prinsipp-lederansvar", "Must units set aside resources for communication?"),
        new("kostnad", OT, "utviklingsprosjekter|prosjekt-bolystplattform", "Who covers the costs of the development projects?"),
        new("deling", OT, "prosjekt-nytt-intranett", "How do we encourage knowledge sharing between units?"),
        new("prosjekt", OT, "utviklingsprosjekter", "Which development projects are recommended?"),
        new("tiltak", OT, "innledning", "Er strategien en handlingsplan?"),
        new("bolyst", OT, "prosjekt-bolystplattform", "How do we attract new residents to move here?"),
        new("synlighet", OT, "kommunikasjonsmal|kommunikasjonsutfordringer", "How do we showcase the activities of our units?"),
        new("markedsforing", OT, "sosiale-medier-offisielle-kontoer", "Can the municipality use social media for marketing?"),
        new("resultater", OT, "prinsipp-aktiv-planlagt", "Should we tell people about our achievements?"),
        new("gode-historier", Lorenskog, "verdi-apne", "Do we share success stories?"),
        new("endring", Tynset, "kanaler", "Which channels should a manager use during a reorganisation?"),
        new("nedskjaering", OT, "innledning", "Hvordan informerer vi om kutt i tjenestene?"),
        new("digitalisering", OT, "strategisk-virkemiddel", "How does digitalisation change our communication?"),
        new("selvbetjening", OT, "strategisk-virkemiddel", "Should more residents use self-service?"),
        new("analog", Trondheim, "tydelig-tilgjengelig|mal-innbyggerinvolvering", "What about residents who are not online?"),
        new("utenforskap", Trondheim, "saerlig-aktuelle-malgrupper", "Which residents are at risk of social exclusion?"),
        new("baerekraft", Trondheim, "mal-klima-baerekraft", "How do we communicate about sustainability?"),
        new("klima-miljo", OT, "kanaler-ekstern", "Should printed material take the environment into account?"),
        new("medvirkning", OT, "prinsipp-medvirkning", "Korleis legg vi til rette for medverknad?"),
        new("horing", OT, "prinsipp-medvirkning", "Kvar informerer vi om høyringar?"),
        new("tilbakemelding", OT, "prinsipp-medvirkning", "How can residents give feedback on our services?"),
        new("dialog", OT, "strategisk-virkemiddel", "Er kommunikasjon tovegs?"),
        new("lytte", Trondheim, "medvirkning", "Do we listen to citizens' input?"),
        new("engasjement", OT, "prinsipp-medvirkning|kommunikasjonsutfordringer", "How do we get residents engaged?"),
        new("tone", OT, "kanaler-ekstern", "Can we be casual on social media?"),
        new("ironi", OT, "sosiale-medier-offisielle-kontoer", "Kan vi bruke humor når vi svarer på Facebook?"),
        new("arkiv", OT, "kanaler-ekstern", "Må e-post journalføres?"),
        new("postmottak", OT, "sosiale-medier-offisielle-kontoer", "A resident sent a formal request via Messenger, should it go to the mailroom?"),
        new("soknad", Klaebu, "arkivering", "What if an email looks like an application?"),
        new("saksframlegg", Lorenskog, "mest-brukte-kanaler", "Er saksframlegg en kanal?"),
        new("sensitiv-post", OT, "kanaler-ekstern", "Can I send sensitive letters by secure email?"),
        new("kommunikasjon", OT, "strategisk-virkemiddel", "Why is communication a strategic tool?"),
        new("kommune", OT, "kommunikasjonsutfordringer", "What are the municipality's communication challenges?"),
        new("strategisk", OT, "strategisk-virkemiddel", "Is communication a strategic instrument?"),
        new("utfordring", OT, "kommunikasjonsutfordringer", "What are the main challenges in communication?"),
        new("hovedkanal", OT, "kanaler-intern", "What is the main channel for internal news?"),
        new("hovedkanal", Trondheim, "proaktivt-riktig-kanal", "Hva er kommunens viktigste nettkanal?"),
        new("supplement", OT, "kanaler-intern", "Is the staff Facebook group only a supplementary channel?"),
        new("flere-kanaler", OT, "vedlegg-1-kommunikasjonskanaler|vedlegg-2-kommunikasjonsplan-mal-1", "Should we use several channels?"),
        new("uformelle-samtaler", OT, "kanaler-intern", "Is small talk between colleagues part of internal communication?"),
        new("personlig-kontakt", Tynset, "kanaler", "Should difficult messages be given face to face?"),
        new("omtale-andre", OT, "sosiale-medier-ansatte", "Can I post about my boss on social media?"),
        new("bevisst", OT, "sosiale-medier-ansatte", "Do I need to use common sense on social media?"),
        new("permanent", OT, "sosiale-medier-ansatte", "Can posts be deleted, or do they stay forever?"),
        new("klage", OT, "sosiale-medier-offisielle-kontoer", "What do I do with a complaint posted as a comment on our Facebook page?"),
        new("offentlig", OT, "ytringsfrihet-lojalitet", "Can employees speak publicly?"),
        new("sak", OT, "rolle-kommunikasjonsavdeling", "Must the communications department be told about cases of principle?"),
        new("viktig", OT, "kanaler-ekstern", "Is it important that the website and the front desk give the same information?"),
        new("styrke", OT, "prosjekt-rekrutteringskommunikasjon|prosjekt-bolystplattform", "How do we strengthen the municipality as an employer?"),
        new("handtere", OT, "prosjekt-medietrening", "How should managers handle media stories?"),
        new("basert", OT, "innledning", "What is our strategy based on?"),
        new("aktivitet", OT, "kommunikasjonsutfordringer|kommunikasjonsmal|prosjekt-bolystplattform", "How do we make the activities of the municipality visible?"),
        new("prosess", OT, "prinsipp-apen", "Are discussions about our services a natural part of open processes?"),
        new("gjennomfore", OT, "ytringsfrihet-lojalitet|presse-kjoreregler", "Must employees carry out political decisions loyally?"),
        new("forstaelse", OT, "kommunikasjonsutfordringer|strategisk-virkemiddel", "How do we increase residents' understanding of self-service?"),
        new("veiledning", OT, "strategisk-virkemiddel", "Kva seier strategien om rettleiing i digitale tenester?"),
        new("informasjonsflyt", OT, "kanaler-intern", "Should the internal flow of information have high priority?"),
        new("internett", OT, "rolle-kommunikasjonsavdeling", "Who is responsible for our channels on the internet?"),
        new("godkjenning", Klaebu, "kommunikasjonskanaler", "Who must approve a new page on a social networking site?"),
        new("revisjon", Trondheim, "bakgrunn", "How often is the strategy revised?"),
        new("styringsverktoy", Trondheim, "innledning", "Is the strategy a governing document for all communication?"),
        new("organisasjonsdirektor", Trondheim, "bakgrunn", "Who owns the strategy?"),
        new("kommuneplan", Trondheim, "bakgrunn", "Is the strategy based on the municipal master plan?"),
        new("statlig", OT, "innledning|prinsipper", "Does the strategy follow the state's communication policy?"),
        new("avsender", Trondheim, "grafisk-profil", "Why should people recognise the municipality as the sender?"),
        new("korrekt", OT, "prinsipp-apen|kanaler-ekstern", "Must our information be accurate?"),
        new("profesjonell", Klaebu, "mal-for-kommunikasjon|roller-og-ansvar", "Should we appear professional?"),
        new("enhetlig", Lorenskog, "interne-utfordringer|delmal-2-liker-lorenskog", "Do we act consistently as an organisation?"),
        new("positiv", Tynset, "verdi-optimisme", "Hva betyr optimism som verdi?"),
        new("humor", Tynset, "verdi-optimisme", "Can we have fun and good humour at work?"),
        new("kreativitet", Tynset, "verdi-optimisme", "Is creativity one of our values?"),
        new("inkludering", Tynset, "verdi-inkludering", "What does inclusion mean for us?"),
        new("forutsigbarhet", Lorenskog, "interne-utfordringer", "Do people know when they will get an answer?"),
        new("oversikt", Lorenskog, "interne-utfordringer", "Do we lack an internal overview of who does what?"),
        new("naerhet", Lorenskog, "delmal-2-liker-lorenskog", "How do we bring the municipality closer to people?"),
        new("naermiljo", Lorenskog, "delmal-4-hjemme-i-lorenskog", "How do we make people proud of their neighbourhood?"),
        new("menneskelig", Lorenskog, "nyttige-tips", "Should our communication have a human touch?"),
        new("service", Lorenskog, "delmal-3-sett-hort-ivaretatt", "Are people happy with our customer service?"),
        new("identitet", OT, "kanaler-ekstern", "How do we strengthen our identity through visual information?"),
        new("rettigheter", OT, "kommunikasjonsmal|prinsipp-apen", "Should residents get information about their rights and duties?"),
        new("mestring", OT, "strategisk-virkemiddel", "How do we promote coping and self-reliance among residents?"),
        new("radfore", OT, "presse-kjoreregler", "Who should a unit manager consult when unsure about giving information to the press?"),
        new("tvil", OT, "presse-kjoreregler", "What if I'm unsure whether I can give information to the press?"),
        new("avtale", OT, "presse-kjoreregler|rolle-medarbeidere", "Can employees give assessments if this is agreed with their manager?"),
        new("redaksjonell", OT, "kanaler-ekstern", "Is editorial coverage one of our channels?"),
        new("radgiver", Klaebu, "fagsjefer-og-radgivere", "What do the specialists and advisors do?"),
        new("leseliste", OT, "kanaler-intern", "Can we check that staff have read the information with read receipts?"),
        new("interesseanalyse", OT, "vedlegg-2-kommunikasjonsplan-mal-1", "Should I do a stakeholder analysis first?"),
        new("medarbeidersamtale", Tynset, "mal-medansvar", "Do we use development talks to strengthen employees as ambassadors?"),
        new("rikdom", Tynset, "kanaler", "Which channels are the richest?"),
        new("enveis", Tynset, "kanaler", "Are written reports one-way communication?"),
        new("rapport", Tynset, "kanaler", "Are written reports a good channel?"),
        new("dagsorden", Tynset, "kanaler", "Which channels help us set the agenda?"),
        new("arshjul", Tynset, "kanaler", "Should we plan media stories in a content calendar?"),
        new("meldesystem", Tynset, "mal-tilgjengelig-informasjon", "Do we have a reporting system for residents?"),
        new("premissleverandor", Trondheim, "sentrale-malgrupper", "Are policy makers one of our target groups?"),
        new("forskning", Trondheim, "mal-samarbeid", "How do we share experience from research cooperation?"),
        new("folkehelse", Trondheim, "mal-innbyggerinvolvering", "Do we inform about public health and quality of life?"),
        new("forventning", Trondheim, "mal-innbyggerinvolvering", "How do we manage expectations between residents and the municipality?"),
        new("sokemotor", Klaebu, "webredaksjon-ikt", "Who makes sure published information is easy to find through search engines?"),
        new("servicehandbok", Lorenskog, "tiltak", "Do we have a service handbook?"),
        new("imotekommende", Lorenskog, "verdi-apne", "Are we welcoming and easy to contact?"),
        new("fornoyd", Lorenskog, "delmal-3-sett-hort-ivaretatt", "Are residents satisfied with how we answer them?"),
        new("innbyggerhenvendelse", OT, "sosiale-medier-offisielle-kontoer", "En innbygger spør om saken sin i en privatmelding på Facebook. Hva gjør jeg?"),
        new("skole", OT, "kanaler-ekstern", "Can schools send messages to parents by app?"),
        new("barnehage", OT, "kanaler-intern", "Which app does the kindergarten use to communicate with staff?"),
        new("helse-omsorg", OT, "kanaler-intern", "Which system is used in health and care for direct messages to staff?"),
        new("gruppe", OT, "kanaler-intern", "How many employees are members of the staff group on Facebook?"),
        new("tydelig", OT, "sosiale-medier-ansatte|ytringsfrihet-lojalitet", "How do I make it clear that I am speaking as a private person?"),
        new("enkel", OT, "prinsipp-apen", "Is it simple for residents to find important information?"),
        new("trygghet", OT, "kanaler-intern", "Does good internal communication give employees a feeling of safety?"),
        new("utvikling", OT, "samfunnsoppdrag-lokaldemokrati", "How can residents influence the development of the municipality?"),
        new("oppdatert", OT, "rolle-ledere", "Who makes sure the front desk is kept up to date?"),
        new("skrive", OT, "prosjekt-klarsprak", "When is a text written in plain language?"),
        new("framsta", Klaebu, "mal-for-kommunikasjon|roller-og-ansvar", "How should the municipality appear to the public?"),
    ];

    public static TheoryData<string, string, string, string> CaseData()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var c in Cases)
        {
            data.Add(c.Concept, c.Organisation, c.Section ?? "-", c.Question);
        }
        return data;
    }

    [Fact]
    public void The_lexicon_loads_with_a_few_hundred_concepts()
    {
        var lexicon = ConceptLexicon.Load(RepositoryContent.ConceptsFile);

        Assert.True(lexicon.Concepts.Count >= 150, $"only {lexicon.Concepts.Count} concepts");
        Assert.All(lexicon.Concepts, c => Assert.NotEmpty(c.StrategyTerms));
        Assert.All(lexicon.Concepts, c => Assert.InRange(c.Weight, 0.1f, 1f));
    }

    [Fact]
    public void Concept_ids_are_unique()
    {
        var ids = File.ReadLines(RepositoryContent.ConceptsFile)
            .Select(l => ConceptLine().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();

        Assert.NotEmpty(ids);
        Assert.Empty(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(RepositoryContent.Lexicon.Concepts.Count, ids.Count);
    }

    [Fact]
    public void Every_strategy_word_occurs_in_some_strategy()
    {
        var kb = RepositoryContent.KnowledgeBase;
        var strategyTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in RepositoryContent.Packs.SelectMany(p => p.Strategy.Sections))
        {
            strategyTerms.UnionWith(kb.Analysis.AnalyzeDocument(section.Title));
            foreach (var block in section.Blocks)
            {
                strategyTerms.UnionWith(kb.Analysis.AnalyzeDocument(block.Text));
            }
        }

        var dead = RepositoryContent.Lexicon.Concepts
            .SelectMany(c => c.StrategyTerms.Where(t => !strategyTerms.Contains(t)).Select(t => $"{c.Id}: {t}"))
            .ToList();

        Assert.True(dead.Count == 0, "strategy words no strategy uses (as stems): " + string.Join(", ", dead));
    }

    [Fact]
    public void No_single_word_trigger_is_a_stop_word()
    {
        // A trigger whose stem is a stop word's stem fires on function words ("møte" -> "mot", "mene" -> "men").
        var stopStems = File.ReadLines(RepositoryContent.StopWordsFile)
            .Select(l => l.Split('#', 2)[0].Trim())
            .Where(l => l.Length > 0)
            .Select(LetterFolding.Fold)
            .SelectMany(w => new[] { w, NorwegianStemmer.Stem(w) })
            .ToHashSet(StringComparer.Ordinal);

        var bad = RepositoryContent.Lexicon.Concepts
            .SelectMany(c => c.Triggers.Where(t => t.Stems.Length == 1 && stopStems.Contains(t.Stems[0])).Select(t => $"{c.Id}: {t.Stems[0]}"))
            .ToList();

        Assert.True(bad.Count == 0, "triggers that are stop words: " + string.Join(", ", bad));
    }

    /// <summary>
    /// English triggers that stem like a common Norwegian word of another meaning ("stores" -> "stor", big;
    /// "handle" -> "handl", as in "handler om"; "personal", staff) would fire on everyday Norwegian.
    /// </summary>
    [Theory]
    [InlineData("Dette kan bli en stor sak", "naeringsliv")]
    [InlineData("Hva handler strategien om?", "handtere")]
    [InlineData("Er dette i stor grad opp til meg?", "unntatt-offentlighet")]
    [InlineData("Jeg liker ikke at sjefen bestemmer alt", "skryt")]
    [InlineData("Hva sier strategien om valg av kanal?", "lokaldemokrati")]
    [InlineData("Jeg er fast ansatt i kommunen", "raskt")]
    [InlineData("Hvilke ord bør jeg bruke i et brev?", "myndighet")]
    [InlineData("Jeg søker etter informasjon om rutinene", "soknad")]
    [InlineData("Jeg søker etter informasjon om rutinene", "rekruttering")]
    [InlineData("Både form og innhold må være bra", "soknad")]
    [InlineData("Hvordan informerer vi personalet om endringen?", "privatperson")]
    public void A_norwegian_word_does_not_trigger_an_english_false_friend(string question, string conceptId)
    {
        var stems = Tokenizer.Split(question).Select(w => NorwegianStemmer.Stem(LetterFolding.Fold(w))).ToList();

        Assert.DoesNotContain(RepositoryContent.Lexicon.Match(stems), m => m.Concept.Id == conceptId);
    }

    /// <summary>
    /// To a municipal employee the town hall is the building (rådhuset), not a company's all-hands meeting:
    /// read as a meeting, any question about the town hall would pull towards the passages on staff meetings.
    /// </summary>
    [Fact]
    public void The_town_hall_is_the_municipality_not_a_meeting()
    {
        var stems = Tokenizer.Split("Can I park at the town hall?").Select(w => NorwegianStemmer.Stem(LetterFolding.Fold(w))).ToList();

        var concepts = RepositoryContent.Lexicon.Match(stems).Select(m => m.Concept.Id).ToList();

        Assert.Contains("kommune", concepts);
        Assert.DoesNotContain("mote", concepts);
    }

    /// <summary>
    /// The Norwegian stemmer turns the English trigger "care" into "car": an English question about a car (or
    /// cars) must not read as one about health and care, while the trigger's own forms and Norwegian triggers
    /// matched by stem ("service" for the strategy's "servicen") still count.
    /// </summary>
    [Theory]
    [InlineData("Where can I park my car at work?", "helse-omsorg", false)]
    [InlineData("Where can I park my cars at work?", "helse-omsorg", false)]
    [InlineData("Who takes care of the elderly?", "helse-omsorg", true)]
    [InlineData("Are residents happy with our service?", "service", true)]
    public void An_english_question_word_does_not_trigger_a_longer_english_word_with_its_stem(string question, string conceptId, bool triggers)
    {
        var terms = RepositoryContent.KnowledgeBase.Analysis.AnalyzeQuery(question, english: true).Groups
            .SelectMany(g => g.Alternatives).Select(a => a.Term).ToHashSet(StringComparer.Ordinal);
        var concept = Assert.Single(RepositoryContent.Lexicon.Concepts, c => c.Id == conceptId);

        Assert.Equal(triggers, concept.StrategyTerms.All(terms.Contains));
    }

    [Fact]
    public void Every_concept_is_exercised_by_a_case()
    {
        var covered = Cases.Select(c => c.Concept).ToHashSet(StringComparer.Ordinal);

        var untested = RepositoryContent.Lexicon.Concepts.Select(c => c.Id).Where(id => !covered.Contains(id)).ToList();
        var unknown = covered.Where(id => RepositoryContent.Lexicon.Concepts.All(c => c.Id != id)).ToList();

        Assert.True(untested.Count == 0, "concepts without a case: " + string.Join(", ", untested));
        Assert.True(unknown.Count == 0, "cases for concepts that do not exist: " + string.Join(", ", unknown));
    }

    [Theory]
    [MemberData(nameof(CaseData))]
    public void A_people_word_brings_in_the_concept_and_finds_the_answer(string conceptId, string organisation, string section, string question)
    {
        var kb = RepositoryContent.KnowledgeBase;
        var concept = Assert.Single(kb.Analysis.Lexicon.Concepts, c => c.Id == conceptId);

        var stems = Tokenizer.Split(question).Select(w => NorwegianStemmer.Stem(LetterFolding.Fold(w))).ToList();
        Assert.True(kb.Analysis.Lexicon.Match(stems).Any(m => m.Concept.Id == conceptId), $"'{question}' does not trigger {conceptId}");

        var query = kb.Analysis.AnalyzeQuery(question);
        var searched = query.Groups.SelectMany(g => g.Alternatives).Select(a => a.Term).ToHashSet(StringComparer.Ordinal);
        Assert.All(concept.StrategyTerms, term => Assert.Contains(term, searched));

        // The section the case expects must exist, so the ranking floor below measures something real.
        if (section != "-")
        {
            var pack = kb.Pack(organisation);
            Assert.NotNull(pack);
            Assert.All(section.Split('|'), id => Assert.NotNull(pack.Strategy.Find(id)));
        }
    }

    [Fact]
    public void Nearly_every_case_ranks_its_section_first()
    {
        var checkedCases = Cases.Where(c => c.Section is not null).ToList();
        var results = checkedCases.Select(c => (Case: c, Top: NearestSections(c.Question, c.Organisation))).ToList();
        var misses = results
            .Where(r => r.Top.Count == 0 || !r.Case.Section!.Split('|').Contains(r.Top[0]))
            .Select(r => $"{r.Case.Concept}: '{r.Case.Question}' -> [{string.Join(", ", r.Top)}]")
            .ToList();

        var share = 1.0 - (double)misses.Count / checkedCases.Count;
        // Which of several good sections wins is the ranking's call, so this is a floor over all cases,
        // set at the figures reached (0.86 first, 0.97 among the three offered; 0.84 first since 180
        // situation questions joined the content, which lifted every evaluation set).
        Assert.True(share >= 0.83, $"only {share:P0} of the cases rank their section first; misses:\n" + string.Join("\n", misses));
        var offered = (double)results.Count(r => r.Top.Intersect(r.Case.Section!.Split('|')).Any()) / results.Count;
        Assert.True(offered >= 0.95, $"only {offered:P0} of the cases bring their section among the three offered");
    }

    private static List<string> NearestSections(string question, string organisation) =>
        [.. RepositoryContent.KnowledgeBase.Search(question, organisation).NearestSections.Select(s => s.Id)];

    [GeneratedRegex(@"^- concept:\s*(\S+)")]
    private static partial Regex ConceptLine();

    private sealed record LexiconCase(string Concept, string Organisation, string? Section, string Question);
}
