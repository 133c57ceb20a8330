/** A row of an interactive list: what the reporter taps, and the id WhatsApp sends back. */
export interface ListRow {
  /** Sent back in the `list_reply`; at most 200 characters. */
  readonly id: string;
  /** At most 24 characters. */
  readonly title: string;
  /** At most 72 characters. */
  readonly description?: string;
}

/** A titled group of rows of an interactive list. */
export interface ListSection {
  /** At most 24 characters; required by WhatsApp when a list has more than one section. */
  readonly title?: string;
  readonly rows: readonly ListRow[];
}

/** A reply button: what the reporter taps, and the id WhatsApp sends back. */
export interface ReplyButton {
  /** Sent back in the `button_reply`; at most 256 characters. */
  readonly id: string;
  /** At most 20 characters. */
  readonly title: string;
}

/** A body parameter of a template message: its value, and its name for named-parameter templates. */
export interface TemplateParameter {
  readonly text: string;
  /** Set for templates registered with named parameters (`{{number}}`); leave out for `{{1}}`. */
  readonly name?: string;
}

/**
 * A message Balagh sends over WhatsApp, independent of the Graph API's wire format: plain
 * text, an interactive list, reply buttons, or an approved template. JSON-serialisable, so a
 * conversation step can be stored or logged as it is.
 */
export type OutgoingMessage =
  | { readonly type: 'text'; readonly body: string; readonly previewUrl?: boolean }
  | {
      readonly type: 'list';
      readonly body: string;
      /** Label of the button that opens the list. */
      readonly button: string;
      readonly sections: readonly ListSection[];
      readonly header?: string;
      readonly footer?: string;
    }
  | {
      readonly type: 'buttons';
      readonly body: string;
      readonly buttons: readonly ReplyButton[];
      readonly header?: string;
      readonly footer?: string;
    }
  | {
      readonly type: 'template';
      /** Name of an approved template. */
      readonly name: string;
      /** The template translation's language code: `ar`, `en`, `en_US`, `ur`, `hi`, `id`, `ms`. */
      readonly languageCode: string;
      /** Values of the body's parameters, in order. */
      readonly bodyParameters: readonly TemplateParameter[];
    };
