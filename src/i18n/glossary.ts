/**
 * The register's domain terms, fixed per language: one word for one concept, so a learner who
 * has learnt "ولایت" for provincie on the search page meets the same word on the figures page,
 * and the Dutch word from their letters is always the one in brackets.
 *
 * Each concept records its Dutch form (`nl`), the term to use in every other language, the
 * pattern that finds that term in running text (its inflected forms), and the wrong variants
 * translators have used or are likely to use. `tests/i18n/glossary.test.ts` checks every
 * dictionary against it: where the Dutch text uses a concept, the translation uses the
 * glossary's term, and no dictionary uses a forbidden variant anywhere.
 *
 * Pure data with no Vite or DOM imports, so build code, browser scripts and tests can all read
 * it; `dutchTermForms()` is the list of Dutch forms, for marking them `lang="nl"` in brackets.
 */
import type { Lang } from './languages.ts';

/** One concept's term in one language. */
export interface GlossaryTerm {
  /** The term as a translator should write it (base form). */
  term: string;
  /** Finds the term in its inflected forms in running text (case-insensitive where the script has case). */
  match: RegExp;
  /** Wrong words for the same concept: never to be used anywhere in this language. */
  forbidden?: readonly RegExp[];
}

/** One domain concept: its Dutch form and its fixed term in every language. */
export interface GlossaryConcept {
  /** The Dutch term as people meet it in letters and on Dutch sites; shown in brackets beside translations. */
  nl: string;
  /** What the concept is, for translators. */
  meaning: string;
  /**
   * Finds the concept in a Dutch dictionary value. Narrower than the Dutch term where a longer
   * name contains it ("Wet inburgering", "Keurmerk Inburgeren", the value codes of the CSV
   * files), because there the translation keeps the name and need not repeat the term.
   */
  dutch: RegExp;
  /** The term in every language other than Dutch. */
  terms: Record<Exclude<Lang, 'nl'>, GlossaryTerm>;
}

