import { eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../context.ts';
import { actionMeasures, actionPlans, localStrategyVersions, measureReports, strategies, strategyVersions } from '../db/schema/index.ts';
import { osloLocalToUtc } from '../modules/documents/index.ts';
import {
  addMeasure,
  createActionPlan,
  createStrategy,
  getStrategy,
  getVersion,
  publishVersion,
  reportTertial,
  saveLocalVersion,
  saveVersion,
  updateStrategy,
} from '../modules/strategy/index.ts';
import {
  VersionSaveSchema,
  type LocalVersionSaveInput,
  type MeasureInput,
  type StrategyContentInput,
  type TertialReportInput,
} from '../../shared/strategy/schema.ts';

/**
 * Strategy demo data: the shared digitalization strategies of the three regional networks, taken from the seed
 * documents (extracted from PDFs, so broken words and layout are repaired here into clean bokmål, without content
 * the documents do not have). Where a document has no such section, it stays empty.
 *
 * - DigiVesterålen: the draft *Digital strategi for Vesterålen 2022–2025* in seed 000 (AU 25 March 2022).
 * - Lofoten IKT: the *Digitaliseringsstrategi* of seed 003, «felles overordnede mål for perioden 2019–2022».
 * - Digitale Helgeland: the *Digitaliseringsstrategi* of seed 004.
 */

export interface DemoStrategy {
  networkSlug: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  content: StrategyContentInput;
}

// ---------- DigiVesterålen (seed 000) ----------

/**
 * Vision, main goal and the strategy sentence as the presentation to AU gives them. The draft's one-page figure
 * adds a longer vision sentence, a «Hvorfor» paragraph and the framing paragraph before the principles; they go
 * into the statement. The figure's «Hvorfor» says «NN kommune»: the shared text is a template each municipality
 * adapts («Den enkelte kommune tilpasser sin versjon»), so the shared version says «kommunen» and a municipality's
 * own version may name itself (see Hadsel's local text below).
 *
 * The focus areas are the six «Innsatsområder» of the presentation (seed 001: the pre-project's focus areas
 * «blir tatt inn i arbeidet med digitaliseringsstrategi»). Their texts are the draft figure's blocks, each under
 * the focus area it belongs to: «Nasjonale felles løsninger og samarbeid», «Automatiserte tjenester»,
 * «Åpningstider 24/7» and the channels under national solutions and digital services; «Virksomhetsutvikling og
 * endringskompetanse» and «Medarbeiderdrevet innovasjon» under competence; the line on yearly action plans and
 * tertial reporting under strategy and direction. «Felles verktøy og systemer» and «IKT – infrastruktur,
 * sikkerhet og drift» have no text in the seeds and stay without one.
 */
export const VESTERALEN_CONTENT: StrategyContentInput = {
  vision: 'Enklere hverdag for innbyggerne og næringsliv i Vesterålen',
  mainGoal: 'Sammen om gode, likeverdige og bærekraftige tjenester i Vesterålen',
  statement: [
    'Vi skal ha en felles og uttalt retning som vi skal gjøre kjent for innbyggere, næringsliv og ansatte i kommunene.',
    'Vesterålen skal tilby gode, framtidsrettede digitale løsninger for å gi en enklere, tryggere og bedre hverdag for kommunens innbyggere og virksomheter.',
    'Innbyggere og næringsliv har store forventninger til leveranse av sammenhengende digitale tjenester, økt tilgjengelighet, åpenhet, bedre kundeopplevelse og kortere saksbehandlingstid. Kommunen må effektivisere for å møte disse forventningene. Demografisk utvikling med høyere levealder, færre yrkesaktive og dermed økte ressursbehov på enkelte fagområder setter også krav om effektivisering av kommunen. Kommunen må derfor endre måten vi tenker og jobber på, der digitalisering og gevinstrealisering blir nøkkelfaktorer for å levere kvalitet i tjenestene.',
    'For å kunne realisere visjonen skal kommunen involvere sine innbyggere og brukere i forbedring og endring av dagens tjenestetilbud, øke den digitale kompetansen hos sine ledere og ansatte og utvikle organisasjonen slik at den støtter digitale tjenester og tjenesteutvikling.',
    '«Digitalisering handler om å bruke teknologi til å fornye, forenkle og forbedre. Det handler om å tilby nye og bedre tjenester, som er enkle å bruke, effektive og pålitelige.» «Digital transformasjon betyr å endre de grunnleggende måtene virksomhetene løser oppgavene på ved hjelp av teknologi.»',
  ].join('\n\n'),
  principles: [
    { key: 'enkel-selvbetjening', title: 'Enkel selvbetjening og samhandling' },
    { key: 'proaktive-tjenester', title: 'Proaktive tjenester som treffer innbyggeren der hen er' },
    {
      key: 'fornying-og-transformasjon',
      title: 'Fortsatt fokus på forenkling og forbedring, og økende innsats for fornying og transformasjon',
    },
    { key: 'samskaping', title: 'Tilrettelegge for samskaping og involvering av innbyggere og brukere' },
    { key: 'effektivisering', title: 'Effektivisere dagens tjenesteproduksjon og automatisere der det er hensiktsmessig' },
    { key: 'trygge-tjenester', title: 'Trygge tjenester hvor personvern er grunnleggende og informasjonssikkerheten ivaretas' },
    { key: 'styring-og-gevinster', title: 'Styrke styringen for å øke gjennomføringskraften og gevinstrealiseringen' },
    {
      key: 'samordning',
      title:
        'Samordning med sikte på flere felles systemer og økt samarbeid på tvers av kommunene i og utenfor regionen – ta i bruk nasjonale løsninger som er sammenhengende for brukeren',
    },
  ],
  focusAreas: [
    {
      key: 'strategi-og-retning',
      title: 'Strategi og retning',
      text: 'Oversikt over alle prosjekter i årlige handlingsplaner, i tråd med økonomiplanen, og rapportering i tertial og årsberetninger.',
    },
    {
      key: 'nasjonale-losninger',
      title: 'Felles nasjonale løsninger og digitale tjenester, standardisering',
      text: [
        'Prioritere å ta i bruk de nasjonale løsningene som er ferdig utviklet. Etablere samarbeid med andre kommuner om innføring for å øke hastigheten på digitaliseringen. Lage gjennomføringsmodeller. Måle effekt og gevinster.',
        'KS er tungt inne sammen med digitaliseringsnettverkene. E-helse er spesielt i fokus.',
        'Automatiserte tjenester: Det er behov for å innføre teknologi som muliggjør nye proaktive tjenester, og som bidrar til automatiserte prosesser og økt produktivitet, for eksempel robotteknologi, kunstig intelligens, digitale plattformer, mobile løsninger og sensorteknologi. Det er et mål å gjenbruke data og løsninger der det er hensiktsmessig.',
        'Åpningstider 24/7: Kommunale tjenester skal også være tilgjengelige for de som ikke behersker eller kan benytte de digitale løsningene.',
        'Kommunikasjon mot innbyggere og næringsliv: innbyggermøter, nettsted, sosiale medier, mobil og apper, drop-in, brukerstøtte i førstelinjen (chat og telefon), digitale brev (flere automatiserte) og publikasjoner.',
      ].join('\n\n'),
    },
    { key: 'felles-verktoy-og-systemer', title: 'Felles verktøy og systemer' },
    {
      key: 'felles-anskaffelser',
      title: 'Felles behovsdrevne anskaffelser',
      // From the presentation's «Hvorfor samarbeid?», the only place seed 000 speaks of procurement.
      text: 'Kartlegge og utnytte stordriftsfordelene, for eksempel innenfor innkjøp, nye løsninger og sikker drift.',
    },
    {
      key: 'kompetanse-og-ledelse',
      title: 'Kompetanseutvikling og deling, lederutvikling',
      text: [
        'Virksomhetsutvikling og endringskompetanse: Digitalisering handler om utvikling av kommunen som virksomhet, organisasjonsutvikling og endring i hvordan vi tenker og jobber. Det er derfor behov for å øke lederes kompetanse om digitalisering og gevinstrealisering, for at de skal kunne ivareta rollen som pådrivere for endringsarbeid i kommunen som helhet og for eget ansvarsområde.',
        'Medarbeiderdrevet innovasjon og digitalt fokus: Det skal utvikles en kultur for nytenkning og innovasjon som sikrer at ansatte får utnyttet sin fagkompetanse gjennom å delta aktivt i utviklings- og innføringsarbeid av nye løsninger.',
      ].join('\n\n'),
    },
    { key: 'ikt-infrastruktur', title: 'IKT – infrastruktur, sikkerhet og drift' },
  ],
  benefitAreas: {
    better: [
      'bruker- og innbyggeropplevelser',
      'opplæring og rådgivning som ansatte har nytte av i sin (arbeids)hverdag',
      'styring, gjennomføring og gevinstuttak i digitaliseringsarbeidet',
      'forståelse for brukerbehov og nye arbeidsformer, og mer sammenhengende tjenester',
    ],
    more: [
      'bruk av selvbetjente digitale løsninger',
      'tid for kundebehandlere/saksbehandlere til å ta seg av kompliserte saker',
      'tilfredse brukere',
      'tilpassede tjenester til brukernes behov',
      'samarbeid og samhandling på tvers i organisasjonen og mot andre',
    ],
    shorter: [
      'saksbehandlingstid',
      'svartid før brukere/kunder får svar når de tar kontakt med brukerstøtte',
      'tid før brukere/kunder får svar på klager',
    ],
    reduce: [
      'hindringer for brukerne, f.eks. komplisert regelverk, unødvendige skjemaer og antall ganger brukerne skal oppgi samme informasjon',
      'kostnader ved å betjene brukerne',
      'antall henvendelser i kostbare kanaler – brev, e-post og telefon',
    ],
  },
};

// ---------- Lofoten IKT (seed 003) ----------

/**
 * The document names no vision. Its «Mål» (five «Vi ønsker …» points) is the main goal; the introduction, «Hvorfor
 * digitalisere» and the «Hvordan – kommunene må» list are the statement. The principles are its «how» sections
 * (standard portfolio and national components, cloud, automation, benefits realization, privacy); the focus areas
 * its «what» sections and the governance chapter («Ansvar og styring»). Figure 1's channels («Alle kanaler for
 * kundekontakt er digitalisert og samordnet») go with the section on citizens using the digital services.
 */
export const LOFOTEN_CONTENT: StrategyContentInput = {
  vision: null,
  mainGoal:
    'Vi ønsker å sette innbyggeren i sentrum, å bruke digitalisering som drivkraft for innovasjon og forbedring, å styrke digital kompetanse og deltakelse, å bidra til effektivisering av våre tjenester og å styrke informasjonssikkerhet, personvern og dokumentasjonsforvaltning.',
  statement: [
    'I Lofoten har kommunene Værøy, Moskenes, Flakstad og Vågan hatt et felles IKT-samarbeid siden 2002, med en felles IKT-driftssentral, felles interkommunal IKT-infrastruktur og felles IKT-ledelse siden 2006. Dette samarbeidet har nå tatt navnet Lofoten IKT. Med utgangspunkt i dette samarbeidet skal vi etablere en felles digitaliseringsstrategi for våre kommuner. Vi legger denne strategien nær KS’ egen digitaliseringsstrategi.',
    'Digitaliseringsstrategien inneholder felles overordnede mål for perioden 2019–2022, men angir også retningen for en utvikling som skal prege kommunene langt utover dette. Strategien skal sikre at satsinger innenfor dette området er i tråd med overordnede planer og målsetninger i de fire kommunene, og at disse har et tilstrekkelig fremtidsperspektiv. Den skal videre sikre at innbyggernes, politikernes, næringslivets og de ansattes forventninger til gode digitale tjenester innfris. Strategien skal være med på å sikre at Lofoten oppfattes som en fremtidsrettet og utviklingsvennlig region, og den gir føringer for alle kommunenes programområder og tjenester.',
    'Vi digitaliserer for å løse dagens og fremtidens utfordringer. Innbyggere og næringsliv har høye forventninger knyttet til digitale tjenester, fra enkle selvbetjeningsløsninger til mer omfattende og kritiske løsninger innen helse og omsorg, som trygghets- og mestringsteknologi. Digital kommunikasjon er i ferd med å bli den primære kanalen for dialog mellom innbyggere og kommuner, mellom næringsliv og kommuner, og mellom kommuner og andre offentlige instanser. Fram mot 2040 vil befolkningsutviklingen i Lofoten skape et misforhold mellom andelen arbeidsføre og andelen av befolkningen som er 67 år og eldre, og kravene til fornying og ressurseffektivitet vil øke. Der blir digitalisering et viktig virkemiddel.',
    'Våre kommuner har gitt sin tilslutning til at vi skal delta i den nasjonale finansieringsordningen DigiFin for digitaliseringsprosjekter, og ønsker å benytte digitale felleskomponenter som utvikles av KS, Difi, Direktoratet for e-helse, Altinn med flere.',
    'Kommunene må kartlegge potensialet for digitalisering av tjenester og arbeidsprosesser, utarbeide planer for hvordan egnede tjenester kan gjøres tilgjengelig digitalt, utvikle strategier for utvikling og endring av tjenestene og etablere en kommunikasjonsstrategi mot brukerne.',
  ].join('\n\n'),
  principles: [
    {
      key: 'standardiserte-losninger',
      title: 'Løsninger tilpasset kommunenes behov',
      text: 'Kommunenes behov skal være førende for anskaffelser, og vi skal velge standardiserte løsninger der disse løser våre behov og innfrir våre forventninger. Vi skal etablere en felles standardisert portefølje av fagsystemer for regionen, som også omfatter bruken av systemene og samarbeid om systemforvaltning. Bruk av nasjonale felleskomponenter kan gi mer effektive tjenester på tvers av forvaltningen; de bidrar til å øke kvaliteten og samtidig redusere kostnadene ved etablering og drift av gode digitale tjenester. Ved å ta dem i bruk skal vi gi de som benytter seg av våre tjenester en enklere hverdag, blant annet ved at de får én felles innloggingsløsning til offentlige digitale tjenester. Der det ikke allerede er utviklet løsninger som møter kommunens behov, skal vi vurdere innovative anskaffelser: anskaffelsesprosesser som innebærer utvikling av helt nye løsninger i samarbeid mellom kommunene og leverandørmarkedet. Realisering av gevinster i slike tilfeller forutsetter en grundig behovsvurdering, brukerinvolvering, god dialog med leverandørmarkedet og hensiktsmessige kontraktsvilkår.',
    },
    {
      key: 'sky-eller-lokal-drift',
      title: 'Skybaserte tjenester eller lokale driftsløsninger etter behov',
      text: 'Skybaserte tjenester har i løpet av de siste årene blitt et reelt alternativ når vi skal velge programvare. Skytjenester er fleksible, og i mange tilfeller minst like sikre som tradisjonelle IKT-tjenester. De kan gi tilgang til nye tjenester raskere, og de legger til rette for deling og for at informasjonen er tilgjengelig på flere plattformer. Der lokalt driftede løsninger er mest kostnadseffektive eller tryggest, velges disse. Ingen løsninger skal anskaffes eller etableres uten at vi vet at kravene til informasjonssikkerhet er oppfylt.',
    },
    {
      key: 'automatisering',
      title: 'Prosesser kan automatiseres',
      text: 'De fleste arbeidsprosesser som utføres i kommunene, er ledd i tjenestetilbudet til innbyggere, organisasjoner eller næringsliv. I tillegg foregår det en rekke interne arbeidsprosesser knyttet til organisasjonsstøtte og oppfølging av ansatte. Prosessene skal i så stor grad som mulig automatiseres. Tjenesteområder som samhandler, skal automatisk kunne utveksle informasjon digitalt der taushetsplikt eller andre lovbestemte krav ikke er til hinder for det. Fagsystemer skal knyttes sammen, slik at informasjon ikke fragmenteres.',
    },
    {
      key: 'gevinstrealisering',
      title: 'Gevinstrealisering',
      text: 'Alle prosjekter og prosesser som igangsettes, skal baseres på en kost-/nyttevurdering og ha en plan for gevinstrealisering. Gevinster synliggjøres. I handlingsplanen til digitaliseringsstrategien vil det være en målsetning at investeringer skal gi reduserte driftskostnader på sikt, slik at de i størst mulig grad blir selvfinansierende.',
    },
    {
      key: 'personvern-og-informasjonssikkerhet',
      title: 'Sterkt fokus på personvern og informasjonssikkerhet',
      text: 'En viktig forutsetning for digitalisering er at personvernet ivaretas, slik at innbyggerne har tillit til de digitale tjenestene. Den enkelte innbygger skal i størst mulig grad ha råderett over egne personopplysninger. Digitalisering i offentlig sektor krever betydelig fokus på sikkerhet og robuste løsninger. Vi skal derfor ha et forsterket fokus på informasjonssikkerhet og personvern og drive kontinuerlig holdningsskapende arbeid. Vi skal sikre tilfredsstillende konfidensialitet, integritet og tilgjengelighet.',
    },
  ],
  focusAreas: [
    {
      key: 'involvering-og-mestring',
      title: 'Involvering og mestring',
      text: 'Vi ønsker at innbyggere er aktive deltakere i vår kommune, og at de opplever mestring i alle livsfaser. Våre kommuner skal bidra til at innbyggerne deltar digitalt uavhengig av alder, kjønn, bosted, utdanning og yrkesdeltakelse. Digitalisering og teknologiske løsninger skal legge til rette for at innbyggerne mestrer egen hverdag, også i perioder med sykdom og funksjonsnedsettelse. Innenfor helse- og velferdstjenestene skal teknologi brukes til tilrettelegging av fysiske forhold, til å ha kontroll med egen helse og til å opprettholde sosial kontakt med omgivelsene.\n\nI skolene ønsker vi at elevene skal utvikle digitale ferdigheter for å mestre samfunnsutviklingen, videre skolegang og overgangen til arbeidsliv og voksenliv. Alle elever bør ha digitale enheter i skolehverdagen fra 1. klasse. Foreldre og pårørende skal sees på som en ressurs for samhandling og involvering.',
    },
    {
      key: 'innbyggerne-bruker-digitale-losninger',
      title: 'Våre innbyggere bruker kommunenes digitale løsninger',
      text: 'Dagens og fremtidens generasjoner, både innbyggere, ansatte og politikere, forventer at informasjon er tilgjengelig digitalt når de trenger den. Informasjon om kommunene og deres tjenestetilbud skal være lett tilgjengelig for alle som trenger den. Digitale offentlige tjenester skal være i tråd med brukernes ønsker og behov, enkle å bruke og mer tilgjengelige enn papirskjemaer eller personlig fremmøte. Det skal etableres digitale møteplasser som er universelt utformet, for å engasjere og inkludere innbyggerne i utviklingen av regionen og den enkelte kommune.\n\nAlle kanaler for kundekontakt er digitalisert og samordnet: nettsted, sosiale medier, mobil og apper, kundebesøk, brevpost, publikasjoner, kundemøter og brukerstøtte i førstelinjen (telefon, e-post og chat).',
    },
    {
      key: 'dialog-og-medvirkning',
      title: 'Dialog og medvirkning fra innbyggere, brukere og næringsliv',
      text: 'Et godt lokalsamfunn skapes gjennom samhandling mellom innbyggere, kommunen, næringsliv og frivillige. Vi ønsker åpenhet rundt styring og forvaltning av fellesskapets verdier. Vi skal sikre medvirkning i beslutningsprosesser ved å informere om viktige prosesser og invitere innbyggerne til å engasjere seg og komme med innspill.',
    },
    {
      key: 'digitalisere-tjenester',
      title: 'Digitalisere tjenester',
      text: 'Vi digitaliserer der det gir økt kvalitet, raskere saksbehandling, økt tilgjengelighet og økt innsyn i informasjon og prosesser. Digitale løsninger skal gi en reell merverdi for innbyggerne, administrasjonen og kommunen for øvrig.',
    },
    {
      key: 'smarte-lokalsamfunn',
      title: 'Framtidens lokalsamfunn – smart kommune, by og bygd',
      text: 'Vi skal ha lokalsamfunn som har gode levekår og som er attraktive for tilflyttere og næringsliv. Digitalisering kan bidra til smartere byer og bygder, mer effektiv ressursutnyttelse og miljøvennlige løsninger, med en robust infrastruktur og bredbåndstilkobling i bunn. Et smart lokalsamfunn ivaretar både mennesker og bedrifter, tilbyr tjenester av høy kvalitet på en rask og effektiv måte og gir større avkastning på offentlige investeringer.',
    },
    {
      key: 'ansvar-og-styring',
      title: 'Ansvar og styring',
      text: [
        'Vår digitaliseringsstrategi forankres i organisasjonen. Digitalisering innebærer et samspill mellom organisasjon, prosesser og teknologi, og er ikke det samme som etablering og bruk av IKT-systemer. IKT kan ikke lenger betraktes som en støttefunksjon, men er en del av kjernevirksomheten. Alle kommunenes virksomheter må derfor ta sin del av ansvaret for å følge opp strategien. Digitaliseringsstrategien skal være førende for aktiviteter i alle kommunenes virksomheter og implementeres i kommunenes styringsmodell. Digitalisering skal gjennomføres virksomhetsovergripende, med forankring i toppledelsen og med hele virksomhetens fokus og deltakelse.',
        'Vi etablerer en styringsmodell som sikrer at vi når våre målsetninger. Overordnede mål må operasjonaliseres og konkretiseres på hvert programområde og i hver enhet, og en tydelig definering av ansvar og myndighet for digitaliseringen er avgjørende for god styring. Strategien må forankres hos kommunalsjefer og enhetsledere, slik at de blir spydspisser i implementeringen. Leder i Lofoten IKT vil sammen med digitaliseringsrådgiver bistå kommunene i dette arbeidet. Kommunen skal gjennom sine planer sørge for at de politiske ambisjonene innen digitalisering nås. Det krever arbeid innenfor hvert fagområde, samordning på tvers av fagområder i egen kommune og et forpliktende samarbeid mellom kommunene der det er aktuelt. Fagmiljøer på tvers av kommunegrensene skal fortsatt samhandle for å utvikle kompetanse og løse oppgaver i fellesskap.',
        'Lofoten IKT har et styre bestående av rådmennene i samarbeidskommunene. Styret har også et overordnet ansvar for digitalisering i kommunene; med rådmannen i hver kommune har det oversikt over aktiviteter innenfor alle sektorer og anledning til å samordne og prioritere dem opp mot de overordnede målsetningene i denne strategien. Kommunalsjef stab i vertskommunen Vågan er sekretær, og leder i Lofoten IKT møter i styret.',
      ].join('\n\n'),
    },
  ],
  benefitAreas: {
    better: [
      'brukeropplevelse for ansatte og tjenestemottakere',
      'opplæring og rådgivning som brukerne har nytte av i sin (arbeids)hverdag',
      'forståelse for brukerbehov og nye arbeidsformer',
      'og mer sammenhengende tjenester',
    ],
    more: [
      'bruk av selvbetjente digitale løsninger',
      'tid for kundebehandlere/saksbehandlere til å ta seg av kompliserte saker',
      'tilfredse brukere',
      'tilpassede tjenester til brukernes behov',
      'samarbeid på tvers i organisasjonen',
    ],
    shorter: [
      'saksbehandlingstid',
      'svartid før brukere/kunder får svar når de tar kontakt med brukerstøtte',
      'tid før brukere/kunder får svar på klager',
    ],
    reduce: [
      'hindringer for brukere, f.eks. komplisert regelverk, unødvendige skjemaer og antall ganger brukerne skal oppgi samme informasjon',
      'kostnader ved å betjene brukere',
      'antall henvendelser i kostbare kanaler',
    ],
  },
};

// ---------- Digitale Helgeland (seed 004) ----------

/**
 * Vision, the five goals (main goal) and «Dette oppnår vi ved» with the purpose of the strategy and the success
 * criteria (statement), the ten principles, and the seven focus areas of «Innsatsområder»: the first, «Digitale
 * tjenester og felles nasjonale løsninger», has three sub-sections of which the Altinn and RPA ones are focus areas
 * of their own here (as the issue lists them), and KS's solutions (DigiFin, MinSide) stay in the first. The
 * document has no benefit areas.
 */
export const HELGELAND_CONTENT: StrategyContentInput = {
  vision: 'Digitale Helgeland – sammen for utvikling og bedre tjenester',
  mainGoal: [
    'Innbyggere og næringsliv skal ha tilgang til gode, sammenhengende digitale tjenester.',
    'Ansatte i Helgelandskommunene har god digital kompetanse.',
    'Helgeland er et attraktivt sted å bo og jobbe.',
    'Effektive og papirløse prosesser.',
    'Helgeland tar i bruk de muligheter som finnes i teknologi, kapasitet og kompetanse.',
  ].join('\n'),
  statement: [
    'Dette oppnår vi ved å samarbeide der vi kan, dra nytte av hverandres styrker og respektere forskjeller mellom kommunene; å samskape med innbyggere, næringsliv og frivilligheten; tydelig og god forankring av mål og handlingsplaner; å styrke den digitale kompetansen; å motivere og legge til rette for kompetanseutvikling; å dele på kompetanse og ressurser; og å ta i bruk nasjonale fellesløsninger.',
    'Digitaliseringsstrategien for Digitale Helgeland beskriver retningen på utviklingen og innsatsområdene for digitaliseringssamarbeidet. Den kan brukes som utgangspunkt for kommunenes egne digitaliseringsstrategier, slik at arbeidet i den enkelte kommune er i tråd med intensjonene i samarbeidet.',
    'Suksesskriterier: Vi samarbeider der vi kan, drar nytte av hverandres styrker og respekterer forskjeller mellom kommunene. Samarbeidet skal ha verdi for deltakende kommuner. Kommunene må prioritere å bruke tid og ressurser på samarbeidet. Prosjekter som settes i gang, må ha tilstrekkelig finansiering. Digitaliseringsstrategien forankres i hele organisasjonen. Det er nødvendig å styrke den digitale kompetansen blant innbyggere og ansatte. Ledere må motivere og legge til rette for kompetanseutvikling. Kommunene deler på kompetanse og ressurser.',
  ].join('\n\n'),
  principles: [
    { key: 'brukeren-i-sentrum', title: 'Utvikle tjenester der brukeren er i sentrum' },
    { key: 'samskaping', title: 'Samskaping med innbygger, næringsliv og frivilligheten' },
    { key: 'sammenhengende-tjenester', title: 'Utvikle sammenhengende tjenester' },
    { key: 'tjenestedesign', title: 'Fokus på brukerbehov og tjenestedesign' },
    { key: 'gevinster', title: 'Fokus på å hente ut gevinster' },
    { key: 'standardisering-og-gjenbruk', title: 'Standardisering og gjenbruk' },
    { key: 'innebygd-personvern', title: 'Innebygd personvern og informasjonssikkerhet' },
    { key: 'nasjonale-felleslosninger', title: 'Ta i bruk nasjonale felles løsninger fremfor å utvikle egne løsninger' },
    { key: 'dele-data', title: 'Dele data' },
    { key: 'fleksibilitet-og-skalerbarhet', title: 'Fleksibilitet og skalerbarhet' },
  ],
  focusAreas: [
    {
      key: 'nasjonale-felleslosninger',
      title: 'Digitale tjenester og felles nasjonale løsninger',
      text: [
        'Vi har som mål at innbyggere og næringsliv skal ha tilgang til gode, sammenhengende digitale tjenester utviklet med brukeren i sentrum, og at vi skal ha effektive og papirløse prosesser.',
        'Vi vil legge til rette for og hjelpe alle kommunene med å innføre de nasjonale fellesløsningene som tilbys av KS, Digitaliseringsdirektoratet og Brønnøysundregistrene. Vi vil også jobbe for å få utviklet gode, intelligente digitale tjenester som automatiserer prosesser og bruker data vi allerede har lagret, slik at brukeren slipper å gi oss den samme informasjonen flere ganger til ulike tjenester. Vi vil digitalisere alle søknader og prosesser som i dag foregår på papir, også når volumet er så lite at det ikke gir direkte kostnadsbesparelser: gevinsten for brukeren i form av raskere svar må da veie tyngre enn gevinsten av investeringen.',
        'Digital kompetanse er en forutsetning for å lykkes med digitalisering. Vi skal bidra til at innbyggerne får økt sin grunnleggende digitale kompetanse, ved å lage brukervennlige tjenester, dele kunnskap og gi god veiledning. Ved innføring og utvikling av nye digitale tjenester skal vi vektlegge brukermedvirkning og tjenestedesign, slik at tjenestene blir tilpasset brukernes behov.',
        'Alle kommunene har de samme lovpålagte tjenestene overfor innbyggere og næringsliv, og vi vil arbeide for digitale tjenester som er like for alle kommunene. Gjennom erfaringsdeling og samordning ved innføring av nye digitale tjenester vil vi redusere tid og kostnader på forarbeid og gevinstrealisering, implementering, opplæring, dokumentasjon og prosjektgjennomføring i den enkelte kommune.',
        'Nasjonale felles løsninger fra KS: KS har etablert finansieringsordningen DigiFin, slik at kommunesektoren i fellesskap kan utvikle digitale fellesløsninger med høyere verdi for brukeren og lavere utviklings- og forvaltningskostnader. DigiFin har satt i gang flere nasjonale prosjekter, blant annet DigiSos, DigiHelse og DigiBarnevern. Digitale Helgeland vil jobbe for at kommunene på Helgeland tar i bruk de nasjonale fellesløsningene fra KS, og bidra med innspill til nye prosjektforslag. MinSide er en selvbetjeningsløsning fra KS, tilgjengelig hele døgnet, hele året, der innbyggeren får samlet informasjon om sin dialog med kommunen – digital post til og fra kommunen, eiendomsinformasjon og byggesaker – også fra andre kommuner innbyggeren har et forhold til, for eksempel der hen har hytte. Digitale Helgeland vil utarbeide handlingsplaner som beskriver hvilke fellesløsninger fra KS vi skal prioritere, sett i sammenheng med alle de andre digitaliseringsprosjektene.',
      ].join('\n\n'),
    },
    {
      key: 'altinn-studio',
      title: 'Sammenhengende tjenester på Altinn-plattformen',
      text: 'Vi ønsker å erstatte alle elektroniske skjemaer og papirskjemaer med gode, intelligente og brukervennlige digitale tjenester som er felles for alle kommunene i Digitale Helgeland. Vi vil utvikle sammenhengende tjenester i Altinn Studio, Altinns nasjonale verktøy for å utvikle nye digitale tjenester raskt og billig. Altinn legger også til rette for enkel deling av data på tvers av etater. Ved å bruke Altinn og produktene Altinn tilbyr, kan vi unngå kostbare investeringer i egen infrastruktur; gjenbruk av nasjonale felleskomponenter er kostnadseffektivt, og informasjonssikkerhet og personvern blir godt ivaretatt. Tjenester som utvikles for Digitale Helgeland, kan kjøre i sin helhet på Altinn-plattformen, med et kvalitetssikret, universelt utformet og brukervennlig design som er felles for alle tjenestene, men de kan også integreres på kommunenes egne nettsider gjennom Altinns API-er.',
    },
    {
      key: 'rpa',
      title: 'Automatisering ved hjelp av RPA',
      text: 'Digitale Helgeland vil ta i bruk RPA (Robotic Process Automation) for å automatisere repetitive manuelle prosesser der vi ser at det gir store effektiviseringsgevinster. RPA er en enkel programvarerobot som tolker og arbeider i et brukergrensesnitt for å utføre handlinger om og om igjen, basert på bestemte regler. En digital medarbeider gjør samme jobb som et menneske, men raskere, uten pauser og med færre feil. Mye verdifull tid går bort til manuelle operasjoner, som å kopiere data fra ett fagprogram til et annet eller sjekke at innholdet i ett felt stemmer med innholdet i et annet; særlig innen fakturering, sak og arkiv og innsynsbehandling finnes prosesser som kan automatiseres. Automatisering gir ansatte som bruker mye tid på rutineoppgaver, rom til å utvikle seg og fordype seg i sitt fagfelt, og mange blir mer motivert av oppgaver der de får brukt sin kreativitet og kompetanse.',
    },
    {
      key: 'felles-fagprogram',
      title: 'Felles fagprogram',
      text: [
        'Alle kommuner skal levere de samme lovpålagte tjenestene, men prosesser og rutiner kan være ulike. Kartleggingen viser at hver kommune på Helgeland har mellom 90 og 150 ulike fagprogram, og at de 16 kommunene har 6 ulike sak/arkiv-systemer og 8 ulike elektroniske pasientjournalsystemer. Hvert fagprogram krever utgifter til lisenser, drift, oppgradering og vedlikehold, og ressurser til systemansvarlige og superbrukere. Kommuner som bruker samme fagprogram, har dessuten ofte bygd det opp ulikt; i HALD-kommunene (Alstahaug, Dønna, Leirfjord og Herøy) har man derimot lik kontostruktur i økonomisystemet og gode erfaringer med at Alstahaug er systemansvarlig for det felles systemet.',
        'Når kommunene skal skifte systemer, bør flest mulig kommuner delta i utskiftingen, slik at vi får ned kostnadene og kan hjelpe hverandre med innføring og bruk. Vi vil jobbe for at kommunene velger de samme fagprogrammene og lager felles prosesser rundt tjenestene der det er mest hensiktsmessig. Særlig de mindre kommunene er sårbare, ofte med bare én person med god kompetanse på et fagprogram. Med de samme fagprogrammene kan vi dele kompetanse, opplæring, ideutvikling, rutinebeskrivelser og dokumentasjon, ha felles systemansvarlige der det gir gode gevinster, og med felles driftsløsning redusere driftsutgiftene.',
      ].join('\n\n'),
    },
    {
      key: 'felles-anskaffelser',
      title: 'Felles innkjøp og offentlige anskaffelser',
      text: [
        'Regjeringens digitaliseringsstrategi «Én digital offentlig sektor» er tydelig på at målet er å øke innovasjonseffekten av offentlige anskaffelser: å bruke anskaffelser til å effektivisere og fornye offentlig sektor, samtidig som næringslivet innoverer og skaper nye arbeidsplasser. Vi ønsker å øke kompetansen på offentlige anskaffelser, og i prosesser og prosjekter som Digitale Helgeland har ansvar for, vil vi sikre at anskaffelser skjer på en effektiv og forsvarlig måte. Digitale Helgeland skal utarbeide en egen anskaffelsesstrategi med langsiktige mål for anskaffelsene i samarbeidets regi; andre innkjøp og anskaffelser har kommunene selv ansvaret for.',
        'Vi vil jobbe for at kommunene går sammen om anskaffelser av teknologi og digitale løsninger, slik at vi ikke anskaffer flere ulike systemer til samme formål, sparer penger og ressurser og står sterkere overfor leverandørene. Flere kommuner har gode erfaringer med felles anskaffelse av elektroniske medisindispensere, løsninger for nettsider og digitale trygghetsalarmer, og Herøy, Alstahaug, Leirfjord, Dønna, Grane, Hattfjelldal og Vefsn samarbeider om anskaffelse av eByggesak.',
      ].join('\n\n'),
    },
    {
      key: 'felles-skyplattform',
      title: 'Felles skyplattform',
      text: [
        'Skytjenester er kostnadseffektive og fleksible, og i mange tilfeller minst like sikre som tradisjonelle IT-tjenester. De gir tilgang til nye tjenester raskere, uten store og omfattende oppgraderingsløp, og legger til rette for at informasjonen er tilgjengelig på flere plattformer. Mange tjenester er billigere å kjøre i skyen, mens det for andre fremdeles vil være mest hensiktsmessig å bruke lokale datasentre. Digitaliseringsrundskrivet anbefaler skytjenester der tjenesten er den beste og mest kostnadseffektive løsningen.',
        'Det blir mer ressurskrevende og kostbart når fellesløsningene må tilpasses infrastrukturen i hver enkelt kommune. På sikt bør vi bygge opp en felles virksomhetsarkitektur for kommunene i Digitale Helgeland, basert på skyteknologi. En felles infrastruktur sparer penger, bygger et stort kompetansemiljø rundt fremtidsrettet teknologi som gjør kommunene attraktive for unge med teknologisk utdanning, og gjør oss mindre sårbare fordi kommunene kan hjelpe hverandre når kjernesystemene og infrastrukturen er bygd opp på samme måte. Kommunene vil fremdeles trenge ansatte som sitter nær brukerne.',
      ].join('\n\n'),
    },
    {
      key: 'kompetanse-og-ressursdeling',
      title: 'Kompetanse og ressursdeling',
      text: [
        'Digitale Helgeland har som mål at ansatte i Helgelandskommunene skal ha god digital kompetanse, og vil bidra til at Helgeland er et attraktivt sted å bo og jobbe. Vi vil legge til rette for tett samarbeid og kompetansedeling mellom alle kommunene, dra nytte av hverandres styrker og skape gode løsninger sammen med innbyggere, næringsliv og frivilligheten. Gjennom aktiv deltakelse i faggrupper, nettverk og prosjekter skal vi skape motivasjon og legge bedre til rette for kompetanseutvikling og nettverksbygging. Gode kompetansemiljøer skal også gjøre at ungdommen har lyst til å flytte hjem etter endt utdannelse.',
        'Spesialistkompetanse: Særlig de minste kommunene er sårbare når det gjelder å opprettholde god nok kompetanse på alle fagområder. Flere kommuner har behov for kompetanse innen personvern, jus, prosjektledelse og offentlige anskaffelser, og det er vanskelig å finne ressurser med høy kompetanse innen tjenestedesign, IKT-nettverk og brannmur. Kommunene skal kunne dele på spesialistkompetanse for å redusere sårbarheten, effektivisere, bidra til et mer attraktivt arbeidsmarked og øke fleksibiliteten – man kan bo i én kommune på Helgeland og jobbe i en annen.',
        'Ledelse: Innføring av teknologi og digitale løsninger medfører ofte endringer i struktur, kultur, verdier, kompetanse, arbeidsprosesser, samhandlingsmønstre og arbeidsmetoder. Politisk og administrativ toppledelse må ta aktivt eierskap til den digitale omstillingen; ansatte må involveres; ildsjeler og endringsagenter må få handlingsrom; digitalisering må henge sammen med en lærings- og innovasjonskultur; arbeidsprosesser, styringsmodeller og organisering må vurderes på nytt; det må legges til rette for kontinuerlig læring; og gevinster må planlegges tidlig og følges opp over tid (PwC). Disse anbefalingene legges til grunn i alle prosjekter og prosesser i regi av Digitale Helgeland.',
        'Digital kompetanse hos innbyggerne: For at vi skal ta ut gevinstpotensialet, må alle innbyggere klare å bruke de digitale tjenestene. Alle digitale tjenester som utvikles i Digitale Helgeland, skal være universelt utformet, og vi skal ha fokus på klart språk. Der teknologien er vanskelig å forstå, skal brukerne få god veiledning og menneskelig hjelp.',
      ].join('\n\n'),
    },
  ],
  // The document has no benefit areas; a save names every section, so they are sent empty.
  benefitAreas: { better: [], more: [], shorter: [], reduce: [] },
};

/**
 * The three strategies. Lofoten IKT's period is the document's own («felles overordnede mål for perioden
 * 2019–2022»; seed 002 likewise asks Vågan's council to adopt «digitaliseringsstrategien for 2019–2022»). Seed 004
 * states no period: it was written in 2020 (mapping in spring 2020, steering group on 23 October 2020) and builds on
 * the national strategy for 2019–2025, so the demo uses 2021–2025, its first full year to the national strategy's
 * end.
 */
export const DEMO_STRATEGIES: DemoStrategy[] = [
  {
    networkSlug: 'digivesteralen',
    title: 'Digital strategi for Vesterålen 2022–2025',
    periodStart: 2022,
    periodEnd: 2025,
    content: VESTERALEN_CONTENT,
  },
  {
    networkSlug: 'lofoten-ikt',
    title: 'Digitaliseringsstrategi for Lofoten IKT',
    periodStart: 2019,
    periodEnd: 2022,
    content: LOFOTEN_CONTENT,
  },
  {
    networkSlug: 'digitale-helgeland',
    title: 'Digitaliseringsstrategi for Digitale Helgeland',
    periodStart: 2021,
    periodEnd: 2025,
    content: HELGELAND_CONTENT,
  },
];

/** When each network's version 1 was published: the service stamps today, the demo its place in the story. */
const PUBLISHED_ON: Record<string, string> = {
  // Seed 000: the draft «presenteres i styringsgruppa 08. april» 2022, and «målet er politisk godkjenning før
  // sommeren 2022».
  digivesteralen: '2022-04-08',
  // Seed 002: Vågan's working group had its mandate extended to 15 October 2018 to deliver the ICT strategy, which
  // its council was then asked to adopt; the seeds give no publication date, so the demo uses that day.
  'lofoten-ikt': '2018-10-15',
  // Seed 004 mentions the steering group of 23 October 2020 as past; the seeds give no date, so a few weeks later.
  'digitale-helgeland': '2020-12-01',
};

interface DemoLocalVersion {
  municipalityNumber: string;
  input: LocalVersionSaveInput;
}

/**
 * DigiVesterålen's municipalities and version 1. Sample data, not records of real decisions: the dates fit
 * seed 000's aim of political approval before summer 2022 (one council after the summer), the case numbers only
 * look like municipal ones. Andøy has it under consideration; Bø has not started and so has no version saved,
 * which the adoption overview shows as not started. Hadsel's local text fills in the «NN kommune» of the shared
 * text's template; Sortland adds a local focus.
 *
 * None of the six has a written standard in the reference data (municipalities.csv has no such column, and all
 * six use bokmål), so every export of these versions is in bokmål; a municipality whose editors set nynorsk on its
 * page would get the nynorsk labels.
 */
const VESTERALEN_LOCAL_VERSIONS: DemoLocalVersion[] = [
  {
    municipalityNumber: '1870',
    input: {
      localTexts: {
        focusAreas:
          'Lokal satsing i Sortland: digital innbyggerdialog i servicetorget – chat og digitale skjemaer som første kontaktpunkt, og digitale brev til innbyggerne som hovedregel.',
      },
      decision: { status: 'adopted', bodyName: 'Kommunestyret', date: '2022-06-16', caseNumber: '22/1187' },
    },
  },
  {
    municipalityNumber: '1866',
    input: {
      localTexts: {
        statement:
          'Hadsel kommune må effektivisere for å møte innbyggernes og næringslivets forventninger. Hadsel kommune må derfor endre måten vi tenker og jobber på, der digitalisering og gevinstrealisering blir nøkkelfaktorer for å levere kvalitet i tjenestene.',
      },
      decision: { status: 'adopted', bodyName: 'Kommunestyret', date: '2022-06-22', caseNumber: 'PS 58/22' },
    },
  },
  {
    municipalityNumber: '1851',
    input: { localTexts: {}, decision: { status: 'adopted', bodyName: 'Kommunestyret', date: '2022-06-15', caseNumber: '22/654' } },
  },
  {
    municipalityNumber: '1868',
    input: { localTexts: {}, decision: { status: 'adopted', bodyName: 'Kommunestyret', date: '2022-09-29', caseNumber: '22/903' } },
  },
  {
    municipalityNumber: '1871',
    input: { localTexts: {}, decision: { status: 'underConsideration', bodyName: 'Kommunestyret', date: null, caseNumber: '22/1520' } },
  },
];

/**
 * Vågan's version of Lofoten IKT's strategy, as far as seed 002 goes: the chief executive recommends that the
 * council adopt «digitaliseringsstrategien for 2019–2022»; the decision itself, its date and case number are not in
 * the seeds, so it stays under consideration. Its local text is the working group's approach from the same case.
 * Seed 002 says Flakstad, Moskenes and Værøy should do a similar analysis and anchoring: they have not started.
 */
const LOFOTEN_LOCAL_VERSIONS: DemoLocalVersion[] = [
  {
    municipalityNumber: '1865',
    input: {
      localTexts: {
        statement:
          'Vågan kommunes arbeidsgruppe har kartlagt brukernes utfordringer og behov for IKT i alle programområdene og laget en tiltaksliste over aktuelle digitaliseringsprosjekter, de fleste rettet mot innbyggerne. Vår tilnærming er digitalt førstevalg: kan kommunen levere hele eller deler av en tjeneste på en digital plattform, skal vi søke gode løsninger for det. Tiltakene skal gi gevinster på kvalitet, effektivisering og tid og/eller økonomi.',
      },
      decision: { status: 'underConsideration', bodyName: 'Kommunestyret', date: null, caseNumber: null },
    },
  },
];

const LOCAL_VERSIONS: Record<string, DemoLocalVersion[]> = {
  digivesteralen: VESTERALEN_LOCAL_VERSIONS,
  'lofoten-ikt': LOFOTEN_LOCAL_VERSIONS,
};

interface DemoMeasure extends MeasureInput {
  reports: Array<{ tertial: 1 | 2; report: TertialReportInput }>;
}

/**
 * DigiVesterålen's action plan for 2026: the strategy period has ended, so revising it is a measure of its own, and
 * the secretariat has prolonged the strategy's period by that year (an action plan must lie inside the period).
 * Budgets in whole kroner add up to 1,150,000, inside seed 001's base budget of 1.2–1.5 million a year. Owners are
 * roles, not people. Sample data.
 */
const VESTERALEN_PLAN_2026: DemoMeasure[] = [
  {
    title: 'Rullering av Digital strategi for Vesterålen',
    description:
      'Ny strategi fra 2027: innspill fra de seks kommunene, utkast til styringsgruppen og deretter politisk behandling i hver kommune.',
    focusAreaKey: 'strategi-og-retning',
    owner: 'Sekretariatet',
    budget: 80_000,
    status: 'ongoing',
    reports: [
      {
        tertial: 1,
        report: {
          status: 'green',
          comment: 'Prosessplan godkjent i styringsgruppen. Innspillsmøter i alle seks kommuner er avtalt.',
          spent: 12_000,
        },
      },
      {
        tertial: 2,
        report: {
          status: 'yellow',
          comment: 'Innspillene fra helse og oppvekst kom sent; utkastet går til styringsgruppen i desember i stedet for oktober.',
          spent: 41_000,
        },
      },
    ],
  },
  {
    title: 'DigiHelse i helse- og omsorgstjenestene',
    description: 'Felles innføring av KS’ DigiHelse i alle seks kommuner, med en felles gjennomføringsmodell og gevinstplan.',
    focusAreaKey: 'nasjonale-losninger',
    owner: 'Arbeidsgruppe helse',
    budget: 350_000,
    status: 'ongoing',
    reports: [
      {
        tertial: 1,
        report: {
          status: 'green',
          comment: 'Gjennomføringsmodell og gevinstplan godkjent. Sortland og Hadsel er pilotkommuner.',
          spent: 90_000,
        },
      },
      {
        tertial: 2,
        report: {
          status: 'yellow',
          comment: 'Pilotene går som planlagt, men integrasjonen mot journalsystemet er forsinket hos leverandøren for to kommuner.',
          spent: 185_000,
        },
      },
    ],
  },
  {
    title: 'SvarUt og SvarInn i alle kommunene',
    description: 'All utgående post sendes digitalt gjennom SvarUt, og inngående post tas imot gjennom SvarInn.',
    focusAreaKey: 'nasjonale-losninger',
    owner: 'Ressursgruppen',
    budget: 120_000,
    status: 'ongoing',
    reports: [
      { tertial: 1, report: { status: 'green', comment: 'Tre kommuner sender nå all utgående post gjennom SvarUt.', spent: 30_000 } },
      { tertial: 2, report: { status: 'green', comment: 'Fem av seks kommuner er i gang; den siste kobles på i oktober.', spent: 70_000 } },
    ],
  },
  {
    title: 'Felles anskaffelse av løsning for digitale skjemaer',
    description: 'Felles behovsanalyse og anskaffelse, så kommunene får like skjemaer og én avtale.',
    focusAreaKey: 'felles-anskaffelser',
    owner: 'Sekretariatet',
    budget: 150_000,
    status: 'postponed',
    reports: [
      { tertial: 1, report: { status: 'yellow', comment: 'Behovsanalysen er i gang, men to kommuner mangler deltaker.', spent: 8_000 } },
      {
        tertial: 2,
        report: {
          status: 'red',
          comment: 'Utsatt til 2027: tre kommuner har løpende avtaler ut 2027, og en anskaffelse nå ville gitt dobbel betaling.',
          spent: 20_000,
        },
      },
    ],
  },
  {
    title: 'Lederprogram i digitalisering og gevinstrealisering',
    description: 'Fire samlinger for ledere i de seks kommunene, i samarbeid med RKKV.',
    focusAreaKey: 'kompetanse-og-ledelse',
    owner: 'Arbeidsgruppe kompetanse',
    budget: 250_000,
    status: 'ongoing',
    reports: [
      {
        tertial: 1,
        report: { status: 'green', comment: 'Programmet er utviklet sammen med RKKV, og 24 ledere er påmeldt.', spent: 40_000 },
      },
      { tertial: 2, report: { status: 'green', comment: 'To av fire samlinger er gjennomført.', spent: 125_000 } },
    ],
  },
  {
    title: 'Felles rutiner for informasjonssikkerhet og beredskap',
    description: 'IT-driftsnettverket lager felles rutiner for tilgangsstyring, sikkerhetskopi og beredskap.',
    focusAreaKey: 'ikt-infrastruktur',
    owner: 'IT-driftsnettverket',
    budget: 200_000,
    status: 'planned',
    reports: [],
  },
];

/** Tertial reports are written after each tertial ends (30 April, 31 August). */
const REPORTED_ON = { 1: '2026-05-12', 2: '2026-09-15' } as const;

/**
 * Demo strategies, entered as the secretariat would: each network's strategy with version 1 saved and published
 * through the strategy service, the municipalities' own versions, and DigiVesterålen's action plan for 2026 with
 * its tertial reports. The service stamps today's date; the dates in the story are written afterwards, as the
 * survey demo does. Nothing here sends e-mail.
 */
export async function seedStrategies(ctx: RequestContext): Promise<void> {
  const db = ctx.db;
  for (const demo of DEMO_STRATEGIES) {
    const strategy = await createStrategy(ctx, demo.networkSlug, {
      title: demo.title,
      periodStart: demo.periodStart,
      periodEnd: demo.periodEnd,
    });
    const draft = await getVersion(ctx, strategy.versions[0]!.id);
    const saved = await saveVersion(
      ctx,
      draft.id,
      VersionSaveSchema.parse({ content: demo.content, changeNote: null, version: draft.version }),
    );
    const published = await publishVersion(ctx, saved.id, saved.version);

    const publishedAt = osloLocalToUtc(PUBLISHED_ON[demo.networkSlug]!, '12:00');
    await db.update(strategies).set({ createdAt: publishedAt, updatedAt: publishedAt }).where(eq(strategies.id, strategy.id));
    await db
      .update(strategyVersions)
      .set({ publishedAt, createdAt: publishedAt, updatedAt: publishedAt })
      .where(eq(strategyVersions.id, published.id));

    for (const local of LOCAL_VERSIONS[demo.networkSlug] ?? []) {
      const row = await saveLocalVersion(ctx, published.id, local.municipalityNumber, local.input);
      const at = osloLocalToUtc(local.input.decision.date ?? PUBLISHED_ON[demo.networkSlug]!, '15:00');
      await db.update(localStrategyVersions).set({ createdAt: at, updatedAt: at }).where(eq(localStrategyVersions.id, row.id!));
    }

    if (demo.networkSlug === 'digivesteralen') await seedActionPlan(ctx, strategy.id);
  }
}

async function seedActionPlan(ctx: RequestContext, strategyId: string): Promise<void> {
  const db = ctx.db;
  const strategy = await getStrategy(ctx, strategyId);
  await updateStrategy(ctx, strategyId, { periodEnd: 2026, version: strategy.version });
  let plan = await createActionPlan(ctx, strategyId, { year: 2026 });
  for (const { reports, ...measure } of VESTERALEN_PLAN_2026) {
    plan = await addMeasure(ctx, plan.id, measure);
    const added = plan.measures.at(-1)!;
    for (const { tertial, report } of reports) {
      plan = await reportTertial(ctx, added.id, tertial, report);
    }
  }

  const planCreated = osloLocalToUtc('2025-12-10', '12:00');
  await db.update(strategies).set({ updatedAt: planCreated }).where(eq(strategies.id, strategyId));
  await db.update(actionPlans).set({ createdAt: planCreated, updatedAt: planCreated }).where(eq(actionPlans.id, plan.id));
  const measureIds = plan.measures.map((m) => m.id);
  if (measureIds.length > 0) {
    await db.update(actionMeasures).set({ createdAt: planCreated, updatedAt: planCreated }).where(inArray(actionMeasures.id, measureIds));
  }
  for (const measure of plan.measures) {
    for (const report of measure.reports) {
      const at = osloLocalToUtc(REPORTED_ON[report.tertial as 1 | 2], '10:00');
      await db.update(measureReports).set({ reportedAt: at, createdAt: at, updatedAt: at }).where(eq(measureReports.id, report.id));
    }
  }
}
