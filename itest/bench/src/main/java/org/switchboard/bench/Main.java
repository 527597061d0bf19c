package org.switchboard.bench;

/** Entry point: {@code java -jar switchboard-bench.jar register|calls|ping [options]}. */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: java -jar switchboard-bench.jar <register|calls|bridge|conference|udpcost|ping> [options]",
            "  --server H:P          SIP server, loopback only (127.0.0.1:5060)",
            "  --domain D            SIP domain of the users (host of --server)",
            "  --users FMT           user name format (bench%04d); --first N first index (0)",
            "  --count N             number of users (1000); calls: last --callees N (count/2) are callees",
            "  --password P | --password-file F   one password for all users (bench)",
            "  --rate R              target operations per second (1000)",
            "  --duration T          measured time, e.g. 20 or 20s (20s); --warmup T unmeasured first (2s)",
            "  --concurrency C       max operations in flight (2000; also bounded by idle users)",
            "  --sockets N           UDP sockets, one receiver thread each (2)",
            "  --timeout T           no final answer within T is a failure (4s)",
            "  --keep true           register: leave the bindings at the end (default: unregister)",
            "  --expires S           REGISTER Expires (3600); --hold MS call hold before BYE (0)",
            "  --ring MS             callee: time between its 180 and its 200 (0)",
            "  --max-fail-pct P      exit 2 when failures >= P % or < 95 % of the rate was reached (0.1)",
            "  ping: --interval MS between OPTIONS (20), --wait T give up after (180s)",
            "  bridge/conference (media; users: first half callers, second half callees):",
            "  --calls LIST | --rooms LIST   steps of concurrent bridged calls | of rooms (e.g. 100,200,400)",
            "  --number N            bridge: number of the IVR (*800); conference: first room (8000)",
            "  --dial D              bridge: DTMF sent as SIP INFO after the answer, %04d = callee index (1,7%04d#)",
            "  --party N             participants per room (10); the first talks, the others send silence",
            "  --srtp true|false     caller legs offer SDES-SRTP AES_CM_128_HMAC_SHA1_80 (true)",
            "  --setup-rate R        call setups per second (25); --setup-timeout T (30s); --digit-gap MS (150)",
            "  --settle T            wait after a step's calls are up (5s); --duration T measured per step",
            "  --server-pid PID      sample the server's CPU from /proc/PID (and its threads)",
            "  --max-jitter-ms J     step fails when the p99 RFC 3550 jitter >= J (10); --max-loss-pct P (0.1)",
            "  --senders N / --receivers N   RTP sender wheels / receiver selectors of the bench (1 / 2)",
            "  --stop-on-fail B      stop after the first failing step (true)",
            "  udpcost: CPU per loopback datagram sent/received; --count sockets, --rate datagrams/s, --duration");

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            Options o = Options.parse(args);
            switch (o.mode) {
                case "register": code = RegisterBench.run(o); break;
                case "calls": code = CallBench.run(o); break;
                case "ping": code = Ping.run(o); break;
                case "bridge": code = MediaBench.run(o, true); break;
                case "conference": code = MediaBench.run(o, false); break;
                case "udpcost": code = UdpCost.run(o); break;
                default: throw new IllegalArgumentException("unknown mode " + o.mode);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            code = 64;
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }
}
