import type { MessageCatalogue } from '../message-template.js';

// The short forms keep to the GSM 7-bit alphabet (é, è, à are in it; ç, ê, ô are not), so an
// SMS in French costs single-byte segments. Hence "code de confirmation" rather than "code de
// clôture", in both forms so the reporter meets one name.

/** What a reporter is told in French. */
export const fr: MessageCatalogue = {
  received: {
    long: [
      'Merci. Nous avons bien reçu votre signalement, qui va être transmis au service compétent.\n',
      'Numéro de signalement : {number}',
      { when: 'dueAt', text: '\nNous visons une résolution d’ici le {dueAt}.' },
      '\nConservez ce numéro pour toute question sur votre signalement.',
      { when: 'trackingUrl', text: '\nSuivez son avancement : {trackingUrl}' },
    ],
    short: [
      'Votre signalement {number} a bien été enregistré.',
      { when: 'dueAt', text: " Résolution prévue d'ici le {dueAt}." },
      { when: 'trackingUrl', text: ' Suivi : {trackingUrl}' },
    ],
  },
  awaiting_info: {
    long: [
      'Pour poursuivre le traitement de votre signalement {number}, nous avons besoin d’informations complémentaires.',
      { when: 'question', text: '\n{question}' },
      '\nMerci de répondre à ce message en nous les indiquant. Le traitement reprendra dès leur réception.',
      { when: 'trackingUrl', text: '\nVous pouvez aussi les ajouter ici : {trackingUrl}' },
    ],
    short: [
      "Il nous faut plus d'informations sur votre signalement {number}.",
      { when: 'question', text: '\n{question}' },
      '\nMerci de répondre à ce message.',
      { when: 'trackingUrl', text: ' Ou ajoutez-les ici : {trackingUrl}' },
    ],
  },
  resolved: {
    long: [
      'Votre signalement {number} a été traité. Merci de votre patience.\nCode de confirmation : {closureCode}\n',
      'Si le problème est réglé, répondez à ce message avec ce code, ou communiquez-le à notre agent s’il vous le demande, afin que nous clôturions le signalement. ',
      'S’il ne l’est pas, dites-le-nous et nous le rouvrirons.',
      { when: 'trackingUrl', text: '\nDétails : {trackingUrl}' },
    ],
    short: [
      'Votre signalement {number} a été traité. Code de confirmation : {closureCode}\n',
      'Répondez avec ce code pour confirmer, ou dites-nous si le problème persiste.',
      { when: 'trackingUrl', text: '\n{trackingUrl}' },
    ],
  },
  closed: {
    long: [
      {
        select: 'closedHow',
        cases: {
          confirmed:
            'Votre signalement {number} est clôturé, puisque vous avez confirmé que le problème est réglé. Merci de nous aider à servir la ville et ses visiteurs.',
          unconfirmed:
            'Votre signalement {number} a été clôturé après traitement, faute de confirmation de votre part dans le délai prévu. ' +
            'Si le problème persiste, merci de faire un nouveau signalement.',
        },
      },
    ],
    short: [
      {
        select: 'closedHow',
        cases: {
          confirmed: 'Votre signalement {number} est clos. Merci pour votre confirmation.',
          unconfirmed:
            'Votre signalement {number} a été clos après traitement, sans confirmation de votre part. Si le problème persiste, signalez-le à nouveau.',
        },
      },
    ],
  },
  reopened: {
    long: [
      'Votre signalement {number} a été rouvert : nous poursuivons le travail jusqu’à ce que le problème soit réglé. ',
      'Vous recevrez un nouveau code de confirmation une fois le problème traité.',
      { when: 'trackingUrl', text: '\nSuivez son avancement : {trackingUrl}' },
    ],
    short: [
      'Votre signalement {number} a été rouvert et reste en cours. Vous recevrez un nouveau code de confirmation.',
      { when: 'trackingUrl', text: ' Suivi : {trackingUrl}' },
    ],
  },
  duplicate_linked: {
    long: [
      'Votre signalement {number} porte sur un problème déjà signalé sous le numéro {masterNumber} : nous les avons regroupés. ',
      'Nous vous préviendrons dès qu’il sera réglé ; inutile de le signaler à nouveau.',
      { when: 'trackingUrl', text: '\nSuivez son avancement : {trackingUrl}' },
    ],
    short: [
      'Votre signalement {number} concerne un problème déjà signalé ({masterNumber}) : nous les avons regroupés. Nous vous préviendrons une fois réglé.',
      { when: 'trackingUrl', text: ' Suivi : {trackingUrl}' },
    ],
  },
};
