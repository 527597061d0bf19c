// Fixes applied to SIP messages before JsSIP parses them.

/** Splits a comma-joined Via header ("Via: SIP/2.0/WS a;branch=1,SIP/2.0/WS b;branch=2", as
 *  the platform's proxy sends it) into one Via line per hop. JsSIP takes the transaction key
 *  (via_branch) from the LAST value of the first Via line, so a CANCEL (or an ACK for a
 *  non-2xx) forwarded by the proxy found no transaction and the callee kept ringing (481). */
export function splitViaHeaders(raw: string): string {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  if (!/,\s*SIP\s*\/\s*2\.0\s*\//i.test(head)) return raw;
  const lines = head.split('\r\n').flatMap(line => {
    const m = /^(via|v)\s*:\s*(.*)$/i.exec(line);
    if (!m) return [line];
    return m[2].split(/\s*,\s*(?=SIP\s*\/\s*2\.0\s*\/)/i).map(v => `${m[1]}: ${v}`);
  });
  return lines.join('\r\n') + (end < 0 ? '' : raw.slice(end));
}
