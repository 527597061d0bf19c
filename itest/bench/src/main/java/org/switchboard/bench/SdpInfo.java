package org.switchboard.bench;

import java.net.InetSocketAddress;

/** What the bench needs from an SDP body: the audio address, its profile and an SDES key. */
record SdpInfo(InetSocketAddress address, String profile, String inlineKey, int cryptoTag) {
    /** Null when there is no audio m-line with a port. */
    static SdpInfo parse(String sdp) {
        if (sdp == null) {
            return null;
        }
        String host = null;
        String mediaHost = null;
        int port = -1;
        String profile = null;
        String key = null;
        int tag = 1;
        boolean audio = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("c=IN IP4 ")) {
                String h = line.substring(9).split("[ /]")[0];
                if (audio) {
                    mediaHost = h;
                } else {
                    host = h;
                }
            } else if (line.startsWith("m=")) {
                audio = line.startsWith("m=audio ") && port < 0;
                if (audio) {
                    String[] f = line.substring(2).split(" ");
                    port = Integer.parseInt(f[1].split("/")[0]);
                    profile = f[2];
                }
            } else if (audio && line.startsWith("a=crypto:") && key == null) {
                String[] f = line.substring(9).split("\\s+");
                if (f.length >= 3 && RtpLeg.SUITE.equals(f[1]) && f[2].startsWith("inline:")) {
                    key = f[2].substring(7).split("\\|")[0];
                    tag = Integer.parseInt(f[0]);
                }
            }
        }
        String h = mediaHost != null ? mediaHost : host;
        if (port <= 0 || h == null) {
            return null;
        }
        if ("0.0.0.0".equals(h)) {
            h = "127.0.0.1";
        }
        return new SdpInfo(Sip.hostPort(h + ":" + port), profile, key, tag);
    }
}
