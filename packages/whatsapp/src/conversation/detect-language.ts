import type { WhatsAppLanguage } from '../prompts/whatsapp-languages.js';

/*
 * Letters only Urdu writes among the languages Balagh speaks in the Arabic script: ٹ ڈ ڑ ں ھ ہ
 * ۂ ے ۓ, and the Persian-style ک گ پ چ ژ ی that Arabic writes as ك (or not at all). Persian
 * shares ک گ پ چ ژ ی, but not the retroflex letters, the nun ghunna or the yeh barree.
 */
const urduLetters =
  /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06C2\u06D2\u06D3\u06A9\u06AF\u067E\u0686\u0698\u06CC]/u;
const arabicScript = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const devanagari = /[\u0900-\u097F]/u;
const latinLetter = /[A-Za-z\u00C0-\u024F]/u;

/*
 * Words that tell Indonesian from Malay, and both from English, in the short messages
 * reporters write. Words the two share (jalan, lampu, sampah, tolong) tell nothing and are left
 * out of both lists; they still say "not English" through the shared list.
 */
const indonesianWords = new Set([
  'rusak',
  'kerusakan',
  'mau',
  'bisa',
  'nggak',
  'gak',
  'enggak',
  'tidak',
  'mobil',
  'polisi',
  'kantor',
  'karena',
  'gimana',
  'banget',
  'dong',
  'sih',
  'deh',
  'uang',
  'saja',
  'kamar',
  'selokan',
  'got',
  'toko',
  'warung',
  'benar',
  'sekali',
  'tolongin',
  'bapak',
  'ibu',
  'kak',
  'halo',
  'pak',
  'bu',
  'mohon',
  'laporan',
  'melaporkan',
  'lapor',
  'anda',
  'kamu',
]);
const malayWords = new Set([
  'rosak',
  'kerosakan',
  'mahu',
  'boleh',
  'tak',
  'kereta',
  'polis',
  'pejabat',
  'kerana',
  'wang',
  'sahaja',
  'bilik',
  'longkang',
  'kedai',
  'betul',
  'sangat',
  'nak',
  'hendak',
  'awak',
  'encik',
  'puan',
  'aduan',
  'mengadu',
  'sila',
  'tandas',
  'percuma',
  'macam',
  'jumpa',
  'kat',
  'dah',
]);
const sharedMalayIndonesianWords = new Set([
  'jalan',
  'lampu',
  'sampah',
  'tolong',
  'ada',
  'di',
  'yang',
  'ini',
  'itu',
  'dan',
  'dengan',
  'saya',
  'kami',
  'air',
  'bocor',
  'mati',
  'kotor',
  'bau',
  'busuk',
  'lubang',
  'berlubang',
  'tikus',
  'kucing',
  'anjing',
  'terima',
  'kasih',
  'selamat',
  'pagi',
  'siang',
  'malam',
  'sudah',
  'belum',
  'masih',
  'tempat',
  'dekat',
  'depan',
  'tenda',
  'khemah',
  'restoran',
  'makanan',
  'banyak',
  'tiada',
  'apa',
  'bagaimana',
  'kenapa',
  'mengapa',
  'lagi',
  'sini',
  'sana',
  'batal',
]);
const englishWords = new Set([
  'the',
  'is',
  'a',
  'an',
  'there',
  'street',
  'road',
  'light',
  'lights',
  'not',
  'no',
  'working',
  'broken',
  'garbage',
  'rubbish',
  'trash',
  'please',
  'help',
  'in',
  'of',
  'and',
  'my',
  'report',
  'hello',
  'hi',
  'water',
  'leak',
  'leaking',
  'near',
  'camp',
  'car',
  'dirty',
  'smell',
  'it',
  'this',
  'here',
  'i',
  'want',
  'to',
  'problem',
  'thanks',
  'thank',
  'you',
  'good',
  'morning',
  'status',
  'cancel',
  'fixed',
  'lamp',
  'pothole',
  'sewage',
  'food',
  'restaurant',
  'since',
]);

function latinLanguage(text: string): WhatsAppLanguage | undefined {
  const words = text.toLowerCase().match(/[a-z\u00C0-\u024F]+/gu) ?? [];
  let indonesian = 0;
  let malay = 0;
  let shared = 0;
  let english = 0;
  for (const word of words) {
    if (indonesianWords.has(word)) indonesian += 1;
    if (malayWords.has(word)) malay += 1;
    if (sharedMalayIndonesianWords.has(word)) shared += 1;
    if (englishWords.has(word)) english += 1;
  }
  if (indonesian + malay + shared === 0) return english > 0 ? 'en' : undefined;
  if (english > indonesian + malay + shared) return 'en';
  // Indonesian pilgrims far outnumber Malaysian ones: a tie reads as Indonesian.
  return malay > indonesian ? 'ms' : 'id';
}

/**
 * Guesses the language of a reporter's message from its script and words: Devanagari is
 * Hindi; the Arabic script is Urdu when it has letters only Urdu uses (ٹ ڈ ڑ ں ے ہ ۓ ک گ…),
 * Arabic otherwise; the Latin script is Indonesian, Malay or English by word lists (a tie
 * between Indonesian and Malay reads as Indonesian). The conversation then offers the
 * language list, so a wrong guess costs one tap.
 *
 * @returns `undefined` when nothing tells: digits, emoji, an unknown Latin-script language.
 * @example
 * ```ts
 * detectLanguage('الإنارة مطفية');        // 'ar'
 * detectLanguage('سڑک پر کچرا پڑا ہے');   // 'ur'
 * detectLanguage('lampu jalan rusak');    // 'id'
 * detectLanguage('lampu jalan rosak');    // 'ms'
 * ```
 */
export function detectLanguage(text: string): WhatsAppLanguage | undefined {
  let arabic = 0;
  let hindi = 0;
  let latin = 0;
  let urdu = false;
  for (const character of text) {
    if (devanagari.test(character)) hindi += 1;
    else if (arabicScript.test(character)) {
      arabic += 1;
      if (urduLetters.test(character)) urdu = true;
    } else if (latinLetter.test(character)) latin += 1;
  }
  if (hindi === 0 && arabic === 0 && latin === 0) return undefined;
  if (hindi >= arabic && hindi >= latin) return 'hi';
  if (arabic >= latin) return urdu ? 'ur' : 'ar';
  return latinLanguage(text);
}