export const GLOSSARY = {
  keurmerk: {
    nl: 'keurmerk',
    meaning: 'The quality mark Blik op Werk gives a language school (the generic word, not the name "Keurmerk Inburgeren").',
    dutch: /(?<!\p{L})keurmerk(?!\p{L})(?! Inburgeren)/iu,
    terms: {
      en: { term: 'keurmerk', match: /keurmerk|certified/i, forbidden: [/quality (?:certificate|seal|label)/i] },
      ar: { term: 'علامة الجودة', match: /علام(?:ة|ات) (?:ال)?جودة/u, forbidden: [/شهاد(?:ة|ات) (?:ال)?جودة/u, /ختم (?:ال)?جودة/u] },
      tr: { term: 'kalite belgesi', match: /kalite belge/iu, forbidden: [/kalite (?:işaret|damga|mühr|sertifika)/iu] },
      uk: { term: 'знак якості', match: /знак\p{L}* якості/iu, forbidden: [/сертифікат\p{L}* якості/iu, /позначк\p{L}* якості/iu] },
      fa: { term: 'نشان کیفیت', match: /نشان کیفیت/u, forbidden: [/(?:گواهی|مهر|علامت) کیفیت/u] },
      ti: { term: 'ምልክት ጽሬት', match: /ምልክት ጽሬ/u, forbidden: [/ማሕተም ጽሬት/u, /ምስክር ወረቐት ጽሬት/u] },
      so: { term: 'calaamadda tayada', match: /calaamad\p{L}* tay[oa]/iu, forbidden: [/shahaad\p{L}* tay/iu, /astaan\p{L}* tay/iu] },
      ps: { term: 'د کیفیت نښه', match: /د کیفیت (?:\p{L}+ )?نښ/u, forbidden: [/د کیفیت (?:سند|مهر|سرټیفیکټ)/u] },
    },
  },
  vestiging: {
    nl: 'vestiging',
    meaning: 'A teaching location of a keurmerk holder: an address where lessons are given.',
    dutch: /vestiging/iu,
    terms: {
      en: { term: 'location', match: /location/i, forbidden: [/\bbranch(?:es)?\b/i] },
      ar: { term: 'فرع', match: /فر[عو]/u, forbidden: [/مواقع التدريس/u] },
      tr: { term: 'şube', match: /şube/iu, forbidden: [/(?<!\p{L})lokasyon/iu] },
      uk: { term: 'філія', match: /філі/iu, forbidden: [/відділенн/iu] },
      fa: { term: 'شعبه', match: /شعبه/u, forbidden: [/(?<!\p{L})مکان‌های آموزشی/u] },
      ti: { term: 'ጨንፈር', match: /ጨን|ጨና/u, forbidden: [/ቦታ ትምህርቲ/u] },
      so: { term: 'laan', match: /(?<!\p{L})la(?:an|am)/iu, forbidden: [/(?<!\p{L})xarun/iu] },
      ps: { term: 'څانګه', match: /څانګ/u, forbidden: [/شعبه/u] },
    },
  },
  gemeente: {
    nl: 'gemeente',
    meaning: 'The municipality: decides your route with you and may buy your course.',
    dutch: /gemeente/iu,
    terms: {
      en: { term: 'municipality', match: /municipalit/i, forbidden: [/\bcouncil\b/i] },
      ar: { term: 'البلدية', match: /بلدي/u },
      tr: { term: 'belediye', match: /belediye/iu },
      uk: { term: 'муніципалітет', match: /муніципаліт/iu, forbidden: [/громад/iu] },
      fa: { term: 'شهرداری', match: /شهرداری/u },
      ti: { term: 'ምምሕዳር ከተማ', match: /ምምሕዳ/u },
      so: { term: 'degmo', match: /degmo|degmad/iu },
      ps: { term: 'ښاروالي', match: /ښاروال/u, forbidden: [/شاروال/u] },
    },
  },
  provincie: {
    nl: 'provincie',
    meaning: 'One of the twelve provinces of the Netherlands.',
    dutch: /provincie/iu,
    terms: {
      en: { term: 'province', match: /province/i },
      ar: { term: 'المقاطعة', match: /مقاطع/u, forbidden: [/(?<!\p{L})(?:ال)?محافظ(?:ة|ات)/u] },
      tr: {
        term: 'il',
        match: /(?<!\p{L})[İi]l(?:i|in|ine|ini|inde|indeki|inizi|inizdeki|iniz|ler|lere|lerde|leri|de|deki|den)?(?!\p{L})/u,
        forbidden: [/eyalet/iu],
      },
      uk: { term: 'провінція', match: /провінці/iu, forbidden: [/област/iu] },
      fa: { term: 'استان', match: /استان/u },
      ti: { term: 'ዞባ', match: /ዞባ/u, forbidden: [/ኣውራጃ/u] },
      so: { term: 'gobol', match: /gobol/iu },
      ps: { term: 'ولایت', match: /ولایت/u, forbidden: [/ایالت/u] },
    },
  },
  route: {
    nl: 'leerroute',
    meaning: 'A learning route of the Wet inburgering 2021 (B1-route, Z-route, onderwijsroute).',
    dutch: /(?<![\p{L}-])(?:leer)?routes?(?!\p{L})/iu,
    terms: {
      en: { term: 'route', match: /route/i },
      ar: { term: 'مسار', match: /مسار/u },
      tr: { term: 'yol', match: /(?<!\p{L})yol/iu },
      uk: { term: 'маршрут', match: /маршрут/iu },
      fa: { term: 'مسیر', match: /مسیر/u },
      ti: { term: 'መስመር', match: /መስመ/u },
      so: { term: 'waddo', match: /waddo|waddad/iu },
      ps: { term: 'لار', match: /لار/u },
    },
  },
  profiel: {
    nl: 'profiel',
    meaning: 'A learner profile of the Wet inburgering 2013 (analfabeet, laag, middel, hoog).',
    // Not the metadata standard's "profiel DCAT-AP-NL": that is another sense of the word.
    dutch: /profiel(?! DCAT)/iu,
    terms: {
      en: { term: 'profile', match: /profile/i },
      ar: { term: 'فئة', match: /فئ/u },
      tr: { term: 'profil', match: /profil/iu },
      uk: { term: 'профіль', match: /профіл/iu },
      fa: { term: 'گروه', match: /گروه/u, forbidden: [/پروفایل/u] },
      ti: { term: 'ጉጅለ', match: /ጉጅለ/u, forbidden: [/ፕሮፋይ/u] },
      so: { term: 'koox', match: /koox/iu },
      ps: { term: 'ډله', match: /ډل[هې]/u },
    },
  },
  geschorst: {
    nl: 'geschorst',
    meaning: 'Status: the keurmerk is stopped for now; the school may not take on new learners.',
    dutch: /geschorst|schorsing/iu,
    terms: {
      en: { term: 'suspended', match: /suspen/i },
      ar: { term: 'موقوفة', match: /موقوف|أوقف|وقف|إيقاف/u, forbidden: [/معلّ?ق/u] },
      tr: { term: 'askıya alındı', match: /askı/iu },
      uk: { term: 'призупинено', match: /призупин/iu },
      fa: { term: 'تعلیق‌شده', match: /تعلیق/u },
      ti: { term: 'ንግዚኡ ተኣጊዱ', match: /ተኣጊ|ተኣገ|ምእጋድ|ዝተኣገ/u },
      so: { term: 'la hakiyay', match: /hakiy|hakin/iu },
      ps: { term: 'معطل', match: /معطل/u, forbidden: [/ځنډول شو/u] },
    },
  },
  ingetrokken: {
    nl: 'ingetrokken',
    meaning: 'Status: Blik op Werk took the keurmerk away.',
    dutch: /ingetrokken|intrekking/iu,
    terms: {
      en: { term: 'withdrawn', match: /withdr/i, forbidden: [/\brevoked\b/i] },
      ar: { term: 'مسحوبة', match: /سحب|مسحوب|سُحب/u },
      tr: { term: 'geri alındı', match: /geri al/iu, forbidden: [/iptal edil/iu] },
      uk: { term: 'відкликано', match: /відклик/iu },
      fa: { term: 'لغوشده', match: /لغو/u, forbidden: [/پس گرفته شد(?:ه)? (?:است)?\s*\(ingetrokken\)/u] },
      ti: { term: 'ተሰሒቡ', match: /ተሰሒ|ዝተሰሓ|ምስሓብ|ተሰሓ/u },
      so: { term: 'laga noqday', match: /noq(?:o|d)/iu },
      ps: { term: 'بېرته اخیستل شوې', match: /بېرته (?:واخیستل|اخیستل)/u },
    },
  },
  beeindigd: {
    nl: 'beëindigd',
    meaning: 'Status: the keurmerk has ended, at the school’s request or because it expired.',
    dutch: /beëindigd/iu,
    terms: {
      en: { term: 'ended', match: /ended/i },
      ar: { term: 'منتهية', match: /منتهي|انتهت|انتهاء|إنهاء/u },
      tr: { term: 'sona erdi', match: /sona er/iu },
      uk: { term: 'припинено', match: /припин/iu },
      fa: { term: 'پایان‌یافته', match: /پایان/u },
      ti: { term: 'ተወዲኡ', match: /ተወዲ|ዝተወድ/u, forbidden: [/ተዛዚ/u] },
      so: { term: 'dhammaaday', match: /dhamma/iu },
      ps: { term: 'پای ته رسېدلې', match: /پای ته ورس|پای ته رس/u },
    },
  },
  herstelperiode: {
    nl: 'herstelperiode',
    meaning: 'Status: the school holds the keurmerk but must put right a requirement it did not meet.',
    dutch: /herstelperiode/iu,
    terms: {
      en: { term: 'recovery period', match: /recovery period/i },
      ar: { term: 'فترة تصحيح', match: /فترة (?:ال)?تصحيح/u },
      tr: { term: 'iyileştirme dönemi', match: /[İi]yileştirme dönem/u, forbidden: [/düzeltme süre/iu] },
      uk: { term: 'період виправлення', match: /період\p{L}* виправлення/iu },
      fa: { term: 'دوره اصلاح', match: /دوره(?:ٔ|‌ی)? اصلاح/u },
      ti: { term: 'ግዜ ምእራም', match: /ግዜ ምእራም/u, forbidden: [/እዋን መእረምታ/u] },
      so: { term: 'muddada hagaajinta', match: /muddada hagaajin/iu },
      ps: { term: 'د سمون موده', match: /د سمون/u },
    },
  },
  aspirant: {
    nl: 'aspirant',
    meaning: 'A quality rating: the school is too new to be rated. The Dutch word stays, with a gloss.',
    dutch: /aspirant/iu,
    terms: {
      en: { term: 'aspirant', match: /aspirant/i, forbidden: [/aspiring/i] },
      ar: { term: 'aspirant', match: /aspirant/i, forbidden: [/مبتدئ/u] },
      tr: { term: 'aspirant', match: /aspirant/i, forbidden: [/(?<!\p{L})aday(?!\p{L})/iu] },
      // Not «кандидат»: Ukrainian uses it for exam candidates, so it cannot stand for this rating too.
      uk: { term: 'aspirant', match: /aspirant/i },
      fa: { term: 'aspirant', match: /aspirant/i, forbidden: [/نوپا/u, /تازه‌کار/u] },
      ti: { term: 'aspirant', match: /aspirant/i, forbidden: [/ተወዳዳሪ/u] },
      so: { term: 'aspirant', match: /aspirant/i },
      ps: { term: 'aspirant', match: /aspirant/i },
    },
  },
  bepaaldeTijd: {
    nl: 'bepaalde tijd',
    meaning: 'Status: the keurmerk holds for a fixed period (new schools start like this).',
    dutch: /(?<!on)bepaalde tijd/iu,
    terms: {
      en: { term: 'fixed term', match: /fixed term/i },
      ar: { term: 'لمدة محددة', match: /مدة محددة/u },
      tr: { term: 'belirli süreli', match: /belirli süre/iu },
      uk: { term: 'на визначений строк', match: /визначений строк/iu },
      fa: { term: 'مدت‌دار', match: /مدت‌دار/u },
      ti: { term: 'ንውሱን እዋን', match: /ውሱን እዋን/u },
      so: { term: "muddo go'an", match: /muddo go'an/iu },
      ps: { term: 'ټاکلې موده', match: /ټاکلې موده/u },
    },
  },
  onbepaaldeTijd: {
    nl: 'onbepaalde tijd',
    meaning: 'Status: the keurmerk holds without an end date.',
    dutch: /onbepaalde tijd/iu,
    terms: {
      en: { term: 'no end date', match: /no end date/i },
      ar: { term: 'بدون تاريخ انتهاء', match: /بدون تاريخ انتهاء/u },
      tr: { term: 'süresiz', match: /süresiz/iu },
      uk: { term: 'безстроковий', match: /безстроков/iu },
      fa: { term: 'بدون تاریخ پایان', match: /بدون تاریخ پایان/u },
      ti: { term: 'ብዘይ መወዳእታ ዕለት', match: /ብዘይ መወዳእታ ዕለት/u },
      so: { term: "muddo aan go'nayn", match: /muddo aan go'nayn/iu },
      ps: { term: 'بې له پای نېټې', match: /بې له پای نېټې/u },
    },
  },
  inburgering: {
    nl: 'inburgering',
    meaning: 'Civic integration: the course and exams newcomers must complete (not the law\'s name, "Wet inburgering").',
    dutch: /(?<!Wet )inburgering(?! 20)/iu,
    terms: {
      en: { term: 'civic integration', match: /integration/i },
      ar: { term: 'الاندماج', match: /اندماج/u },
      tr: { term: 'uyum', match: /uyum/iu },
      uk: { term: 'інтеграція', match: /інтеграц/iu },
      fa: { term: 'ادغام', match: /ادغام/u },
      ti: { term: 'ምውህሃድ', match: /ምውህሃድ/u },
      so: { term: 'is-dhexgal', match: /is-dhexgal/iu },
      ps: { term: 'ادغام', match: /ادغام/u },
    },
  },
  duo: {
    nl: 'DUO',
    meaning: 'The government service that lends learners the money for their course.',
    dutch: /(?<!\p{L})DUO(?!\p{L})/u,
    terms: {
      en: { term: 'DUO', match: /DUO/u },
      ar: { term: 'DUO', match: /DUO/u },
      tr: { term: 'DUO', match: /DUO/u },
      uk: { term: 'DUO', match: /DUO/u },
      fa: { term: 'DUO', match: /DUO/u },
      ti: { term: 'DUO', match: /DUO/u },
      so: { term: 'DUO', match: /DUO/u },
      ps: { term: 'DUO', match: /DUO/u },
    },
  },
} as const satisfies Record<string, GlossaryConcept>;

/**
 * The Dutch form of every concept, longest first (so "onbepaalde tijd" is found before
 * "bepaalde tijd"): the words a page marks `lang="nl"` where they stand in brackets beside a
 * translation, so a screen reader says them in Dutch.
 */
export function dutchTermForms(): string[] {
  return Object.values(GLOSSARY as Record<string, GlossaryConcept>).map((concept) => concept.nl).sort((a, b) => b.length - a.length);
}

