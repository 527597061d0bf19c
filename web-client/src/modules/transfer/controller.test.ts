import { describe, expect, it, vi } from 'vitest';
import { PhoneEvents } from '../../sip/events';
import type { ReferHandlers } from '../../sip/jssip';
import { addCall, newCall } from '../../state/calls';
import type { Settings } from '../../state/settings';
import { Store } from '../../state/store';
import { TransferController, type TransferCall, type TransferPhone } from './controller';

function fakes() {
  const store = new Store();
  store.calls(l => addCall(l, { ...newCall('c1', 'outgoing', 'sip:bob@vm', ''), status: 'connected' }));
  const phone: TransferPhone = {
    store, domain: 'vm', settings: () => ({}) as Settings, error: vi.fn(), pcConfig: {},
    expectSession: vi.fn(), events: new PhoneEvents(),
  };
  const order: string[] = [];
  let handlers: ReferHandlers | null = null;
  const ctl = {
    id: 'c1',
    get info() { return store.state.calls.calls.find(c => c.id === 'c1'); },
    session: { refer: (uri: string | null, h: ReferHandlers) => { order.push(`REFER ${uri}`); handlers = h; } },
    setHold: (on: boolean) => { order.push(`hold ${on}`); return true; },
    hangup: vi.fn(),
    silence: vi.fn(),
  } as unknown as TransferCall;
  return { store, phone, ctl, order, handlers: () => handlers! };
}

describe('blind transfer', () => {
  it('sends the REFER first and holds only once it is accepted', () => {
    const { phone, ctl, order, handlers, store } = fakes();
    new TransferController(phone).blindTransfer(ctl, 'carol');
    expect(order).toEqual(['REFER sip:carol@vm']);
    expect(store.state.calls.calls[0].transfer).toBe('progress');
    handlers().requestSucceeded();
    expect(order).toEqual(['REFER sip:carol@vm', 'hold true']);
  });

  it('reports a failed REFER with its reason and resumes the call', () => {
    const { phone, ctl, order, handlers, store } = fakes();
    new TransferController(phone).blindTransfer(ctl, 'carol');
    handlers().requestFailed('403 Forbidden');
    expect(phone.error).toHaveBeenCalledWith('Transfer failed: 403 Forbidden');
    expect(order).toEqual(['REFER sip:carol@vm', 'hold false']);
    expect(store.state.calls.calls[0].transfer).toBe('failure');
  });

  it('refuses an invalid target without a REFER', () => {
    const { phone, ctl, order } = fakes();
    new TransferController(phone).blindTransfer(ctl, 'not a target');
    expect(order).toEqual([]);
    expect(phone.error).toHaveBeenCalled();
  });
});
