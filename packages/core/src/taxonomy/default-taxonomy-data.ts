import type { Calendar, SlaPolicy } from '../schemas/calendar.js';
import { coreLanguages } from '../schemas/language.js';
import type { CategoryGroup, Department, TaxonomyDefinition } from '../schemas/taxonomy.js';
import { defaultBusinessCalendar } from '../sla/default-business-calendar.js';
import { defaultCategories } from './default-taxonomy-categories.js';

/*
 * The data of the default taxonomy, modelled on a Makkah-like municipality. Names exist in the
 * six core languages (ar, en, ur, hi, id, ms) and, for departments, groups and categories, in
 * Bengali, Turkish, French and Persian too. Categories are in default-taxonomy-categories.ts.
 */

/** Field teams on shift around the clock: clocks never stop. */
const aroundTheClock: Calendar = { kind: 'always', code: 'always' };

/**
 * Saudi government working hours: Sunday to Thursday, 08:00–16:00 Riyadh time, 10:00–15:00
 * in Ramadan, closed for the Eids, Founding Day and the National Day.
 */
const businessHours: Calendar = defaultBusinessCalendar;

const hour = 60;
/** One working day of the business calendar: eight hours. */
const workingDay = 8 * hour;

/**
 * One SLA policy per priority.
 *
 * - `urgent` (sewage overflowing in a street): a team is on it within an hour and it is fixed
 *   within 6 hours, day or night.
 * - `high` (dark streets, full bins, food safety, water leaks): assigned within 2 hours, fixed
 *   within 24 hours, day or night — as cleanliness and lighting teams work during the Hajj.
 * - `normal` (potholes, pests, encroachments): assigned within 4 working hours, fixed within 3
 *   working days.
 * - `low` (visual distortion, abandoned cars, which need a notice period): assigned within a
 *   working day, fixed within 10 working days.
 */
const slaPolicies: SlaPolicy[] = [
  { code: 'urgent', responseMinutes: hour, resolutionMinutes: 6 * hour, calendar: aroundTheClock },
  {
    code: 'high',
    responseMinutes: 2 * hour,
    resolutionMinutes: 24 * hour,
    calendar: aroundTheClock,
  },
  {
    code: 'normal',
    responseMinutes: 4 * hour,
    resolutionMinutes: 3 * workingDay,
    calendar: businessHours,
  },
  {
    code: 'low',
    responseMinutes: workingDay,
    resolutionMinutes: 10 * workingDay,
    calendar: businessHours,
  },
];

