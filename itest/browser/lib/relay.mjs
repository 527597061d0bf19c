// A TCP relay between a phone and the platform's WebSocket listener, so that a scenario can cut
// the connection the way a network outage does (ws-reconnect and others): every
// relayed connection is destroyed and new ones are refused for a while.
import net from 'node:net';

export function relay(target) {
  const sockets = new Set();
  let refusing = false;
  let accepted = 0;
  const server = net.createServer((down) => {
    if (refusing) {
      down.destroy();
      return;
    }
    accepted++;
    const up = net.connect(target.port, target.hostname);
    for (const s of [down, up]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => {
        sockets.delete(s);
        down.destroy();
        up.destroy();
      });
    }
    down.pipe(up);
    up.pipe(down);
  });
  return {
    listen: () => new Promise((r) => server.listen(0, '127.0.0.1', () => r(server.address().port))),
    cut(ms) {
      refusing = true;
      for (const s of sockets) s.destroy();
      setTimeout(() => { refusing = false; }, ms);
    },
    accepted: () => accepted,
    close: () => server.close(),
  };
}
