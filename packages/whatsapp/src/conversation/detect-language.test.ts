import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['الإنارة مطفية في شارع إبراهيم الخليل', 'ar'],
    ['السلام عليكم', 'ar'],
    ['مخيم ٤٢ منى، النظافة سيئة جداً', 'ar'],
    ['سڑک پر کچرا پڑا ہے', 'ur'],
    ['السلام علیکم، بتی خراب ہے', 'ur'],
    ['گلی میں پانی', 'ur'],
    ['सड़क की बत्ती बंद है', 'hi'],
    ['नमस्ते', 'hi'],
    ['lampu jalan rusak di dekat tenda', 'id'],
    ['Pak, sampah banyak banget di sini', 'id'],
    ['lampu jalan rosak, tolong baiki', 'ms'],
    ['Encik, longkang tersumbat dekat kedai', 'ms'],
    ['The street light is not working', 'en'],
    ['hello', 'en'],
  ] as const)('reads %j as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('reads a tie between Indonesian and Malay as Indonesian', () => {
    expect(detectLanguage('sampah di jalan')).toBe('id');
  });

  it('tells Urdu from Arabic by the letters only Urdu uses', () => {
    expect(detectLanguage('كهرباء')).toBe('ar');
    expect(detectLanguage('بجلی')).toBe('ur');
  });

  it('answers nothing for digits, emoji and unknown words', () => {
    expect(detectLanguage('1448-000123-7')).toBeUndefined();
    expect(detectLanguage('👍🙏')).toBeUndefined();
    expect(detectLanguage('xyzzy plugh')).toBeUndefined();
    expect(detectLanguage('')).toBeUndefined();
  });
});
