package netlab.kernel.grading;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Hands {@code netlab-grader.jar} to one grading agent, once: a loopback server socket that gives the jar's
 * bytes to the first connection presenting a random token, then closes. The token travels only in the
 * grader's own snippet ({@link #snippet()}), which runs before any student code in that agent; so the jar
 * is never a file the agent can name, and a later or another process cannot fetch it (see
 * {@code netlab.exercise.GraderModule} in the lessons for the whole design).
 */
final class GraderJarOffer implements AutoCloseable {

    private static final int MAX_STRANGERS = 8;
    private static final int TIMEOUT_MILLIS = 30_000;

    private final ServerSocket server;
    private final String token;

    private GraderJarOffer(ServerSocket server, String token) {
        this.server = server;
        this.token = token;
    }

    /** Starts offering {@code jar}; close the offer when the snippet has run. */
    static GraderJarOffer open(byte[] jar) throws IOException {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(TIMEOUT_MILLIS);
        GraderJarOffer offer = new GraderJarOffer(server, HexFormat.of().formatHex(random));
        Thread.ofVirtual().name("netlab-grader-jar-offer").start(() -> offer.serve(jar));
        return offer;
    }

    /** The snippet that loads the hidden cases in the agent: it returns how many exercises have some. */
    String snippet() {
        return "netlab.exercise.Check.loadHiddenCases(" + server.getLocalPort() + ", \"" + token + "\")";
    }

    private void serve(byte[] jar) {
        try (server) {
            for (int i = 0; i < MAX_STRANGERS; i++) {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(TIMEOUT_MILLIS);
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    if (new DataInputStream(s.getInputStream()).readUTF().equals(token)) {
                        out.writeInt(jar.length);
                        out.write(jar);
                        out.flush();
                        return;
                    }
                    out.writeInt(-1);
                } catch (IOException e) {
                    if (server.isClosed()) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // closed: nothing to hand over any more
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
