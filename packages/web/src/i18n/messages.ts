/**
 * Message catalogue for the client side (Mina sidor). Swedish is the source; English and Arabic must have the
 * same keys (checked by the type). Write in plain language (klarspråk): short sentences, "du", no office words.
 * Placeholders: {name}.
 */

export type Lang = 'sv' | 'en' | 'ar';

export const LANGUAGES: readonly { code: Lang; name: string; dir: 'ltr' | 'rtl'; locale: string }[] = [
  { code: 'sv', name: 'Svenska', dir: 'ltr', locale: 'sv-SE' },
  { code: 'en', name: 'English', dir: 'ltr', locale: 'en-GB' },
  { code: 'ar', name: 'العربية', dir: 'rtl', locale: 'ar-SE-u-nu-latn' },
];

const sv = {
  'app.name': 'Vägen',
  'site.name': 'Mina sidor',
  'site.tagline': 'Ekonomiskt bistånd',
  'skipLink': 'Hoppa till innehåll',
  'language.label': 'Välj språk',
  'nav.label': 'Mina sidor',
  'nav.start': 'Start',
  'footer.help': 'Behöver du hjälp? Kontakta socialtjänsten i din kommun.',
  'footer.name': 'Vägen – ekonomiskt bistånd',

  'login.title': 'Logga in på Mina sidor',
  'login.intro': 'På Mina sidor kan du följa ditt ärende om ekonomiskt bistånd. Du ser status, beslut och utbetalningar.',
  'login.howHeading': 'Så loggar du in',
  'login.eid': 'Du loggar in med e-legitimation, till exempel BankID eller Freja. Med e-legitimationen visar du vem du är på ett säkert sätt. Då kan vi visa dina egna uppgifter och ingen annans.',
  'login.step1': 'Välj knappen ”Logga in med e-legitimation”.',
  'login.step2': 'Legitimera dig med din e-legitimation.',
  'login.step3': 'Sedan kommer du tillbaka hit till Mina sidor.',
  'login.button': 'Logga in med e-legitimation',
  'login.noEidHeading': 'Har du ingen e-legitimation?',
  'login.noEid': 'Du kan också ringa eller besöka socialtjänsten i din kommun. Då hjälper vi dig.',
  'login.expired': 'Du har blivit utloggad. Logga in igen för att fortsätta.',
  'login.loggedOut': 'Du är utloggad. Stäng webbläsaren om du använder en dator som andra också använder.',
  'login.staffSession': 'Du är inloggad som personal. Logga ut från personalsidorna först om du vill logga in på Mina sidor.',
  'login.errorTitle': 'Inloggningen blev inte klar',
  'login.error.avbruten': 'Inloggningen avbröts eller tog för lång tid. Försök igen.',
  'login.error.okand': 'Vi hittar inga uppgifter om dig hos oss. Har du ansökt om ekonomiskt bistånd? Kontakta socialtjänsten i din kommun.',
  'login.error.other': 'Något gick fel vid inloggningen. Försök igen.',

  'start.title': 'Mina sidor',
  'start.greeting': 'Hej {name}!',
  'start.intro': 'Här ser du dina ärenden, dina senaste beslut och dina utbetalningar.',
  'start.loading': 'Hämtar dina uppgifter …',
  'start.error': 'Vi kunde inte hämta dina uppgifter just nu. Försök igen om en stund.',
  'start.retry': 'Försök igen',
  'start.noCases': 'Du har inget ärende hos oss just nu.',
  'start.casesHeading': 'Dina ärenden',
  'signedInAs': 'Inloggad som {name}',
  'logout': 'Logga ut',

  'case.heading': 'Ärende {caseNumber}',
  'case.status': 'Status',
  'case.worker': 'Din handläggare',
  'case.noWorker': 'Du har inte fått någon handläggare än.',

  'decisions.heading': 'Senaste beslut',
  'decisions.caption': 'Dina senaste beslut',
  'decisions.none': 'Du har inga beslut än.',
  'decisions.outcome': 'Beslut',
  'decisions.period': 'Gäller för',
  'decisions.amount': 'Belopp',
  'decisions.date': 'Beslutsdatum',

  'payments.heading': 'Utbetalningar',
  'payments.caption': 'Dina utbetalningar',
  'payments.none': 'Du har inga utbetalningar än.',
  'payments.date': 'Datum',
  'payments.amount': 'Belopp',
  'payments.payee': 'Mottagare',
  'payments.status': 'Status',

  'status.intake': 'Nytt ärende',
  'status.investigation': 'Vi utreder',
  'status.active': 'Pågående',
  'status.monitoring': 'Uppföljning',
  'status.closed': 'Avslutat',

  'outcome.granted': 'Beviljat',
  'outcome.partlyRefused': 'Delvis beviljat',
  'outcome.refused': 'Avslag',
  'outcome.dismissed': 'Avvisat',

  'paymentStatus.planned': 'Planerad',
  'paymentStatus.sent': 'Skickad',
  'paymentStatus.paid': 'Utbetald',
  'paymentStatus.stopped': 'Stoppad',

  'payee.client': 'Till dig',
  'payee.landlord': 'Till hyresvärden',
  'payee.other': 'Till annan mottagare',

  'notFound.title': 'Sidan finns inte',
  'notFound.text': 'Sidan du letar efter finns inte. Kontrollera adressen eller gå till startsidan.',
  'notFound.link': 'Gå till Mina sidor',
} as const;

