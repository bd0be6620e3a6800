// Arabic first; English on request (remembered in localStorage).
const strings = {
  ar: {
    brand: 'مرصد', 'nav.search': 'بحث', 'nav.stories': 'القصص', 'nav.timeline': 'الخط الزمني',
    'nav.dyads': 'شبكة الدول', 'nav.analyze': 'حلّل نصًا', lang: 'English',
    query: 'ابحث في الأخبار…', source: 'المصدر', since: 'من', until: 'إلى', actor: 'الفاعل',
    search: 'ابحث', results: 'نتيجة', none: 'لا نتائج', more: 'المزيد', story: 'القصة',
    articles: 'مقالات', outlets: 'مصادر', original: 'النص الأصلي', record: 'السجل',
    legend: 'المفتاح', date: 'تاريخ', entity: 'كيان', event: 'حدث', quote: 'اقتباس', removed: 'مكرر محذوف',
    by: 'حسب', root: 'رمز CAMEO الجذري', quad: 'الفئة الرباعية', goldstein: 'متوسط غولدستين',
    mentions: 'إشارات', level: 'المستوى', country: 'دول', actors: 'فاعلون', min: 'أدنى عدد',
    show: 'اعرض', analyze: 'حلّل', token: 'رمز الكتابة', published: 'تاريخ النشر',
    paste: 'الصق نص المقال هنا…', events: 'الأحداث', entities: 'الكيانات', dates: 'التواريخ', quotes: 'الاقتباسات',
    q1: 'تعاون لفظي', q2: 'تعاون مادي', q3: 'نزاع لفظي', q4: 'نزاع مادي', q0: 'غير محدد',
    loading: 'جارٍ التحميل…', error: 'خطأ', speaker: 'المتحدث', title: 'العنوان', storiesTitle: 'قصص رواها أكثر من مصدر',
    articleCount: 'عدد المقالات', firstSeen: 'أول ظهور',
  },
  en: {
    brand: 'marsad', 'nav.search': 'Search', 'nav.stories': 'Stories', 'nav.timeline': 'Timeline',
    'nav.dyads': 'Country network', 'nav.analyze': 'Analyze a text', lang: 'عربي',
    query: 'Search the news…', source: 'Outlet', since: 'From', until: 'To', actor: 'Actor',
    search: 'Search', results: 'results', none: 'No results', more: 'More', story: 'Story',
    articles: 'articles', outlets: 'outlets', original: 'Original text', record: 'Record',
    legend: 'Legend', date: 'date', entity: 'entity', event: 'event', quote: 'quote', removed: 'removed duplicate',
    by: 'By', root: 'CAMEO root code', quad: 'QuadClass', goldstein: 'mean Goldstein',
    mentions: 'mentions', level: 'Level', country: 'countries', actors: 'actors', min: 'At least',
    show: 'Show', analyze: 'Analyze', token: 'Write token', published: 'Published',
    paste: 'Paste an article here…', events: 'Events', entities: 'Entities', dates: 'Dates', quotes: 'Quotes',
    q1: 'verbal cooperation', q2: 'material cooperation', q3: 'verbal conflict', q4: 'material conflict', q0: 'unknown',
    loading: 'Loading…', error: 'Error', speaker: 'speaker', title: 'Title', storiesTitle: 'Stories told by several articles',
    articleCount: 'articles', firstSeen: 'first seen',
  },
};

let lang = (typeof localStorage !== 'undefined' && localStorage.getItem('marsad.lang')) || 'ar';

export function t(key) { return (strings[lang] && strings[lang][key]) || strings.ar[key] || key; }
export function current() { return lang; }

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'ar';
  try { localStorage.setItem('marsad.lang', lang); } catch (_) { /* private mode */ }
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  const button = document.getElementById('lang');
  if (button) {
    button.textContent = t('lang');
    button.lang = lang === 'ar' ? 'en' : 'ar';
  }
}
