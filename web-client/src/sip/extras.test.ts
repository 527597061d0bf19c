import { describe, expect, it, vi } from 'vitest';
import { Store } from '../state/store';
import { Extras } from './extras';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('blind transfer', () => {
  it('sends the REFER first and holds only once it is accepted', () => {
    const phone: any = { store: new Store(), domain: 'vm', settings: () => ({}), error: vi.fn() };
    const order: string[] = [];
    let handlers: any = null;
    const ctl: any = {
      session: { refer: (uri: string, o: any) => { order.push(`REFER ${uri}`); handlers = o.eventHandlers; } },
      setHold: (on: boolean) => { order.push(`hold ${on}`); return true; },
      transferEvent: vi.fn(),
    };
    new Extras(phone).blindTransfer(ctl, 'carol');
    expect(order).toEqual(['REFER sip:carol@vm']);
    handlers.requestSucceeded();
    expect(order).toEqual(['REFER sip:carol@vm', 'hold true']);
    expect(ctl.transferEvent).toHaveBeenCalledWith({ type: 'start' });
  });
});
