package org.switchboard.sip.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client transaction sent over TCP hears that its connection closed (the peer went away),
 * which JAIN-SIP itself never reports; one sent over UDP has no connection to watch.
 */
class ConnectionWatchTest {
    private final AddressFactoryImpl addresses = new AddressFactoryImpl();
    private final HeaderFactoryImpl headers = new HeaderFactoryImpl();
    private final CountDownLatch requests = new CountDownLatch(1);
    private SwitchboardStack stack;

    @BeforeEach
    void start() throws Exception {
        stack = TestStacks.create("connection-watch-test");
    }

    @AfterEach
    void stop() {
        stack.stop();
    }

    @Test
    void theWatcherHearsThatTheClientClosedItsConnection() throws Exception {
        SipProvider provider = provider("TCP");
        try (Socket client = connectedClient(provider)) {
            ClientTransaction ct = overFlowOf(client, provider);
            CountDownLatch closed = new CountDownLatch(1);
            assertNotNull(stack.connections().watch(ct, closed::countDown), "a TCP transaction is on a connection");
            ct.sendRequest();
            assertEquals(1, stack.connections().size());

            client.close();

            assertTrue(closed.await(5, TimeUnit.SECONDS), "the close was reported");
            assertEquals(0, stack.connections().size(), "nothing is kept for a closed connection");
        }
    }

    @Test
    void aStoppedWatchHearsNothing() throws Exception {
        SipProvider provider = provider("TCP");
        try (Socket client = connectedClient(provider)) {
            ClientTransaction ct = overFlowOf(client, provider);
            CountDownLatch closed = new CountDownLatch(1);
            stack.connections().watch(ct, closed::countDown).run();
            assertEquals(0, stack.connections().size());
            ct.sendRequest();

            client.close();

            assertFalse(closed.await(1, TimeUnit.SECONDS), "no callback after the watch stopped");
        }
    }

    /** A client connected to the stack, whose connection the stack has seen a request on. */
    private Socket connectedClient(SipProvider provider) throws Exception {
        Socket client = new Socket(InetAddress.getLoopbackAddress(), provider.getListeningPoint("TCP").getPort());
        int port = client.getLocalPort();
        client.getOutputStream().write(("OPTIONS sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:" + port + ";branch=z9hG4bK-o" + port + "\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:bob@127.0.0.1>;tag=b1\r\nTo: <sip:127.0.0.1>\r\n"
                + "Call-ID: options-" + port + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(requests.await(5, TimeUnit.SECONDS), "the stack read the client's request");
        return client;
    }

    /** A client transaction sent back over the client's own connection (its flow). */
    private ClientTransaction overFlowOf(Socket client, SipProvider provider) throws Exception {
        Request invite = invite(client.getLocalPort(), "tcp");
        return FlowRouter.via(new gov.nist.javax.sip.stack.HopImpl("127.0.0.1", client.getLocalPort(), "TCP"), () -> {
            try {
                return provider.getNewClientTransaction(invite);
            } catch (javax.sip.TransactionUnavailableException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aUdpTransactionHasNoConnection() throws Exception {
        ClientTransaction ct = provider("UDP").getNewClientTransaction(invite(9, "udp"));
        assertNull(stack.connections().watch(ct, () -> { }));
    }

    private SipProvider provider(String transport) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", port, transport);
        SipProvider provider = stack.createSipProvider(lp);
        provider.addSipListener((javax.sip.SipListener) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {javax.sip.SipListener.class}, (proxy, method, args) -> {
                    if ("processRequest".equals(method.getName())) {
                        requests.countDown();
                    }
                    return null;
                }));
        return provider;
    }

    private Request invite(int port, String transport) throws Exception {
        SipURI uri = addresses.createSipURI("bob", "127.0.0.1");
        uri.setPort(port);
        uri.setTransportParam(transport);
        Request invite = new MessageFactoryImpl().createRequest(uri, Request.INVITE, headers.createCallIdHeader("watch-" + port),
                headers.createCSeqHeader(1L, Request.INVITE),
                headers.createFromHeader(addresses.createAddress("sip:alice@127.0.0.1"), "a1"),
                headers.createToHeader(addresses.createAddress("sip:bob@127.0.0.1"), null),
                List.of(headers.createViaHeader("127.0.0.1", 5060, transport, "z9hG4bK-" + System.nanoTime())),
                headers.createMaxForwardsHeader(70));
        invite.addHeader(headers.createContactHeader(addresses.createAddress("sip:alice@127.0.0.1")));
        return invite;
    }
}
