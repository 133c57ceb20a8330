/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet: every character one septet long. Position
 * 0x1B, the escape to the extension table, is left out since it is not a character.
 */
const basicCharacters =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/**
 * The characters of the GSM 03.38 extension table that every handset supports: form feed,
 * `^ { } \ [ ~ ] |` and `€`. Each is sent as an escape plus one septet, so it counts twice.
 */
const extensionCharacters = '\f^{}\\[~]|€';

const basicSet = new Set(basicCharacters);
const extensionSet = new Set(extensionCharacters);

/**
 * How many GSM-7 septets one character takes: 1 for the default alphabet, 2 for the extension
 * table, `undefined` when the character cannot be sent in GSM-7 at all.
 */
export function gsm7Septets(character: string): 1 | 2 | undefined {
  if (basicSet.has(character)) return 1;
  if (extensionSet.has(character)) return 2;
  return undefined;
}
