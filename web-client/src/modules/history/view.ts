// Call history list with call-back buttons.
import { userPart } from '../../state/calls';
import type { HistoryEntry } from '../../state/history';
import { h, icon } from '../../ui/dom';

const OUTCOME: Record<string, string> = {
  answered: 'Answered', missed: 'Missed', rejected: 'Rejected', cancelled: 'Cancelled', failed: 'Failed', busy: 'Busy',
};

export class HistoryView {
  readonly el: HTMLElement;
  private list = h('ul', { class: 'history-list' });
  private empty = h('p', { class: 'hint', text: 'No calls yet.' });
  private last: HistoryEntry[] | null = null;

  constructor(private callBack: (peer: string, video: boolean) => void, onClear: () => void) {
    this.el = h('section', { class: 'history', 'aria-label': 'Call history', hidden: true },
      h('div', { class: 'section-head' }, h('h2', { text: 'History' }),
        h('button', { type: 'button', class: 'btn ghost small', text: 'Clear history', onclick: onClear })),
      this.empty, this.list);
  }

  render(items: HistoryEntry[]): void {
    if (items === this.last) return;
    this.last = items;
    this.empty.hidden = items.length > 0;
    this.list.replaceChildren(...items.map(e => {
      const when = new Date(e.startedAt);
      const who = e.peerName || userPart(e.peer);
      return h('li', { class: `history-entry o-${e.outcome}`, 'data-testid': 'history-entry', 'data-peer': e.peer,
        'data-direction': e.direction, 'data-outcome': e.outcome },
        h('span', { class: 'dir', 'aria-hidden': 'true', text: e.direction === 'incoming' ? '↘' : '↗' }),
        h('span', { class: 'who' }, h('span', { class: 'name', text: who }),
          h('span', { class: 'status', text: `${OUTCOME[e.outcome] ?? e.outcome}${e.video ? ' · video' : ''} · ${when.toLocaleString()}` })),
        h('span', { class: 'actions' },
          h('button', { type: 'button', class: 'btn ghost small', 'aria-label': 'Call back with audio', title: `Call ${who}`, onclick: () => this.callBack(e.peer, false) }, icon('phone')),
          h('button', { type: 'button', class: 'btn ghost small', 'aria-label': 'Call back with video', title: `Video call ${who}`, onclick: () => this.callBack(e.peer, true) }, icon('video'))));
    }));
  }
}