export type MessageKey = keyof typeof sv;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.name': 'Vägen',
  'site.name': 'My pages',
  'site.tagline': 'Financial assistance',
  'skipLink': 'Skip to content',
  'language.label': 'Choose language',
  'nav.label': 'My pages',
  'nav.start': 'Start',
  'footer.help': 'Do you need help? Contact the social services in your municipality.',
  'footer.name': 'Vägen – financial assistance',

  'login.title': 'Log in to My pages',
  'login.intro': 'On My pages you can follow your case about financial assistance. You can see the status, decisions and payments.',
  'login.howHeading': 'How to log in',
  'login.eid': 'You log in with an e-identification, for example BankID or Freja. The e-identification shows who you are in a safe way. Then we can show you your own information and nobody else’s.',
  'login.step1': 'Choose the button “Log in with e-identification”.',
  'login.step2': 'Identify yourself with your e-identification.',
  'login.step3': 'Then you come back here to My pages.',
  'login.button': 'Log in with e-identification',
  'login.noEidHeading': 'Do you not have an e-identification?',
  'login.noEid': 'You can also call or visit the social services in your municipality. We will help you.',
  'login.expired': 'You have been logged out. Log in again to continue.',
  'login.loggedOut': 'You are logged out. Close the browser if other people also use this computer.',
  'login.staffSession': 'You are logged in as staff. Log out from the staff pages first if you want to log in to My pages.',
  'login.errorTitle': 'The login was not completed',
  'login.error.avbruten': 'The login was cancelled or took too long. Please try again.',
  'login.error.okand': 'We cannot find any information about you. Have you applied for financial assistance? Contact the social services in your municipality.',
  'login.error.other': 'Something went wrong when you logged in. Please try again.',

  'start.title': 'My pages',
  'start.greeting': 'Hello {name}!',
  'start.intro': 'Here you can see your cases, your latest decisions and your payments.',
  'start.loading': 'Getting your information …',
  'start.error': 'We could not get your information right now. Please try again later.',
  'start.retry': 'Try again',
  'start.noCases': 'You do not have a case with us right now.',
  'start.casesHeading': 'Your cases',
  'signedInAs': 'Logged in as {name}',
  'logout': 'Log out',

  'case.heading': 'Case {caseNumber}',
  'case.status': 'Status',
  'case.worker': 'Your caseworker',
  'case.noWorker': 'You do not have a caseworker yet.',

  'decisions.heading': 'Latest decisions',
  'decisions.caption': 'Your latest decisions',
  'decisions.none': 'You do not have any decisions yet.',
  'decisions.outcome': 'Decision',
  'decisions.period': 'Valid for',
  'decisions.amount': 'Amount',
  'decisions.date': 'Date of decision',

  'payments.heading': 'Payments',
  'payments.caption': 'Your payments',
  'payments.none': 'You do not have any payments yet.',
  'payments.date': 'Date',
  'payments.amount': 'Amount',
  'payments.payee': 'Paid to',
  'payments.status': 'Status',

  'status.intake': 'New case',
  'status.investigation': 'We are looking into it',
  'status.active': 'Ongoing',
  'status.monitoring': 'Follow-up',
  'status.closed': 'Closed',

  'outcome.granted': 'Granted',
  'outcome.partlyRefused': 'Partly granted',
  'outcome.refused': 'Refused',
  'outcome.dismissed': 'Not examined',

  'paymentStatus.planned': 'Planned',
  'paymentStatus.sent': 'Sent',
  'paymentStatus.paid': 'Paid',
  'paymentStatus.stopped': 'Stopped',

  'payee.client': 'To you',
  'payee.landlord': 'To your landlord',
  'payee.other': 'To another recipient',

  'notFound.title': 'Page not found',
  'notFound.text': 'The page you are looking for does not exist. Check the address or go to the start page.',
  'notFound.link': 'Go to My pages',
};

