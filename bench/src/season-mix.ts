import type { Channel, Language, ReportInput } from '@balagh/core';

/** Weights of a Hajj season's reports, after what Makkah's municipality reports of one. */
const categoryWeights: readonly (readonly [string, number])[] = [
  ['street_cleanliness', 26],
  ['overflowing_bins', 14],
  ['street_lighting', 9],
  ['visual_distortion', 4],
  ['abandoned_vehicle', 4],
  ['encroachment', 6],
  ['restaurant_hygiene', 8],
  ['food_storage', 5],
  ['road_damage', 5],
  ['water_leak', 5],
  ['sewage_overflow', 5],
  ['pests', 3],
  ['stray_animals', 2],
  ['dead_animal', 1],
  ['building_violation', 3],
];

const languageWeights: readonly (readonly [Language, number])[] = [
  ['ar', 44],
  ['ur', 14],
  ['en', 12],
  ['id', 10],
  ['hi', 7],
  ['bn', 5],
  ['ms', 4],
  ['tr', 2],
  ['fa', 1],
  ['fr', 1],
];

const channelWeights: readonly (readonly [Channel, number])[] = [
  ['whatsapp', 46],
  ['call_center', 24],
  ['app', 14],
  ['web', 8],
  ['field_officer', 6],
  ['sms', 2],
];

/** Places pilgrims report from: the Haram's gates, Mina's camps, Arafat, Muzdalifah, the Jamarat. */
const places = [
  { lat: 21.4225, lng: 39.8262, landmark: 'King Fahd Gate' },
  { lat: 21.4133, lng: 39.8933, landmark: 'Mina camp 42' },
  { lat: 21.3549, lng: 39.9841, landmark: 'Arafat, Jabal al-Rahmah' },
  { lat: 21.3833, lng: 39.9367, landmark: 'Muzdalifah' },
  { lat: 21.4206, lng: 39.8728, landmark: 'Jamarat bridge, level 2' },
  { lat: 21.4267, lng: 39.8183, landmark: 'Ajyad street' },
];

/** A deterministic pseudo-random source (mulberry32), so every replay sends the same season. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(weights: readonly (readonly [T, number])[], random: () => number): T {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random() * total;
  for (const [value, weight] of weights) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return (weights.at(-1) as readonly [T, number])[0];
}

/**
 * A Hajj season of report inputs: the category, language and channel mix above, a place among
 * the season's landmarks (jittered by up to ~300 m), and a Saudi or pilgrim phone number.
 */
export function seasonReports(count: number, seed = 1447): ReportInput[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const place = places[Math.floor(random() * places.length)] ?? places[0];
    const channel = pick(channelWeights, random);
    const categoryCode = pick(categoryWeights, random);
    return {
      categoryCode,
      // The food categories require the establishment's name.
      ...(categoryCode === 'restaurant_hygiene' || categoryCode === 'food_storage'
        ? { attributes: { establishment_name: `Restaurant ${1 + Math.floor(random() * 400)}` } }
        : {}),
      description: `Season report ${index + 1}: needs attention near ${place?.landmark}.`,
      location: {
        lat: (place?.lat ?? 21.42) + (random() - 0.5) * 0.006,
        lng: (place?.lng ?? 39.82) + (random() - 0.5) * 0.006,
        landmark: place?.landmark ?? 'Makkah',
      },
      reporter: { phone: `+9665${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}` },
      channel,
      language: pick(languageWeights, random),
    } satisfies ReportInput;
  });
}
