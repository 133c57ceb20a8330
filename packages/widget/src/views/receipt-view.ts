import { type ElementChild, createElement as h } from '../create-element.js';
import { WidgetMessage as M, type WidgetStringValues } from '../strings/widget-strings.js';
import type { WidgetContext } from '../widget-context.js';
import { actionButton } from './action-button.js';

/**
 * What the reporter sees once the report is sent: the thanks, the report number, the tracking
 * link and the ways to its status and to a new report; or, when the report waits for the
 * network (`queued`), that it will be sent.
 */
export function receiptView(c: WidgetContext, t: WidgetStringValues): ElementChild[] {
  const receipt = c.view_ === 'receipt' && c.receipt_;
  const again = actionButton('again', t[M.open], { class: 'primary' });
  const done = h(
    'p',
    { id: 'done', tabindex: -1, autofocus: true },
    t[receipt ? M.thanks : M.queued],
  );
  return receipt
    ? [
        h(
          'div',
          { part: 'receipt' },
          done,
          h(
            'p',
            null,
            t[M.number],
            h('br'),
            h('span', { id: 'number', part: 'number', dir: 'ltr' }, receipt.number),
          ),
          h(
            'div',
            { class: 'row' },
            receipt.trackingUrl &&
              h(
                'a',
                { href: receipt.trackingUrl, target: '_blank', rel: 'noopener', part: 'link' },
                t[M.track],
              ),
            actionButton('check', t[M.check]),
            again,
          ),
        ),
      ]
    : [done, again];
}
