package org.switchboard.bench;

/** Entry point: {@code java -jar switchboard-bench.jar register|calls|ping [options]}. */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: java -jar switchboard-bench.jar <register|calls|ping> [options]",
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
            "  --expires S           REGISTER Expires (3600); --hold MS call hold before BYE (0)",
            "  --ring MS             callee: time between its 180 and its 200 (0)",
            "  --max-fail-pct P      exit 2 when failures >= P % or < 95 % of the rate was reached (0.1)",
            "  ping: --interval MS between OPTIONS (20), --wait T give up after (180s)");

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
