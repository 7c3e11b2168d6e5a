/** Realistic, synthetic journal texts (journalanteckningar) for the demo data. */

export interface JournalContext {
  /** Applicant's first name. */
  name: string;
  /** 'hon' or 'han'. */
  pronoun: string;
  hasChildren: boolean;
  /** Event date, YYYY-MM-DD. */
  date: string;
  /** A date some weeks after the event, YYYY-MM-DD. */
  later: string;
  /** Monthly rent in whole kronor. */
  rent: number;
  /** Set for a closed case: why it was closed (CLOSURE_REASONS). */
  closureReason: string | null;
  /** Picks one of the strings (driven by the seeded generator). */
  pick: (options: readonly string[]) => string;
}

export type JournalPhase = 'firstContact' | 'investigation' | 'ongoing' | 'closing' | 'fraud';
export type JournalAuthor = 'intake' | 'responsible' | 'second' | 'fraud';

export interface JournalTemplate {
  phase: JournalPhase;
  author: JournalAuthor;
  title: string;
  body: (c: JournalContext) => string;
  /** Information received orally (FL 27 §): who gave it. */
  orally?: (c: JournalContext) => string;
  onlyWithChildren?: boolean;
  /** The case step (journal_entries.step) when it differs from the phase's: see stepOf. */
  step?: string;
}

/** The case step an entry belongs to: first contacts to intake, investigation entries to investigation. */
export function stepOf(template: JournalTemplate): string | null {
  if (template.step) return template.step;
  if (template.phase === 'firstContact') return 'intake';
  if (template.phase === 'investigation') return 'investigation';
  return null;
}

/** Whole kronor with a space as thousands separator (no locale data, so the text is the same everywhere). */
const kr = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

const CLOSING_TEXT: Record<string, string> = {
  work: 'har fått en tillsvidareanställning',
  studies: 'har börjat studera med studiemedel',
  otherBenefit: 'har fått sjukersättning beviljad',
  moved: 'flyttar till annan kommun',
};

