import type { BuiltInTemplate, SurveyDefinition } from '../../../../shared/mapping/surveys.ts';

/**
 * The survey templates shipped with the platform, in bokmål. A round copies its template's definition, so
 * changing a text here changes new rounds only; question keys are never renamed, because the change since
 * the previous round and the maturity trend match sections by key.
 */
export interface BuiltInTemplateContent {
  name: string;
  description: string;
  definition: SurveyDefinition;
}

type QuestionSpec = [key: string, text: string];

function scaleSection(key: string, title: string, description: string, questions: QuestionSpec[]): SurveyDefinition['sections'][number] {
  return {
    key,
    title,
    description,
    questions: questions.map(([qKey, text]) => ({ key: qKey, text, help: null, answerKind: 'scale', options: [], required: false })),
  };
}

/** Digital maturity: the 1–5 scale and the dimensions of `shared/reference/shared-solutions.md` (after KS 2018 and SSB). */
const maturity: BuiltInTemplateContent = {
  name: 'Digital modenhet',
  description:
    'Kartlegging av kommunens digitale modenhet i ti dimensjoner, etter KS’ måling av digital modenhet (2018) og SSBs indikatorer for ' +
    'digital prioritering, kompetanse og aktivitet. Hvert utsagn vurderes på en skala fra 1 (ikke startet) til 5 (optimalisert og ' +
    'samhandlende i regionen). Hopp over utsagn kommunen ikke kan vurdere.',
  definition: {
    scale: {
      min: 1,
      max: 5,
      labels: [
        'Ikke startet',
        'Initiert',
        'Etablert i deler av kommunen',
        'Etablert og styrt i hele kommunen',
        'Optimalisert og samhandlende i regionen',
      ],
    },
    sections: [
      scaleSection('leadership', 'Ledelse og strategi', 'Hvordan digitalisering er forankret, styrt og finansiert.', [
        ['leadershipStrategy', 'Kommunen har en vedtatt digitaliseringsstrategi som er koblet til økonomiplanen.'],
        ['leadershipOwnership', 'Kommunedirektøren og ledergruppen eier digitaliseringsarbeidet og følger det opp jevnlig.'],
        ['leadershipPortfolio', 'Digitaliseringstiltak prioriteres samlet i en portefølje, ut fra gevinster og kostnader.'],
        ['leadershipBenefits', 'Kommunen planlegger, måler og henter ut gevinster av digitaliseringsprosjektene.'],
      ]),
      scaleSection('userCentred', 'Brukeren i sentrum', 'Hvordan innbyggere og næringsliv møter kommunen digitalt.', [
        ['userInvolvement', 'Innbyggere og brukere tas med når tjenester utvikles eller endres.'],
        ['userDigitalFirst', 'De mest brukte tjenestene kan søkes om og følges opp digitalt, fra start til slutt.'],
        ['userPlainLanguage', 'Nettsider, skjema og brev er skrevet i klart språk og er universelt utformet.'],
        ['userFeedback', 'Kommunen samler inn og bruker tilbakemeldinger fra brukerne for å forbedre tjenestene.'],
      ]),
      scaleSection('competence', 'Kompetanse og kapasitet', 'Om kommunen har folk og kunnskap til å digitalisere.', [
        [
          'competenceEmployees',
          'Ansatte har den digitale kompetansen de trenger i arbeidet sitt, og får opplæring når noe nytt tas i bruk.',
        ],
        ['competenceLeaders', 'Ledere har kunnskap om hvordan digitalisering kan endre tjenestene og arbeidsprosessene.'],
        [
          'competenceCapacity',
          'Kommunen har nok kapasitet, egen eller i samarbeid med andre, til å gjennomføre digitaliseringsprosjekter.',
        ],
        ['competenceChange', 'Kommunen har metoder og ressurser for endringsledelse når arbeidsprosesser endres.'],
      ]),
      scaleSection('sharedSolutions', 'Fellesløsninger og samhandling', 'Bruk av nasjonale fellesløsninger og samarbeid med andre.', [
        [
          'sharedNational',
          'Kommunen bruker de nasjonale fellesløsningene (som ID-porten, Altinn, SvarUt og Digital postkasse) der de passer.',
        ],
        ['sharedKs', 'Kommunen tar i bruk fellesløsninger fra KS og DigiFin når de er klare.'],
        ['sharedRegional', 'Kommunen deltar aktivt i det regionale digitaliseringssamarbeidet og deler erfaringer og løsninger.'],
        ['sharedProcurement', 'Kommunen gjennomfører anskaffelser av fagsystemer sammen med andre kommuner når det er mulig.'],
      ]),
      scaleSection('security', 'Informasjonssikkerhet og personvern', 'Styring av informasjonssikkerhet og vern av personopplysninger.', [
        ['securityManagement', 'Kommunen har et internkontrollsystem for informasjonssikkerhet som er i bruk og oppdateres.'],
        ['securityRisk', 'Det gjøres risikovurderinger og personvernkonsekvensvurderinger (DPIA) før nye løsninger tas i bruk.'],
        ['securityAgreements', 'Kommunen har databehandleravtaler for alle systemer som behandler personopplysninger.'],
        ['securityTraining', 'Ansatte får jevnlig opplæring i informasjonssikkerhet og personvern.'],
        ['securityIncidents', 'Avvik og sikkerhetshendelser meldes, følges opp og brukes til å lære.'],
      ]),
      scaleSection('information', 'Informasjonsforvaltning', 'Oversikt over, kvalitet på og deling av kommunens data.', [
        ['informationOverview', 'Kommunen har oversikt over hvilke data og dokumenter den forvalter, og hvem som eier dem.'],
        ['informationArchive', 'Dokumentasjon og arkivering skjer digitalt og etter arkivloven, også i fagsystemene.'],
        ['informationOnceOnly', 'Opplysninger kommunen allerede har, hentes fra registre i stedet for å spørre innbyggeren på nytt.'],
        ['informationOpenData', 'Kommunen deler data som åpne data der det er mulig.'],
      ]),
      scaleSection('architecture', 'Arkitektur og teknologi', 'Hvordan systemene henger sammen og driftes.', [
        ['architectureOverview', 'Kommunen har en oppdatert oversikt over sine fagsystemer, integrasjoner og avtaler.'],
        ['architecturePrinciples', 'Nye løsninger velges etter felles arkitekturprinsipper, med standarder og åpne grensesnitt.'],
        ['architectureIntegration', 'Fagsystemene utveksler data automatisk, uten dobbeltregistrering.'],
        ['architectureOperations', 'Drift, sikkerhetskopi og beredskap for IKT er dokumentert og testet.'],
      ]),
      scaleSection('health', 'Sektor: helse og velferd', 'Digitalisering i helse, omsorg og velferd.', [
        [
          'healthRecords',
          'Pleie- og omsorgstjenesten bruker elektronisk pasientjournal og elektroniske meldinger med fastleger og sykehus.',
        ],
        ['healthWelfareTech', 'Velferdsteknologi (som digitalt tilsyn og medisineringsstøtte) er en del av det ordinære tjenestetilbudet.'],
        ['healthDigitalDialogue', 'Innbyggerne kan kommunisere digitalt og sikkert med helsetjenesten, for eksempel via Helsenorge.'],
        ['healthNationalComponents', 'Kommunen bruker nasjonale e-helseløsninger som kjernejournal og e-resept.'],
      ]),
      scaleSection('education', 'Sektor: oppvekst', 'Digitalisering i barnehage og skole.', [
        ['educationAdmin', 'Søknad om barnehage- og SFO-plass, fravær og meldinger til foreldre går digitalt.'],
        ['educationLearning', 'Skolene har en plan for digitale læremidler og elevenes digitale ferdigheter.'],
        ['educationPrivacy', 'Personvernet i digitale læremidler og verktøy er vurdert før de tas i bruk.'],
        ['educationShared', 'Oppvekstsektoren samarbeider med andre kommuner om felles løsninger og avtaler.'],
      ]),
      scaleSection('planning', 'Sektor: plan, bygg og geodata', 'Digitalisering av plan- og byggesaker og bruk av kartdata.', [
        ['planningApplications', 'Byggesøknader kan sendes og behandles digitalt, med automatiske kontroller.'],
        ['planningPlanRegister', 'Kommunen har et digitalt planregister med gjeldende planer tilgjengelig for alle.'],
        ['planningGeodata', 'Kartdata er oppdatert og brukes i saksbehandlingen og i tjenestene.'],
        ['planningSelfService', 'Innbyggere og næringsliv kan finne eiendomsinformasjon og bestille tjenester selv.'],
      ]),
    ],
  },
};

