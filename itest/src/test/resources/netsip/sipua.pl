#!/usr/bin/perl
# A scriptable SIP user agent on Net::SIP (libnet-sip-perl), independent of the platform's
# SIP stack. The integration tests start one process per device, steer it through stdin and
# read what happened from stdout, one event per line:
#
#   LISTENING <ip>:<port>           the socket it registers as its contact (UDP, or the
#                                   TCP/TLS listener with --transport tcp|tls)
#   REGISTERED <expires> | REGISTER-FAILED <code>
#   INVITE <call-id> | CANCEL <call-id> | ACK <call-id> | BYE <call-id> | ANSWERED <call-id>
#   MESSAGE <call-id> <body, CR/LF escaped>
#   CALL-PROGRESS <code> | CALL-OK <code> | CALL-FAILED <code> | BYE-RESULT <code>
#   MESSAGE-RESULT <code>
#   PUBLISH-RESULT <code>
#   SUBSCRIBE-RESULT <code> <expires>  a final answer to subscribe/unsubscribe (expires: its Expires)
#   NOTIFY <event> <subscription-state> <body, CR/LF escaped>   a NOTIFY in the subscription (answered 200)
#   RECV <proto> <peer ip>:<peer port> <method|code CSeq-method> <call-id>   with --trace:
#                                   every SIP message received, and where it came from
#
# Commands on stdin: answer | reject <code> | call <uri> | bye | message <uri> <text> |
# register [expires] | subscribe <uri> <event> [expires] | unsubscribe |
# publish <uri> <event> <text> | quit.  bye hangs up the call placed with 'call', or else the call
# answered last.  EOF on stdin ends the process, so it never outlives the test.
#
# Usage: sipua.pl --proxy 127.0.0.1:5060 --domain 127.0.0.1 --user bob --password pw
#                 [--auto-answer] [--transport udp|tcp|tls] [--trace]
#
# --transport tcp|tls: REGISTER and every request go to the proxy over TCP / TLS (the proxy
# address is then the server's TCP or TLS port); the contact is a TCP / TLS listener
# (transport=tcp / transport=tls). TLS needs IO::Socket::SSL (libio-socket-ssl-perl); the
# server's certificate is not verified, and the listener uses a throw-away self-signed one.
use strict;
use warnings;
use Getopt::Long;
use IO::Socket::INET;
use Net::SIP;
use Net::SIP::Util qw(invoke_callback);

$| = 1;
my ($proxy, $domain, $user, $password, $auto_answer, $expires, $transport, $trace)
    = (undef, '127.0.0.1', undef, undef, 0, 300, 'udp', 0);
GetOptions(
    'proxy=s' => \$proxy, 'domain=s' => \$domain, 'user=s' => \$user,
    'password=s' => \$password, 'auto-answer' => \$auto_answer, 'expires=i' => \$expires,
    'transport=s' => \$transport, 'trace' => \$trace,
) or die "bad options\n";
die "--proxy and --user are required\n" unless $proxy && $user;
$transport = lc $transport;
die "--transport must be udp, tcp or tls\n" unless $transport =~ /^(udp|tcp|tls)$/;

my ($leg, $local, $contact, $proxy_uri);
if ($transport eq 'udp') {
    my $sock = IO::Socket::INET->new(Proto => 'udp', LocalAddr => '127.0.0.1', LocalPort => 0)
        or die "cannot bind: $!\n";
    $leg = $sock;
    $local = '127.0.0.1:' . $sock->sockport;
    $contact = "<sip:$user\@$local>";
    $proxy_uri = $proxy;
} else {
    my %tls;
    if ($transport eq 'tls') {
        require IO::Socket::SSL;
        require IO::Socket::SSL::Utils;
        # a listener needs a certificate of its own; the proxy does not check it
        my ($cert, $key) = IO::Socket::SSL::Utils::CERT_create(
            CA => 1, subject => { commonName => '127.0.0.1' });
        %tls = (tls => {
            SSL_cert => $cert, SSL_key => $key,
            SSL_verify_mode => IO::Socket::SSL::SSL_VERIFY_NONE(),
            SSL_verifycn_scheme => undef,
        });
    }
    # our own listener: given port 0, Net::SIP::Leg would try 5060, 5062... first
    my $listener = IO::Socket::INET->new(Proto => 'tcp', LocalAddr => '127.0.0.1', LocalPort => 0,
        Listen => 100, ReuseAddr => 1) or die "cannot listen: $!\n";
    $leg = Net::SIP::Leg->new(proto => $transport, sock => $listener, %tls);
    $local = '127.0.0.1:' . $listener->sockport;
    $contact = "<sip:$user\@$local;transport=$transport>";
    # no ;transport= here: Net::SIP would then write the Request-URI of REGISTER as <sip:...>
    # (no answer over TCP); the only leg is the TCP/TLS one anyway. TLS needs sips: to find it.
    $proxy_uri = ($transport eq 'tls' ? 'sips' : 'sip') . ":$proxy";
}
my $aor = "sip:$user\@$domain";

