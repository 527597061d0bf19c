import { describe, expect, it } from 'vitest';
import { RegistrationClock, RegistrationKeeper, registerOkExpires, watchWake } from './registration';
import { FakeTimers } from './faketimers';

describe('RegistrationClock', () => {
  it('is due for a refresh at half the granted time and expired after it', () => {
    const c = new RegistrationClock();
    expect(c.check(0)).toBe('unregistered');
    c.registered(600, 1000);
    expect(c.refreshInMs(1000)).toBe(300_000);
    expect(c.check(300_999)).toBe('ok');
    expect(c.check(301_000)).toBe('refresh');
    expect(c.check(601_000)).toBe('expired');
    c.registered(0, 2000); // un-REGISTER answered
    expect(c.check(2000)).toBe('unregistered');
  });
});

const ok = (contacts: string, extra = '') =>
  `SIP/2.0 200 OK\r\nVia: SIP/2.0/WSS x.invalid;branch=z9hG4bK1\r\nCSeq: 3 REGISTER\r\n${contacts}${extra}Content-Length: 0\r\n\r\n`;

describe('registerOkExpires', () => {
  it('reads the expires granted to our contact among the user\'s contacts', () => {
    const m = ok('Contact: <sip:other@h;transport=ws>;expires=3600, <sip:k3x9@y.invalid;transport=ws>;expires=120;+sip.instance="<urn:uuid:1>"\r\n');
    expect(registerOkExpires(m, 'k3x9', 600)).toBe(120);
    expect(registerOkExpires(ok('m: <sip:k3x9@y.invalid>;expires=90\r\n'), 'k3x9', 600)).toBe(90);
  });
  it('falls back to the Expires header, then to what was asked', () => {
    expect(registerOkExpires(ok('Contact: <sip:k3x9@y.invalid>\r\n', 'Expires: 300\r\n'), 'k3x9', 600)).toBe(300);
    expect(registerOkExpires(ok(''), 'k3x9', 600)).toBe(600);
  });
  it('ignores other responses and requests', () => {
    expect(registerOkExpires(ok('').replace('REGISTER', 'INVITE'), 'k3x9', 600)).toBeNull();
    expect(registerOkExpires(ok('').replace('200 OK', '401 Unauthorized'), 'k3x9', 600)).toBeNull();
    expect(registerOkExpires('INVITE sip:a@b SIP/2.0\r\nCSeq: 1 REGISTER\r\n\r\n', 'k3x9', 600)).toBeNull();
  });
});

function keeper() {
  const timers = new FakeTimers(1_000_000);
  const handlers = new Map<string, (e?: unknown) => void>();
  const ua = {
    connected: true, registers: 0,
    on(ev: string, fn: (e?: unknown) => void) { handlers.set(ev, fn); },
    register() { this.registers++; },
    isConnected() { return this.connected; },
  };
  const calls = { drops: 0, reconnects: 0 };
  const k = new RegistrationKeeper(ua, () => calls.drops++, () => calls.reconnects++, { timers, now: () => timers.now, answerTimeoutMs: 8000 });
  const emit = (ev: string, e?: unknown) => handlers.get(ev)?.(e);
  return { k, ua, timers, calls, emit };
}

describe('RegistrationKeeper', () => {
  it('renews at half the granted time, before expiry, every time', () => {
    const { k, ua, timers } = keeper();
    k.answered(600);
    timers.advance(299_999);
    expect(ua.registers).toBe(0);
    timers.advance(1);
    expect(ua.registers).toBe(1);
    k.answered(600); // the refresh was answered
    timers.advance(300_000);
    expect(ua.registers).toBe(2);
  });

  it('drops the connection when a REGISTER goes unanswered (JsSIP alone would wait 32 s and give up)', () => {
    const { k, timers, calls } = keeper();
    k.answered(600);
    timers.advance(300_000);
    timers.advance(7999);
    expect(calls.drops).toBe(0);
    timers.advance(1);
    expect(calls.drops).toBe(1);
  });

  it('does not drop when the REGISTER is answered in time', () => {
    const { k, timers, calls } = keeper();
    k.answered(600);
    timers.advance(300_000);
    timers.advance(200);
    k.answered(600);
    timers.advance(10_000);
    expect(calls.drops).toBe(0);
  });

  it('re-registers at once on wake-up after a sleep that outlived the registration', () => {
    const { k, ua, timers } = keeper();
    k.answered(600);
    timers.sleep(700_000); // the refresh timer has not run yet (delayed by the sleep)
    k.wake(false);
    expect(ua.registers).toBe(1);
  });

  it('on wake-up: nothing when fresh, a REGISTER when slept, a reconnect when the socket is down', () => {
    const { k, ua, timers, calls } = keeper();
    k.answered(600);
    timers.sleep(60_000);
    k.wake(false);
    expect(ua.registers).toBe(0);
    k.wake(true);
    expect(ua.registers).toBe(1);
    ua.connected = false;
    k.wake(false);
    expect(calls.reconnects).toBe(1);
  });

  it('forgets the registration when the transport closes; a timed-out REGISTER drops the connection', () => {
    const { k, ua, timers, calls, emit } = keeper();
    k.answered(600);
    emit('disconnected');
    timers.advance(400_000);
    expect(ua.registers).toBe(0); // no refresh over a closed socket: JsSIP registers on reconnect
    expect(k.clock.check(timers.now)).toBe('unregistered');
    emit('registrationFailed', { response: null, cause: 'Request Timeout' });
    expect(calls.drops).toBe(1);
    emit('registrationFailed', { response: { status_code: 403 } });
    expect(calls.drops).toBe(1);
  });

  it('renews from JsSIP\'s own expiring event only when due', () => {
    const { k, ua, timers, emit } = keeper();
    k.answered(600);
    emit('registrationExpiring');
    expect(ua.registers).toBe(0);
    timers.sleep(400_000);
    emit('registrationExpiring');
    expect(ua.registers).toBe(1);
  });
});

describe('watchWake', () => {
  const doc = () => {
    const l = new Map<string, () => void>();
    return {
      visibilityState: 'visible',
      addEventListener: (t: string, fn: () => void) => l.set(t, fn),
      removeEventListener: (t: string) => l.delete(t),
      fire: (t: string) => l.get(t)?.(),
      count: () => l.size,
    };
  };

  it('reports a page that becomes visible or resumes, and timers that ran late', () => {
    const d = doc();
    let now = 0;
    let tick: () => void = () => {};
    const wakes: boolean[] = [];
    const stop = watchWake(s => wakes.push(s), {
      doc: d as never, now: () => now, intervalMs: 10_000, gapMs: 90_000,
      timers: { setInterval: fn => { tick = fn; return 1; }, clearInterval: () => { tick = () => {}; } },
    });
    d.visibilityState = 'hidden';
    d.fire('visibilitychange');
    expect(wakes).toEqual([]);
    d.visibilityState = 'visible';
    d.fire('visibilitychange');
    d.fire('resume');
    now += 10_000; tick();
    now += 70_000; tick(); // a throttled background tab: once a minute, not a sleep
    expect(wakes).toEqual([false, false]);
    now += 3_600_000; tick(); // slept an hour
    expect(wakes).toEqual([false, false, true]);
    stop();
    expect(d.count()).toBe(0);
  });
});