/** Seed 002: the working group's three questions about dialogue with users and citizens. */
const CHANNELS = [
  'Telefon',
  'E-post',
  'SMS',
  'Brev',
  'Personlig oppmøte / skranke',
  'Kommunens nettside',
  'Chat',
  'Sosiale medier',
  'Min kommune / innbyggerportal',
  'Digitale skjema',
  'Digital postkasse / SvarUt',
  'Innbyggermøter',
];

const dialogueChannels: BuiltInTemplateContent = {
  name: 'Dialogkanaler',
  description:
    'Hvordan enhetene er i dialog med brukere og innbyggere i dag, og hvilke digitale løsninger de ønsker seg. ' +
    'Spørsmålene er de samme som arbeidsgruppen stilte ledere og ansatte i kartleggingen av IKT-behov (seed 002).',
  definition: {
    scale: null,
    sections: [
      {
        key: 'today',
        title: 'Dialog i dag',
        description: null,
        questions: [
          {
            key: 'channelsToday',
            text: 'Hvilke metoder for dialog med brukere og innbyggere bruker dere i dag?',
            help: 'Kryss av for alle som er i bruk.',
            answerKind: 'multiple',
            options: CHANNELS,
            required: true,
          },
          {
            key: 'mainChannel',
            text: 'Hvilken kanal brukes mest?',
            help: null,
            answerKind: 'single',
            options: CHANNELS,
            required: false,
          },
        ],
      },
      {
        key: 'wanted',
        title: 'Ønsker for digital dialog',
        description: null,
        questions: [
          {
            key: 'channelsWanted',
            text: 'Hvilke digitale metoder ønsker dere å bruke?',
            help: 'Kryss av for alle dere ønsker å ta i bruk eller bruke mer.',
            answerKind: 'multiple',
            options: [
              'SMS',
              'Chat',
              'Chatbot',
              'Sosiale medier',
              'Min kommune / innbyggerportal',
              'Digitale skjema',
              'Digital timebestilling',
              'Videomøte',
              'Digital postkasse / SvarUt',
            ],
            required: false,
          },
          {
            key: 'functionalityWanted',
            text: 'Hvilken funksjonalitet ønsker dere å få på plass med de metodene dere ønsker?',
            help: 'Beskriv gjerne hva brukerne skal kunne gjøre selv, og hva det vil spare dere og dem for.',
            answerKind: 'text',
            options: [],
            required: false,
          },
        ],
      },
      {
        key: 'other',
        title: 'Andre innspill',
        description: null,
        questions: [
          {
            key: 'otherInput',
            text: 'Har dere andre innspill om digitalisering?',
            help: null,
            answerKind: 'text',
            options: [],
            required: false,
          },
        ],
      },
    ],
  },
};

