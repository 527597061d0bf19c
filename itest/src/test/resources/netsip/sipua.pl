#!/usr/bin/perl
# A scriptable SIP user agent on Net::SIP (libnet-sip-perl), independent of the platform's
# SIP stack. The integration tests start one process per device, steer it through stdin and
# read what happened from stdout, one event per line:
#
#   LISTENING <ip>:<port>           the UDP socket it registers as its contact
#   REGISTERED <expires> | REGISTER-FAILED <code>
#   INVITE <call-id> | CANCEL <call-id> | ACK <call-id> | BYE <call-id> | ANSWERED <call-id>
#   MESSAGE <call-id> <body, CR/LF escaped>
#   CALL-PROGRESS <code> | CALL-OK <code> | CALL-FAILED <code> | BYE-RESULT <code>
#   MESSAGE-RESULT <code>
#
# Commands on stdin: answer | reject <code> | call <uri> | bye | message <uri> <text> |
# register [expires] | quit.  EOF on stdin ends the process, so it never outlives the test.
#
# Usage: sipua.pl --proxy 127.0.0.1:5060 --domain 127.0.0.1 --user bob --password pw
#                 [--auto-answer]
use strict;
use warnings;
use Getopt::Long;
use IO::Socket::INET;
use Net::SIP;
use Net::SIP::Util qw(invoke_callback);

$| = 1;
my ($proxy, $domain, $user, $password, $auto_answer, $expires) = (undef, '127.0.0.1', undef, undef, 0, 300);
GetOptions(
    'proxy=s' => \$proxy, 'domain=s' => \$domain, 'user=s' => \$user,
    'password=s' => \$password, 'auto-answer' => \$auto_answer, 'expires=i' => \$expires,
) or die "bad options\n";
die "--proxy and --user are required\n" unless $proxy && $user;

my $sock = IO::Socket::INET->new(Proto => 'udp', LocalAddr => '127.0.0.1', LocalPort => 0)
    or die "cannot bind: $!\n";
my $local = '127.0.0.1:' . $sock->sockport;
my $contact = "<sip:$user\@$local>";
my $aor = "sip:$user\@$domain";

my $ua = Net::SIP::Simple->new(
    legs => [$sock],
    outgoing_proxy => $proxy,
    registrar => $proxy,
    from => $aor,
    contact => $contact,
    auth => [$user, $password],
);
my $endpoint = $ua->{endpoint};

sub event { print join(' ', @_), "\n" }
sub escape { my $s = shift // ''; $s =~ s/\r/\\r/g; $s =~ s/\n/\\n/g; return $s }

sub sdp {
    my $port = 20000 + 2 * int(rand(10000));
    return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        . "m=audio $port RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
}

# the pending incoming INVITE: [ctx, request, leg, from]
my $pending;

sub answer {
    my $p = $pending or return event('NO-PENDING-INVITE');
    my ($ctx, $req, $leg, $from) = @$p;
    my $resp = $req->create_response(200, 'OK',
        { contact => $contact, 'content-type' => 'application/sdp' }, sdp());
    $endpoint->new_response($ctx, $resp, $leg, $from);
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
        return event('NO-CALL') unless $call;
        # on the endpoint rather than Simple::Call->bye, whose callback does not get the code
        $endpoint->new_request('BYE', $call->{ctx}, sub {
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