my $ua = Net::SIP::Simple->new(
    legs => [$leg],
    outgoing_proxy => $proxy_uri,
    registrar => $proxy_uri,
    from => $aor,
    contact => $contact,
    auth => [$user, $password],
);
my $endpoint = $ua->{endpoint};

sub event { print join(' ', @_), "\n" }

if ($trace) {
    # every message as it arrives on a leg, before Net::SIP handles it
    no warnings 'redefine';
    my $receive = \&Net::SIP::Leg::receive;
    *Net::SIP::Leg::receive = sub {
        my ($leg, $packet, $from) = @_;
        my $what = $packet->is_response
            ? $packet->code . ' ' . (split ' ', scalar $packet->get_header('cseq'))[1]
            : $packet->method;
        event('RECV', $from->{proto} // '?', ($from->{addr} // '?') . ':' . ($from->{port} // '?'), $what,
            scalar $packet->get_header('call-id'));
        return $receive->(@_);
    };
}
sub escape { my $s = shift // ''; $s =~ s/\r/\\r/g; $s =~ s/\n/\\n/g; return $s }

sub sdp {
    my $port = 20000 + 2 * int(rand(10000));
    return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        . "m=audio $port RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
}

# the pending incoming INVITE: [ctx, request, leg, from]
my $pending;
# the context of the call answered last, for 'bye' on the called side
my $answered;

sub answer {
    my $p = $pending or return event('NO-PENDING-INVITE');
    my ($ctx, $req, $leg, $from) = @$p;
    my $resp = $req->create_response(200, 'OK',
        { contact => $contact, 'content-type' => 'application/sdp' }, sdp());
    $endpoint->new_response($ctx, $resp, $leg, $from);
    # in-dialog requests from here go to the caller's Contact (Net::SIP only learns it from
    # responses), through the Record-Route set it already took from the INVITE
    if (my $remote = $req->get_header('contact')) {
        $remote = $1 if $remote =~ m{<([^>]+)>};
        $ctx->{remote_contact} = $remote;
    }
    $answered = $ctx;
    event('ANSWERED', scalar $req->get_header('call-id'));
    undef $pending;
}

# Requests that open a new context: INVITE, MESSAGE, OPTIONS... (CANCEL and BYE of known
# contexts arrive here too, after Net::SIP already answered them)
$endpoint->set_application(sub {
    my ($ep, $ctx, $req, $leg, $from) = @_;
    my $method = $req->method;
    my $callid = $req->get_header('call-id');
    if ($method eq 'INVITE') {
        event('INVITE', $callid);
        $pending = [$ctx, $req, $leg, $from];
        $ep->new_response($ctx, $req->create_response(180, 'Ringing', { contact => $contact }), $leg, $from);
        answer() if $auto_answer;
    } elsif ($method eq 'ACK' || $method eq 'CANCEL' || $method eq 'BYE') {
        event($method, $callid);
        undef $pending if $method eq 'CANCEL' && $pending && $pending->[1]->get_header('call-id') eq $callid;
    } elsif ($method eq 'MESSAGE') {
        event('MESSAGE', $callid, escape(($req->as_parts)[3]));
        $ep->new_response($ctx, $req->create_response(200, 'OK'), $leg, $from);
        $ep->close_context($ctx);
    } elsif ($method eq 'NOTIFY') {
        # Net::SIP closes the SUBSCRIBE's context once it is answered: its NOTIFYs come here
        notify_event($req);
        $ep->new_response($ctx, $req->create_response(200, 'OK'), $leg, $from);
        $ep->close_context($ctx);
    } elsif ($method eq 'OPTIONS') {
        $ep->new_response($ctx, $req->create_response(200, 'OK'), $leg, $from);
        $ep->close_context($ctx);
    } else {
        event('UNEXPECTED', $method, $callid);
        $ep->new_response($ctx, $req->create_response(501, 'Not Implemented'), $leg, $from);
        $ep->close_context($ctx);
    }
});

sub register {
    my $exp = shift // $expires;
    $ua->register(expires => $exp, cb_final => sub {
        my ($status, %info) = @_;
        if ($status eq 'OK') { event('REGISTERED', $exp) }
        else { event('REGISTER-FAILED', $info{code} // 'timeout') }
    });
}

# the subscription placed with 'subscribe': its context, and its event package
my ($subscription, $subscription_event);

sub notify_event {
    my $req = shift;
    event('NOTIFY', scalar $req->get_header('event'), scalar $req->get_header('subscription-state'),
        escape(($req->as_parts)[3]));
}

# Answers to our SUBSCRIBE, and the NOTIFYs of its dialog (Net::SIP hands both to the context)
sub on_subscription {
    my ($ep, $ctx, $errno, $code, $packet, $leg, $from) = @_;
    if ($packet && $packet->is_request) {
        notify_event($packet);
        $ep->new_response($ctx, $packet->create_response(200, 'OK'), $leg, $from);
        return;
    }
    return if $code && $code =~ /^1/;
    if ($code && $code =~ /^2/) {
        # the dialog: the notifier's tag and Contact (Net::SIP learns them only for INVITE)
        $ctx->{to} = $packet->get_header('to');
        my $remote = $packet->get_header('contact');
        $remote = $1 if $remote && $remote =~ m{<([^>]+)>};
        $ctx->{remote_contact} = $remote if $remote;
    }
    event('SUBSCRIBE-RESULT', $code // "error-$errno", ($packet ? scalar $packet->get_header('expires') : undef) // '-');
}

my $call;
my %commands = (
    answer => sub { answer() },
    reject => sub {
        my $code = shift || 486;
        my $p = $pending or return event('NO-PENDING-INVITE');
        my ($ctx, $req, $leg, $from) = @$p;
        $endpoint->new_response($ctx, $req->create_response($code), $leg, $from);
        undef $pending;
    },
    call => sub {
        my $uri = shift;
        $call = $ua->invite($uri,
            cb_preliminary => sub { my (undef, $code) = @_; event('CALL-PROGRESS', $code) },
            cb_final => sub {
                my ($status, undef, %info) = @_;
                if ($status eq 'OK') { event('CALL-OK', $info{packet} ? $info{packet}->code : 200) }
                else { event('CALL-FAILED', $info{code} // 'timeout') }
            },
            recv_bye => sub { event('BYE', 'remote') },
        );
    },
    bye => sub {
        my $ctx = $call ? $call->{ctx} : $answered;
        return event('NO-CALL') unless $ctx;
        # on the endpoint rather than Simple::Call->bye, whose callback does not get the code
        $endpoint->new_request('BYE', $ctx, sub {
            my ($ep, $ctx, $errno, $code) = @_;
            return if $code && $code =~ /^1/;
            event('BYE-RESULT', $code || "error-$errno");
        });
    },
    message => sub {
        my ($uri, @text) = @_;
        $endpoint->new_request('MESSAGE',
            { from => $aor, to => $uri, auth => [$user, $password] },
            sub {
                my ($ep, $ctx, $errno, $code, $packet) = @_;
                event('MESSAGE-RESULT', $code // "error-$errno");
            },
            join(' ', @text),
            uri => $uri, 'content-type' => 'text/plain',
        );
    },
    subscribe => sub {
        my ($uri, $event, $exp) = @_;
        $subscription = $endpoint->new_request('SUBSCRIBE',
            { from => $aor, to => $uri, auth => [$user, $password], contact => $contact },
            \&on_subscription, undef, uri => $uri, event => $event, expires => $exp // 600, contact => $contact);
        $subscription_event = $event;
    },
    unsubscribe => sub {
        return event('NO-SUBSCRIPTION') unless $subscription;
        # Net::SIP dropped the context when the SUBSCRIBE was answered: manage it again for this answer
        $endpoint->{ctx}{$subscription->callid} = $subscription;
        $endpoint->new_request('SUBSCRIBE', $subscription, \&on_subscription, undef,
            event => $subscription_event, expires => 0, contact => $contact);
    },
    publish => sub {
        my ($uri, $event, @text) = @_;
        $endpoint->new_request('PUBLISH',
            { from => $aor, to => $uri, auth => [$user, $password] },
            sub {
                my ($ep, $ctx, $errno, $code) = @_;
                return if $code && $code =~ /^1/;
                event('PUBLISH-RESULT', $code // "error-$errno");
            },
            join(' ', @text),
            uri => $uri, event => $event, expires => 3600, 'content-type' => 'text/plain',
        );
    },
    register => sub { register(@_) },
    quit => sub { exit 0 },
);

my $inbuf = '';
$ua->{loop}->addFD(\*STDIN, 0, sub {
    my $n = sysread(STDIN, $inbuf, 4096, length $inbuf);
    exit 0 unless $n;    # test gone: stop
    while ($inbuf =~ s/^([^\n]*)\n//) {
        my ($cmd, @args) = split ' ', $1;
        next unless defined $cmd;
        my $handler = $commands{$cmd} or do { event('UNKNOWN-COMMAND', $cmd); next };
        $handler->(@args);
    }
}, 'stdin');

event('LISTENING', $local);
register();
$ua->loop;