const departments: Department[] = [
  {
    code: 'cleanliness',
    name: {
      ar: 'إدارة النظافة',
      en: 'Cleanliness Department',
      ur: 'شعبۂ صفائی',
      hi: 'स्वच्छता विभाग',
      id: 'Dinas Kebersihan',
      ms: 'Jabatan Kebersihan',
      bn: 'পরিচ্ছন্নতা বিভাগ',
      tr: 'Temizlik İşleri Müdürlüğü',
      fr: 'Service de la propreté',
      fa: 'اداره نظافت',
    },
  },
  {
    code: 'lighting',
    name: {
      ar: 'إدارة الإنارة',
      en: 'Street Lighting Department',
      ur: 'شعبۂ اسٹریٹ لائٹس',
      hi: 'स्ट्रीट लाइट विभाग',
      id: 'Dinas Penerangan Jalan Umum',
      ms: 'Jabatan Lampu Jalan',
      bn: 'সড়কবাতি বিভাগ',
      tr: 'Aydınlatma Müdürlüğü',
      fr: "Service de l'éclairage public",
      fa: 'اداره روشنایی معابر',
    },
  },
  {
    code: 'public_health',
    name: {
      ar: 'إدارة صحة البيئة',
      en: 'Environmental Health Department',
      ur: 'شعبۂ ماحولیاتی صحت',
      hi: 'पर्यावरण स्वास्थ्य विभाग',
      id: 'Dinas Kesehatan Lingkungan',
      ms: 'Jabatan Kesihatan Persekitaran',
      bn: 'পরিবেশ স্বাস্থ্য বিভাগ',
      tr: 'Çevre Sağlığı Müdürlüğü',
      fr: 'Service de la santé environnementale',
      fa: 'اداره بهداشت محیط',
    },
  },
  {
    code: 'urban_appearance',
    name: {
      ar: 'إدارة المشهد الحضري',
      en: 'Urban Landscape Department',
      ur: 'شعبۂ شہری خوبصورتی',
      hi: 'शहरी सौंदर्यीकरण विभाग',
      id: 'Dinas Pertamanan dan Keindahan Kota',
      ms: 'Jabatan Landskap dan Keindahan Bandar',
      bn: 'নগর সৌন্দর্য বিভাগ',
      tr: 'Kent Estetiği Müdürlüğü',
      fr: 'Service du paysage urbain',
      fa: 'اداره سیما و منظر شهری',
    },
  },
  {
    code: 'roads',
    name: {
      ar: 'إدارة صيانة الطرق',
      en: 'Roads Maintenance Department',
      ur: 'شعبۂ مرمتِ سڑک',
      hi: 'सड़क रखरखाव विभाग',
      id: 'Dinas Pemeliharaan Jalan',
      ms: 'Jabatan Penyelenggaraan Jalan',
      bn: 'সড়ক রক্ষণাবেক্ষণ বিভাগ',
      tr: 'Yol Bakım ve Onarım Müdürlüğü',
      fr: "Service de l'entretien de la voirie",
      fa: 'اداره نگهداری معابر',
    },
  },
  {
    code: 'water',
    name: {
      ar: 'إدارة المياه والصرف الصحي',
      en: 'Water and Sewage Department',
      ur: 'شعبۂ آب و نکاسیِ آب',
      hi: 'जल एवं सीवरेज विभाग',
      id: 'Dinas Air Minum dan Air Limbah',
      ms: 'Jabatan Bekalan Air dan Pembetungan',
      bn: 'পানি ও পয়ঃনিষ্কাশন বিভাগ',
      tr: 'Su ve Kanalizasyon Müdürlüğü',
      fr: "Service de l'eau et de l'assainissement",
      fa: 'اداره آب و فاضلاب',
    },
  },
  {
    code: 'vehicles',
    name: {
      ar: 'إدارة المركبات والنقل',
      en: 'Vehicles and Traffic Department',
      ur: 'شعبۂ گاڑیاں و ٹریفک',
      hi: 'वाहन एवं यातायात विभाग',
      id: 'Dinas Perhubungan',
      ms: 'Jabatan Kenderaan dan Lalu Lintas',
      bn: 'যানবাহন ও ট্রাফিক বিভাগ',
      tr: 'Araç ve Trafik Müdürlüğü',
      fr: 'Service des véhicules et de la circulation',
      fa: 'اداره خودرو و ترافیک',
    },
  },
  {
    code: 'land_management',
    name: {
      ar: 'إدارة الأراضي والممتلكات',
      en: 'Land and Property Department',
      ur: 'شعبۂ اراضی و املاک',
      hi: 'भूमि एवं संपत्ति विभाग',
      id: 'Dinas Pertanahan dan Aset',
      ms: 'Jabatan Tanah dan Harta',
      bn: 'ভূমি ও সম্পত্তি বিভাগ',
      tr: 'Emlak ve İstimlak Müdürlüğü',
      fr: 'Service du foncier et du domaine public',
      fa: 'اداره املاک و اراضی',
    },
  },
  {
    code: 'veterinary',
    name: {
      ar: 'إدارة الخدمات البيطرية',
      en: 'Veterinary Services Department',
      ur: 'شعبۂ ویٹرنری خدمات',
      hi: 'पशु चिकित्सा सेवा विभाग',
      id: 'Dinas Kesehatan Hewan',
      ms: 'Jabatan Perkhidmatan Veterinar',
      bn: 'প্রাণিসম্পদ ও পশুচিকিৎসা বিভাগ',
      tr: 'Veteriner İşleri Müdürlüğü',
      fr: 'Services vétérinaires',
      fa: 'اداره دامپزشکی',
    },
  },
  {
    code: 'buildings',
    name: {
      ar: 'إدارة الرقابة على المباني',
      en: 'Building Control Department',
      ur: 'شعبۂ نگرانیِ تعمیرات',
      hi: 'भवन नियंत्रण विभाग',
      id: 'Dinas Pengawasan Bangunan',
      ms: 'Jabatan Kawalan Bangunan',
      bn: 'ভবন নিয়ন্ত্রণ বিভাগ',
      tr: 'Yapı Kontrol Müdürlüğü',
      fr: 'Service du contrôle des constructions',
      fa: 'اداره نظارت بر ساختمان',
    },
  },
];

