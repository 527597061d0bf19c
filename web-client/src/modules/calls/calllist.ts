// The call list: one row per call with status, hold, transfer and quality indicators.
import { holdState, userPart, type CallInfo, type CallList } from '../../state/calls';
import { fmtDuration, h, setAttr, setText } from '../../ui/dom';

export function statusText(c: CallInfo): string {
  if (c.transfer === 'progress') return 'Transferring…';
  if (c.transfer === 'success') return 'Transferred';
  if (c.transfer === 'failure' && c.status === 'connected') return 'Transfer failed';
  switch (c.status) {
    case 'incoming': return 'Incoming call';
    case 'calling': return c.redirectedTo ? `Redirected to ${userPart(c.redirectedTo)}` : 'Calling…';
    case 'ringing': return c.earlyMedia ? 'Early media' : 'Ringing…';
    case 'connected': {
      const hs = holdState(c);
      if (hs === 'both') return 'On hold (both)';
      if (hs === 'local') return 'On hold';
      if (hs === 'remote') return 'Held by remote';
      return c.conference ? 'In conference' : 'Connected';
    }
    case 'ended': return c.reason ? `Ended (${c.reason})` : 'Ended';
    case 'error': return `Failed${c.reason ? `: ${c.reason}` : ''}`;
  }
}

export function statusIcon(c: CallInfo): string {
  if (c.transfer !== 'none' && c.transfer !== 'failure') return c.transfer === 'success' ? '✔' : '⇄';
  if (c.status === 'connected') {
    const hs = holdState(c);
    if (hs !== 'none') return hs === 'remote' ? '⏸︎' : '⏸';
    return '●';
  }
  return { incoming: '↘', calling: '↗', ringing: '♪', ended: '■', error: '✖' }[c.status] ?? '';
}

export const timerOf = (c: CallInfo, now: number): string =>
  fmtDuration((c.endedAt ?? now) - (c.answeredAt ?? c.startedAt));

export class CallListView {
  readonly el = h('ul', { class: 'call-list', 'aria-label': 'Calls' });
  private rows = new Map<string, HTMLLIElement>();

  constructor(private onFocus: (id: string) => void) {}

  render(list: CallList, now = Date.now()): void {
    const ids = new Set(list.calls.map(c => c.id));
    for (const [id, row] of this.rows) if (!ids.has(id)) { row.remove(); this.rows.delete(id); }
    for (const c of list.calls) {
      let row = this.rows.get(c.id);
      if (!row) {
        // The row's button is named "Show <user>" so that its name never contains a control's
        // name (e.g. "On hold" would match the "Hold" button in a substring match).
        row = h('li', { class: 'call-item', 'data-testid': 'call', 'data-call-id': c.id },
          h('button', { type: 'button', class: 'call-focus', onclick: () => this.onFocus(c.id) },
            h('span', { class: 'st-icon', 'aria-hidden': 'true' }),
            h('span', { class: 'who', 'aria-hidden': 'true' }, h('span', { class: 'name' }), h('span', { class: 'status' })),
            h('span', { class: 'meta', 'aria-hidden': 'true' }, h('span', { class: 'timer' }), h('span', { class: 'q-dot' }))));
        this.rows.set(c.id, row);
        this.el.append(row);
      }
      const set = (k: string, v: string) => setAttr(row!, `data-${k}`, v);
      set('status', c.status);
      set('hold', holdState(c));
      set('muted', String(c.muted));
      set('transfer', c.transfer);
      set('focused', String(list.focusedId === c.id));
      set('quality', c.quality);
      set('remote', c.remote);
      set('direction', c.direction);
      set('conference', String(c.conference));
      setAttr(row.querySelector('.call-focus')!, 'aria-label', `Show ${c.remoteName || userPart(c.remote)}`);
      setAttr(row, 'title', statusText(c));
      setText(row.querySelector('.st-icon')!, statusIcon(c));
      setText(row.querySelector('.name')!, c.remoteName || userPart(c.remote));
      setText(row.querySelector('.status')!, statusText(c) + (c.muted ? ' · muted' : ''));
      setText(row.querySelector('.timer')!, timerOf(c, now));
      const dot = row.querySelector('.q-dot')!;
      setAttr(dot, 'title', `Voice quality: ${c.quality}`);
      setAttr(dot, 'class', `q-dot q-${c.quality}`);
    }
  }

  tick(list: CallList, now = Date.now()): void {
    for (const c of list.calls) {
      const t = this.rows.get(c.id)?.querySelector('.timer');
      if (t) setText(t, timerOf(c, now));
    }
  }
}