export const JOURNAL_TEMPLATES: readonly JournalTemplate[] = [
  // Första kontakt (mottagning)
  {
    phase: 'firstContact',
    author: 'intake',
    title: 'Telefonsamtal – första kontakt',
    orally: (c) => `${c.name} (sökande), per telefon`,
    body: (c) =>
      `${c.name} ringer och ansöker om ekonomiskt bistånd. Uppger att ${c.pronoun} saknar inkomst sedan föregående månad och att ${c.pronoun} ${c.pick(['väntar på beslut från Försäkringskassan', 'har blivit av med sin visstidsanställning', 'har avslutat sina studier', 'har fått slut på a-kassan'])}. Preliminär beräkning enligt riksnormen gjord under samtalet. Nybesök bokat; kallelse med checklista över handlingar att ta med skickas.`,
  },
  {
    phase: 'firstContact',
    author: 'intake',
    title: 'Besök i receptionen – första kontakt',
    orally: (c) => `${c.name} (sökande), vid besök`,
    body: (c) =>
      `${c.name} kommer till receptionen utan bokad tid och vill ansöka om bistånd. Information om hur man ansöker via e-tjänsten och om rätten att få hjälp att fylla i ansökan. Ansökan fylldes i tillsammans med ${c.name}. Nybesök bokat.`,
  },
  {
    phase: 'firstContact',
    author: 'intake',
    title: 'Webbansökan inkommen',
    body: () =>
      `Ansökan om ekonomiskt bistånd har kommit in via e-tjänsten. Kompletterande handlingar begärs: kontoutdrag för de senaste tre månaderna, hyresavi och eventuella beslut från Försäkringskassan. Kallelse till nybesök skickad.`,
  },
  {
    phase: 'firstContact',
    author: 'intake',
    title: 'Pappersansökan inkommen',
    body: () =>
      `Ansökan om ekonomiskt bistånd har kommit in på papper och registrerats. Underskrift och intygande på heder och samvete finns. Kompletterande handlingar begärs per brev; kallelse till nybesök skickad.`,
  },
  {
    phase: 'firstContact',
    author: 'intake',
    title: 'Akut ansökan – livsmedel',
    orally: (c) => `${c.name} (sökande), per telefon`,
    body: (c) =>
      `${c.name} ringer och uppger att ${c.pronoun} saknar pengar till mat${c.hasChildren ? ' till sig själv och barnen' : ''}. Nödsituation bedömd. Akut bistånd till livsmedel beviljas enligt delegation; ordinarie ansökan ska lämnas inom en vecka.`,
  },
  // Utredning
  {
    phase: 'investigation',
    author: 'responsible',
    title: 'Nybesök',
    body: (c) =>
      `Nybesök med ${c.name}. Genomgång av hushållets situation: boende, inkomster, tillgångar och skulder. Information om rätten till bistånd, skyldigheten att anmäla ändrade förhållanden och om kontroller mot andra myndigheter. ${c.name} hade med sig efterfrågade handlingar${c.pick(['.', ' utom kontoutdrag, som ska kompletteras.', ' utom hyresavi, som skickas in via e-tjänsten.'])}`,
  },
  {
    phase: 'investigation',
    author: 'responsible',
    title: 'Grundutredning',
    body: (c) =>
      `Grundutredning påbörjad utifrån livsområdena arbete och utbildning, hälsa, boende, ekonomi och skulder, familj och nätverk. ${c.name} beskriver med egna ord sitt mål som att ${c.pick(['få ett fast arbete inom vården', 'lära sig svenska och sedan utbilda sig', 'komma tillbaka till arbetslivet efter sjukskrivningen', 'få körkort och ett arbete inom lager och logistik', 'klara sin ekonomi utan bistånd inom ett år'])}.`,
  },
  {
    phase: 'investigation',
    author: 'responsible',
    title: 'Bedömning av försörjningshinder',
    body: (c) =>
      `Primärt försörjningshinder: ${c.pick(['arbetslöshet med behov av stöd', 'arbetslöshet utan behov av stöd', 'sjukdom eller ohälsa utan sjukpenning', 'otillräcklig inkomst', 'väntar på ersättning från annan myndighet'])}. Sekundärt: ${c.pick(['bristande kunskaper i svenska', 'ohälsa', 'saknar gymnasieutbildning', 'inget'])}. Bedömningen har gåtts igenom med ${c.name}, som instämmer.`,
  },
  {
    phase: 'investigation',
    author: 'responsible',
    title: 'Kommunicering inför beslut',
    step: 'decision',
    orally: (c) => `${c.name} (sökande), per telefon`,
    body: (c) =>
      `${c.name} har fått ta del av underlaget inför beslut om delavslag avseende hyra över riktlinjens skälighetsnivå (FL 25 §). ${c.name} framför per telefon att ${c.pronoun} söker en billigare bostad och har anmält sig i bostadskön.`,
  },
  {
    phase: 'investigation',
    author: 'responsible',
    title: 'FREDA-kortfrågor',
    body: () => `FREDA-kortfrågor ställda vid enskilt samtal. Inga uppgifter om våld eller hot framkom. Information lämnad om var man kan få stöd.`,
  },
  // Pågående ärende
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Telefonsamtal med sökande',
    orally: (c) => `${c.name} (sökande), per telefon`,
    body: (c) =>
      `${c.name} ringer och meddelar att ${c.pronoun} ${c.pick(['har fått en timanställning i hemtjänsten', 'har börjat på SFI', 'har fått ett läkarintyg', 'har en tandvärk och undrar om bistånd till tandvård', 'inte kan komma på bokat besök och vill boka om'])}. Uppgiften noteras och följs upp vid nästa ansökan.`,
  },
  {
    phase: 'ongoing',
    author: 'second',
    title: 'Planering med Arbetsförmedlingen',
    body: (c) =>
      `Trepartssamtal med ${c.name} och handläggare på Arbetsförmedlingen. Överenskommet: ${c.pick(['deltagande i Rusta och matcha', 'arbetsträning via kommunens arbetsmarknadsenhet', 'yrkesinriktad utbildning inom lager', 'intensivt jobbsökande med stöd av coach'])}. Uppföljning om fyra veckor, ${c.later}.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Kontakt med hyresvärd',
    orally: () => 'Förvaltare hos Vägbyhem AB, per telefon',
    body: (c) => `Hyresvärden meddelar att hyran (${kr(c.rent)} kr) för innevarande månad är obetald. Med ${c.name}s samtycke betalas hyran direkt till hyresvärden från och med nästa utbetalning.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Läkarintyg inkommet',
    body: (c) =>
      `Läkarintyg från Vägby vårdcentral inkommet, giltigt till och med ${c.later}. ${c.name} bedöms under perioden inte kunna stå till arbetsmarknadens förfogande. Kontakt tas med Försäkringskassan om sjukpenning.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Uppföljning av genomförandeplan',
    body: (c) =>
      `Uppföljning av genomförandeplanen. ${c.name} har sökt ${c.pick(['fyra', 'sex', 'tio', 'tolv'])} arbeten sedan förra uppföljningen och deltar i överenskomna aktiviteter. ${c.name} upplever att ${c.pick(['aktiviteten ger struktur i vardagen', 'stödet från coachen hjälper', 'det är svårt att få svar från arbetsgivare', 'språkstudierna går framåt'])}.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Genomförandeplan upprättad',
    body: (c) =>
      `Genomförandeplan upprättad tillsammans med ${c.name}. Mål med egna ord: "${c.pick(['Jag vill kunna försörja mig själv', 'Jag vill jobba med barn', 'Jag vill bli frisk och börja jobba igen', 'Jag vill klara körkortet'])}". Delmål och ansvar för varje steg antecknade. Samtycke till informationsutbyte med Arbetsförmedlingen inhämtat. Planen följs upp ${c.later}.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Samtal med Försäkringskassan',
    orally: () => 'Handläggare vid Försäkringskassan, per telefon',
    body: () =>
      `Försäkringskassan bekräftar att ansökan om bostadsbidrag är under handläggning och att beslut väntas inom fyra veckor. Återsökning av retroaktivt belopp anmäld enligt SFB 107 kap. 5 §.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Hembesök',
    body: (c) => `Hembesök hos ${c.name} tillsammans med kollega. Bostaden är ordnad. Samtal om ${c.pick(['boendesituationen', 'ekonomin och räkningar', 'vardagen och planeringen framåt'])}.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Samråd med skolan',
    onlyWithChildren: true,
    orally: () => 'Mentor på Vägbyskolan, per telefon',
    body: (c) =>
      `Efter samtycke från ${c.name} har samråd skett med skolan om barnets situation. Mentorn berättar att barnet trivs och att närvaron är god. Skolan informeras om möjligheten till bistånd för fritidsaktivitet.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Samtal med barn',
    onlyWithChildren: true,
    body: () =>
      `Enskilt samtal med barnet om hur hen upplever familjens situation. Barnet berättar om skolan och fritiden och önskar kunna fortsätta med sin fotbollsträning. Barnets synpunkter har vägts in i bedömningen av bistånd till fritidsaktivitet.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Kontroll av uppgifter',
    body: () => `Uppgifter från Försäkringskassan, Arbetsförmedlingen, CSN och Skatteverket hämtade inför beslut. Uppgifterna stämmer med ansökan.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Begäran om komplettering',
    body: (c) => `${c.name} ombeds komma in med kontoutdrag och lönespecifikation senast ${c.later}. Begäran skickad via Mina sidor.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Inkomna handlingar',
    body: () => `Kontoutdrag och hyresavi har kommit in via e-tjänsten. Inga oredovisade insättningar. Handlingarna har diarieförts.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Ärendedragning',
    body: (c) =>
      `Ärendet har dragits vid ärendedragning med förste socialsekreterare. Först gicks riktlinjerna om ${c.pick(['skälig boendekostnad', 'bistånd till tandvård', 'krav på planering vid sjukskrivning'])} igenom. Rådet antecknat; beslutet fattas av ansvarig handläggare.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Kostnadsförslag tandvård',
    body: (c) => `Kostnadsförslag från Folktandvården Vägby inkommet, ${c.pick(['1 950', '2 850', '4 650', '6 200'])} kr. Akut behandling bedöms nödvändig. Ansökan prövas som kompletterande ansökan.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Budget- och skuldrådgivning',
    body: (c) => `${c.name} har skulder hos Kronofogden. Hänvisad till kommunens budget- och skuldrådgivning; första tid bokad ${c.later}.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Uteblivet besök',
    body: (c) => `${c.name} uteblev från bokat besök. Nytt besök bokat ${c.later}; brev och sms skickade.`,
  },
  {
    phase: 'ongoing',
    author: 'second',
    title: 'Telefonsamtal från Arbetsförmedlingen',
    orally: () => 'Handläggare vid Arbetsförmedlingen, per telefon',
    body: (c) => `Arbetsförmedlingen meddelar att ${c.name} inte har deltagit i programmet de senaste två veckorna. Samtal bokas med ${c.name} för att höra orsaken innan något beslut fattas.`,
  },
  {
    phase: 'ongoing',
    author: 'second',
    title: 'Praktikplats via arbetsmarknadsenheten',
    body: (c) =>
      `${c.name} har fått praktikplats hos ${c.pick(['kommunens fastighetsavdelning', 'Vägby återbruk', 'ett äldreboende i Vägby', 'en livsmedelsbutik i centrum'])} fyra dagar i veckan från och med ${c.later}. Handledare utsedd.`,
  },
  {
    phase: 'ongoing',
    author: 'responsible',
    title: 'Ändrade förhållanden',
    body: (c) =>
      `${c.name} meddelar via Mina sidor att ${c.pronoun} ${c.pick(['börjar studera på Komvux', 'har fått ett nytt kontraktsnummer för bostaden', 'har bytt bank och nytt konto', 'har fått beslut om aktivitetsstöd'])}. Uppgifterna har registrerats.`,
  },
  // Avslut
  {
    phase: 'closing',
    author: 'responsible',
    title: 'Avslutande samtal',
    body: (c) => `Avslutande samtal med ${c.name}, som ${CLOSING_TEXT[c.closureReason ?? ''] ?? 'inte längre behöver bistånd'}. Uppföljning efter 6 och 12 månader har planerats.`,
  },
  // FUT
  {
    phase: 'fraud',
    author: 'fraud',
    title: 'Utredning av misstänkt felaktig utbetalning',
    body: () => `Uppgift om oredovisad inkomst har inkommit i samband med kontroll. Utredning inledd. Utredningen hålls åtskild från stödet i ärendet.`,
  },
];

export interface CorrectionTemplate {
  /** Whether the correction fits the original entry (by title, and whether it recorded oral information). */
  appliesTo: (title: string, orallyFrom: string | null) => boolean;
  body: (original: { title: string; eventDate: string }, c: JournalContext) => string;
}

const opening = (o: { title: string; eventDate: string }) => `Rättelse av anteckningen "${o.title}" (${o.eventDate}):`;

export const CORRECTION_BODIES: readonly CorrectionTemplate[] = [
  {
    appliesTo: () => true,
    body: (o) => `${opening(o)} anteckningen fördes in under fel datum; händelsen inträffade dagen före.`,
  },
  {
    appliesTo: () => true,
    body: (o, c) => `${opening(o)} anteckningen hänvisade till fel ärendehandling. Rätt handling är ${c.name}s ansökan som kom in närmast före ${o.eventDate}.`,
  },
  {
    appliesTo: (_t, orally) => orally !== null,
    body: (o, c) => `${opening(o)} uppgifterna lämnades av ${c.name} vid besök, inte per telefon.`,
  },
  {
    appliesTo: (t) => t === 'Kontakt med hyresvärd' || t === 'Nybesök' || t === 'Kommunicering inför beslut',
    body: (o, c) => `${opening(o)} hyran är ${kr(c.rent)} kr per månad enligt hyresavin, inte det belopp som först angavs.`,
  },
  {
    appliesTo: (t) => t === 'Uppföljning av genomförandeplan',
    body: (o, c) => `${opening(o)} ${c.name} har sökt två arbeten färre än vad som angavs.`,
  },
  {
    appliesTo: (t) => t.includes('Arbetsförmedlingen'),
    body: (o) => `${opening(o)} kontaktpersonen hos Arbetsförmedlingen var felaktigt angiven.`,
  },
];