const DOMAINS = ['Sak/arkiv', 'Økonomi', 'HR/lønn', 'Helse og omsorg', 'Oppvekst', 'Plan/bygg/geodata', 'Teknisk', 'Kultur'];

const text = (key: string, question: string, help: string | null = null) => ({
  key,
  text: question,
  help,
  answerKind: 'text' as const,
  options: [],
  required: false,
});

/** An application inventory for the insight phase: how many systems, which, how they run, how well they work, what is planned. */
const applicationInventory: BuiltInTemplateContent = {
  name: 'Fagsystemkartlegging',
  description:
    'En rask oversikt over kommunens fagsystemer: hvor mange, hvilke hovedsystemer i hvert fagområde, hvordan de driftes, hvor fornøyd ' +
    'kommunen er med dem, og hvilke utskiftinger som planlegges. Den detaljerte registreringen gjøres i fagsystemoversikten.',
  definition: {
    scale: { min: 1, max: 5, labels: ['Svært misfornøyd', 'Misfornøyd', 'Verken eller', 'Fornøyd', 'Svært fornøyd'] },
    sections: [
      {
        key: 'scope',
        title: 'Omfang',
        description: null,
        questions: [
          {
            key: 'applicationCount',
            text: 'Omtrent hvor mange fagsystemer og programmer har kommunen i bruk?',
            help: 'Et anslag holder. Typisk har en kommune 90–150.',
            answerKind: 'number',
            options: [],
            required: true,
          },
          {
            key: 'localCount',
            text: 'Hvor mange av dem driftes lokalt, på kommunens egne servere?',
            help: null,
            answerKind: 'number',
            options: [],
            required: false,
          },
        ],
      },
      {
        key: 'mainSystems',
        title: 'Hovedsystemer per fagområde',
        description: 'Skriv produktnavn og leverandør, for eksempel «Elements (Sikri)».',
        questions: [
          text('caseArchive', 'Sak/arkiv'),
          text('finance', 'Økonomi'),
          text('hrPayroll', 'HR og lønn'),
          text('healthRecords', 'Helse og omsorg (pasientjournal)'),
          text('schoolKindergarten', 'Oppvekst (skole og barnehage)'),
          text('planningBuilding', 'Plan, bygg og geodata'),
        ],
      },
      {
        key: 'hosting',
        title: 'Drift',
        description: null,
        questions: [
          {
            key: 'hostingMain',
            text: 'Hvordan driftes de fleste fagsystemene?',
            help: null,
            answerKind: 'single',
            options: ['Lokal drift', 'Leverandørdrift', 'Sky (SaaS)', 'Via vertskommune eller IKS', 'En blanding'],
            required: false,
          },
        ],
      },
      {
        key: 'satisfaction',
        title: 'Tilfredshet',
        description: null,
        questions: [
          {
            key: 'satisfactionOverall',
            text: 'Hvor fornøyd er kommunen med fagsystemene samlet?',
            help: null,
            answerKind: 'scale',
            options: [],
            required: false,
          },
          {
            key: 'satisfactionSupport',
            text: 'Hvor fornøyd er kommunen med leverandørenes støtte og oppfølging?',
            help: null,
            answerKind: 'scale',
            options: [],
            required: false,
          },
          {
            key: 'satisfactionIntegration',
            text: 'Hvor fornøyd er kommunen med hvordan systemene henger sammen?',
            help: null,
            answerKind: 'scale',
            options: [],
            required: false,
          },
        ],
      },
      {
        key: 'plans',
        title: 'Planer',
        description: null,
        questions: [
          {
            key: 'replacementPlanned',
            text: 'Planlegger kommunen å bytte ut fagsystemer de neste tre årene?',
            help: null,
            answerKind: 'single',
            options: ['Ja', 'Nei', 'Vet ikke'],
            required: false,
          },
          text('replacementDetails', 'Hvilke systemer skal byttes ut, og når?', 'Nevn gjerne når avtalene går ut.'),
          {
            key: 'jointProcurement',
            text: 'I hvilke fagområder ønsker kommunen felles anskaffelse med andre kommuner i regionen?',
            help: null,
            answerKind: 'multiple',
            options: DOMAINS,
            required: false,
          },
        ],
      },
    ],
  },
};

export const BUILT_IN_TEMPLATE_CONTENT: Record<BuiltInTemplate, BuiltInTemplateContent> = {
  maturity,
  dialogueChannels,
  applicationInventory,
};