const groups: CategoryGroup[] = [
  {
    code: 'cleanliness',
    name: {
      ar: 'النظافة',
      en: 'Cleanliness',
      ur: 'صفائی',
      hi: 'सफ़ाई',
      id: 'Kebersihan',
      ms: 'Kebersihan',
      bn: 'পরিচ্ছন্নতা',
      tr: 'Temizlik',
      fr: 'Propreté',
      fa: 'نظافت',
    },
  },
  {
    code: 'lighting_and_roads',
    name: {
      ar: 'الإنارة والطرق',
      en: 'Lighting and roads',
      ur: 'روشنی اور سڑکیں',
      hi: 'रोशनी और सड़कें',
      id: 'Penerangan dan jalan',
      ms: 'Lampu dan jalan',
      bn: 'আলো ও সড়ক',
      tr: 'Aydınlatma ve yollar',
      fr: 'Éclairage et voirie',
      fa: 'روشنایی و معابر',
    },
  },
  {
    code: 'public_health',
    name: {
      ar: 'الصحة العامة',
      en: 'Public health',
      ur: 'صحتِ عامہ',
      hi: 'जन स्वास्थ्य',
      id: 'Kesehatan masyarakat',
      ms: 'Kesihatan awam',
      bn: 'জনস্বাস্থ্য',
      tr: 'Halk sağlığı',
      fr: 'Santé publique',
      fa: 'بهداشت عمومی',
    },
  },
  {
    code: 'urban_appearance',
    name: {
      ar: 'المشهد الحضري',
      en: 'Urban appearance',
      ur: 'شہری منظر',
      hi: 'शहरी सौंदर्य',
      id: 'Keindahan kota',
      ms: 'Keindahan bandar',
      bn: 'নগরের সৌন্দর্য',
      tr: 'Kent görünümü',
      fr: 'Paysage urbain',
      fa: 'سیمای شهری',
    },
  },
  {
    code: 'water_and_sewage',
    name: {
      ar: 'المياه والصرف الصحي',
      en: 'Water and sewage',
      ur: 'پانی اور سیوریج',
      hi: 'पानी और सीवर',
      id: 'Air dan saluran pembuangan',
      ms: 'Air dan pembetungan',
      bn: 'পানি ও পয়ঃনিষ্কাশন',
      tr: 'Su ve kanalizasyon',
      fr: 'Eau et assainissement',
      fa: 'آب و فاضلاب',
    },
  },
  {
    code: 'vehicles',
    name: {
      ar: 'المركبات',
      en: 'Vehicles',
      ur: 'گاڑیاں',
      hi: 'वाहन',
      id: 'Kendaraan',
      ms: 'Kenderaan',
      bn: 'যানবাহন',
      tr: 'Araçlar',
      fr: 'Véhicules',
      fa: 'خودروها',
    },
  },
  {
    code: 'encroachments',
    name: {
      ar: 'التعديات',
      en: 'Encroachments',
      ur: 'تجاوزات',
      hi: 'अतिक्रमण',
      id: 'Penyerobotan lahan',
      ms: 'Pencerobohan',
      bn: 'অবৈধ দখল',
      tr: 'İşgaller',
      fr: 'Empiètements',
      fa: 'تجاوزات',
    },
  },
  {
    code: 'animals',
    name: {
      ar: 'الحيوانات',
      en: 'Animals',
      ur: 'جانور',
      hi: 'जानवर',
      id: 'Hewan',
      ms: 'Haiwan',
      bn: 'প্রাণী',
      tr: 'Hayvanlar',
      fr: 'Animaux',
      fa: 'حیوانات',
    },
  },
  {
    code: 'buildings',
    name: {
      ar: 'المباني',
      en: 'Buildings',
      ur: 'عمارتیں',
      hi: 'इमारतें',
      id: 'Bangunan',
      ms: 'Bangunan',
      bn: 'ভবন',
      tr: 'Binalar',
      fr: 'Bâtiments',
      fa: 'ساختمان‌ها',
    },
  },
];

/**
 * The definition of `defaultTaxonomy`: a Makkah-like municipality's departments, SLA policies,
 * groups and categories.
 *
 * @internal
 */
export const defaultTaxonomyDefinition: TaxonomyDefinition = {
  languages: [...coreLanguages],
  defaultLanguage: 'ar',
  departments,
  slaPolicies,
  groups,
  categories: defaultCategories,
};
