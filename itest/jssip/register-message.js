// Two JsSIP user agents register over SIP-over-WebSocket and one sends the other a MESSAGE.
// Usage: node register-message.js <ws(s)-url> <domain> <user1> <pw1> <user2> <pw2>
// Exit 0 when both registered, the MESSAGE arrived and its sender got a 2xx.
global.WebSocket = require('ws');
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // the platform's generated self-signed certificate
const JsSIP = require('jssip');
const [url, domain, u1, p1, u2, p2] = process.argv.slice(2);
const make = (user, password) => new JsSIP.UA({
  sockets: [new JsSIP.WebSocketInterface(url)], uri: `sip:${user}@${domain}`, password, register: true
});
const a = make(u1, p1), b = make(u2, p2);
let registered = 0, received = false;
b.on('newMessage', e => {
  if (e.originator === 'remote') { console.log(`RECEIVED ${e.request.body}`); received = true; }
});
for (const [name, ua] of [[u1, a], [u2, b]]) {
  ua.on('registered', () => {
    console.log(`REGISTERED ${name}`);
    if (++registered === 2) {
      a.sendMessage(`sip:${u2}@${domain}`, 'hello from JsSIP', { eventHandlers: {
        succeeded: () => { console.log('MESSAGE-OK'); setTimeout(() => process.exit(received ? 0 : 3), 500); },
        failed: e => { console.log(`MESSAGE-FAILED ${e.cause}`); process.exit(4); } } });
    }
  });
  ua.on('registrationFailed', e => {
    console.log(`REGISTRATION-FAILED ${name} ${e.cause} ${e.response ? e.response.status_code : ''}`);
    process.exit(2);
  });
  ua.start();
}
setTimeout(() => { console.log('TIMEOUT'); process.exit(5); }, 15000);