const ar: Messages = {
  'app.name': 'Vägen',
  'site.name': 'صفحاتي',
  'site.tagline': 'المساعدة المالية',
  'skipLink': 'انتقل إلى المحتوى',
  'language.label': 'اختر اللغة',
  'nav.label': 'صفحاتي',
  'nav.start': 'البداية',
  'footer.help': 'هل تحتاج إلى مساعدة؟ تواصل مع الخدمات الاجتماعية في بلديتك.',
  'footer.name': 'Vägen – المساعدة المالية',

  'login.title': 'تسجيل الدخول إلى صفحاتي',
  'login.intro': 'في صفحاتي يمكنك متابعة ملفك الخاص بالمساعدة المالية. يمكنك أن ترى الحالة والقرارات والمدفوعات.',
  'login.howHeading': 'كيف تسجّل الدخول',
  'login.eid': 'تسجّل الدخول بالهوية الإلكترونية، مثل BankID أو Freja. تُثبت الهوية الإلكترونية من أنت بطريقة آمنة. عندها نستطيع أن نعرض لك معلوماتك أنت فقط، ولا نعرض معلومات أي شخص آخر.',
  'login.step1': 'اختر الزر «تسجيل الدخول بالهوية الإلكترونية».',
  'login.step2': 'أثبت هويتك بهويتك الإلكترونية.',
  'login.step3': 'بعد ذلك تعود إلى هنا، إلى صفحاتي.',
  'login.button': 'تسجيل الدخول بالهوية الإلكترونية',
  'login.noEidHeading': 'أليس لديك هوية إلكترونية؟',
  'login.noEid': 'يمكنك أيضًا الاتصال بالخدمات الاجتماعية في بلديتك أو زيارتها. سنساعدك.',
  'login.expired': 'تم تسجيل خروجك. سجّل الدخول مرة أخرى للمتابعة.',
  'login.loggedOut': 'لقد سجّلت الخروج. أغلق المتصفح إذا كان أشخاص آخرون يستخدمون هذا الحاسوب أيضًا.',
  'login.staffSession': 'أنت مسجّل الدخول كموظف. سجّل الخروج من صفحات الموظفين أولًا إذا أردت الدخول إلى صفحاتي.',
  'login.errorTitle': 'لم يكتمل تسجيل الدخول',
  'login.error.avbruten': 'أُلغي تسجيل الدخول أو استغرق وقتًا طويلًا. حاول مرة أخرى.',
  'login.error.okand': 'لا نجد لدينا أي معلومات عنك. هل تقدّمت بطلب للحصول على المساعدة المالية؟ تواصل مع الخدمات الاجتماعية في بلديتك.',
  'login.error.other': 'حدث خطأ أثناء تسجيل الدخول. حاول مرة أخرى.',

  'start.title': 'صفحاتي',
  'start.greeting': 'مرحبًا {name}!',
  'start.intro': 'هنا ترى ملفاتك وآخر القرارات والمدفوعات الخاصة بك.',
  'start.loading': 'جارٍ جلب معلوماتك …',
  'start.error': 'لم نتمكن من جلب معلوماتك الآن. حاول مرة أخرى بعد قليل.',
  'start.retry': 'حاول مرة أخرى',
  'start.noCases': 'ليس لديك ملف لدينا الآن.',
  'start.casesHeading': 'ملفاتك',
  'signedInAs': 'مسجّل الدخول باسم {name}',
  'logout': 'تسجيل الخروج',

  'case.heading': 'الملف {caseNumber}',
  'case.status': 'الحالة',
  'case.worker': 'الموظف المسؤول عن ملفك',
  'case.noWorker': 'لم يُعيَّن لك موظف مسؤول بعد.',

  'decisions.heading': 'آخر القرارات',
  'decisions.caption': 'آخر القرارات الخاصة بك',
  'decisions.none': 'ليس لديك أي قرارات بعد.',
  'decisions.outcome': 'القرار',
  'decisions.period': 'يسري على',
  'decisions.amount': 'المبلغ',
  'decisions.date': 'تاريخ القرار',

  'payments.heading': 'المدفوعات',
  'payments.caption': 'المدفوعات الخاصة بك',
  'payments.none': 'ليس لديك أي مدفوعات بعد.',
  'payments.date': 'التاريخ',
  'payments.amount': 'المبلغ',
  'payments.payee': 'المستلم',
  'payments.status': 'الحالة',

  'status.intake': 'ملف جديد',
  'status.investigation': 'قيد الدراسة',
  'status.active': 'جارٍ',
  'status.monitoring': 'متابعة',
  'status.closed': 'مُغلق',

  'outcome.granted': 'تمت الموافقة',
  'outcome.partlyRefused': 'تمت الموافقة جزئيًا',
  'outcome.refused': 'مرفوض',
  'outcome.dismissed': 'لم يُنظر في الطلب',

  'paymentStatus.planned': 'مُخطَّط لها',
  'paymentStatus.sent': 'مُرسلة',
  'paymentStatus.paid': 'مدفوعة',
  'paymentStatus.stopped': 'موقوفة',

  'payee.client': 'إليك',
  'payee.landlord': 'إلى المؤجّر',
  'payee.other': 'إلى مستلم آخر',

  'notFound.title': 'الصفحة غير موجودة',
  'notFound.text': 'الصفحة التي تبحث عنها غير موجودة. تحقّق من العنوان أو اذهب إلى صفحة البداية.',
  'notFound.link': 'اذهب إلى صفحاتي',
};

export const MESSAGES: Record<Lang, Messages> = { sv, en, ar };

export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en' || value === 'ar';
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = MESSAGES[lang][key] ?? MESSAGES.sv[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Translate a code from the API (status, outcome …); fall back to the API's own (Swedish) label. */
export function translateCode(lang: Lang, prefix: 'status' | 'outcome' | 'paymentStatus' | 'payee', code: string, fallback?: string): string {
  const key = `${prefix}.${code}`;
  if (key in sv) return MESSAGES[lang][key as MessageKey];
  return fallback ?? code;
}
