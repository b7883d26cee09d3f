package netlab.grader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import netlab.exercise.Check;
import netlab.exercise.CheckReport;
import netlab.exercise.IntroExercises;
import netlab.exercise.TcpExercises;
import netlab.exercise.TftpExercises;
import netlab.exercise.UdpExercises;
import org.junit.jupiter.api.Test;

/**
 * Reference answers of chapters 0–2 (the same as the teacher notebooks' solutions) pass every public and hidden
 * case, and answers with the classic slips fail a hidden case. All traffic stays on 127.0.0.1.
 */
class ChapterHiddenCasesTest {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    static void assertPasses(String id, Object answer) {
        CheckReport r = Check.grade(id, answer, TIMEOUT);
        assertTrue(r.allPassed(), r.toString());
    }

    @Test
    void chapterZeroAndOneReferenceAnswersPass() {
        assertPasses("intro.greet", (IntroExercises.Greet) n -> "Hello, " + n + "!");
        assertPasses("net.port-kind", (UdpExercises.PortKind) p -> p <= 1023 ? "well-known" : p <= 49151 ? "registered" : "dynamic");
        assertPasses("subnet.host-count", (UdpExercises.HostCount) p -> p == 32 ? 1 : p == 31 ? 2 : (1L << (32 - p)) - 2);
        assertPasses("udp.send", (UdpExercises.SendText) (text, port) -> {
            try (DatagramSocket s = new DatagramSocket()) {
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
            }
        });
        assertPasses("udp.receive", (UdpExercises.ReceiveText) s -> new String(receive(s).getData(), 0,
                lastLength, StandardCharsets.UTF_8));
        assertPasses("udp.echo-server", (UdpExercises.EchoServer) (s, n) -> {
            for (int i = 0; i < n; i++) {
                DatagramPacket p = receive(s);
                s.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
            }
        });
        assertPasses("udp.chat-room", (UdpExercises.ChatRoom) (s, n) -> {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                DatagramPacket p = receive(s);
                lines.add(p.getAddress().getHostAddress() + ":" + p.getPort() + " says "
                        + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            }
            return lines;
        });
        assertPasses("udp.full-duplex", (UdpExercises.FullDuplex) (s, peer, out, n) -> {
            List<String> got = Collections.synchronizedList(new ArrayList<>());
            Thread r = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < n; i++) {
                        DatagramPacket p = receive(s);
                        got.add(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (String line : out) {
                byte[] b = line.getBytes(StandardCharsets.UTF_8);
                s.send(new DatagramPacket(b, b.length, peer));
            }
            r.join();
            return List.copyOf(got);
        });
    }

    @Test
    void chapterTwoReferenceAnswersPass() {
        assertPasses("tftp.rrq", (TftpExercises.Rrq) ChapterHiddenCasesTest::rrq);
        assertPasses("tftp.ack", (TftpExercises.Ack) b -> ByteBuffer.allocate(4).putShort((short) 4).putShort((short) b).array());
        assertPasses("tftp.describe", (TftpExercises.Describe) ChapterHiddenCasesTest::describe);
        assertPasses("tftp.ack-loop", (TftpExercises.AckLoop) ChapterHiddenCasesTest::receiveFile);
        assertPasses("tftp.download", (TftpExercises.Download) ChapterHiddenCasesTest::download);
        assertPasses("udp.broadcast", (TcpExercises.Broadcast) (text, port) -> {
            try (DatagramSocket s = new DatagramSocket()) {
                s.setBroadcast(true);
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                s.send(new DatagramPacket(b, b.length, InetAddress.getByName("127.255.255.255"), port));
            }
        });
        assertPasses("tcp.server", (TcpExercises.Server) server -> {
            try (Socket c = server.accept()) {
                String line = reader(c).readLine();
                c.getOutputStream().write(("thank you: " + line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        assertPasses("tcp.client", (TcpExercises.Client) (host, port, line) -> {
            try (Socket s = new Socket(host, port)) {
                s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
                return reader(s).readLine();
            }
        });
        assertPasses("tcp.chat", (TcpExercises.Chat) (host, port, lines) -> {
            List<String> answers = new ArrayList<>();
            try (Socket s = new Socket(host, port)) {
                BufferedReader in = reader(s);
                for (String line : lines) {
                    if (line.isEmpty()) {
                        break;
                    }
                    s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    answers.add(in.readLine());
                }
            }
            return answers;
        });
    }

    @Test
    void classicSlipsPassThePublicCasesButFailHiddenOnes() {
        // a signed short: fine for small blocks, wrong above 32767
        TftpExercises.Describe signed = p -> {
            String d = describe(p);
            short n = ByteBuffer.wrap(p, 2, 2).getShort();
            return d.replaceFirst("^(DATA|ACK|ERROR) \\d+", "$1 " + n);
        };
        assertTrue(Check.evaluate("tftp.describe", signed).allPassed());
        assertFalse(Check.grade("tftp.describe", signed, TIMEOUT).allPassed());
        // an off-by-one at each range's last port
        UdpExercises.PortKind seed = p -> p < 1023 ? "well-known" : p < 49151 ? "registered" : "dynamic";
        assertTrue(Check.evaluate("net.port-kind", seed).allPassed());
        assertFalse(Check.grade("net.port-kind", seed, TIMEOUT).allPassed());
        // "size - 2" for every prefix
        UdpExercises.HostCount minusTwo = p -> (1L << (32 - p)) - 2;
        assertTrue(Check.evaluate("subnet.host-count", minusTwo).allPassed());
        assertFalse(Check.grade("subnet.host-count", minusTwo, TIMEOUT).allPassed());
        // sends the empty line too
        TcpExercises.Chat noStop = (host, port, lines) -> {
            List<String> answers = new ArrayList<>();
            try (Socket s = new Socket(host, port)) {
                BufferedReader in = reader(s);
                for (String line : lines.subList(0, lines.indexOf(""))) {
                    s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    answers.add(in.readLine());
                }
                if (lines.indexOf("") == 0) {
                    s.getOutputStream().write("\n".getBytes(StandardCharsets.UTF_8));
                    answers.add(in.readLine());
                }
            }
            return answers;
        };
        assertTrue(Check.evaluate("tcp.chat", noStop).allPassed());
        assertFalse(Check.grade("tcp.chat", noStop, TIMEOUT).allPassed());
    }

    static int lastLength;

    static DatagramPacket receive(DatagramSocket s) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
        s.receive(p);
        lastLength = p.getLength();
        return p;
    }

    static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    static byte[] rrq(String name, String mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(1);
        out.writeBytes((name + "\0" + mode + "\0").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static String describe(byte[] p) {
        int opcode = ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
        int n = ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
        return switch (opcode) {
            case 3 -> "DATA " + n + " (" + (p.length - 4) + " bytes)";
            case 4 -> "ACK " + n;
            case 5 -> "ERROR " + n + ": " + new String(p, 4, p.length - 5, StandardCharsets.US_ASCII);
            default -> throw new IllegalArgumentException("opcode " + opcode);
        };
    }

    static byte[] receiveFile(DatagramSocket socket) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        int expected = 1;
        while (true) {
            DatagramPacket p = new DatagramPacket(new byte[516], 516);
            socket.receive(p);
            byte[] d = p.getData();
            int block = ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
            socket.send(new DatagramPacket(new byte[] {0, 4, d[2], d[3]}, 4, p.getSocketAddress()));
            if (block == expected) {
                file.write(d, 4, p.getLength() - 4);
                expected++;
                if (p.getLength() < 516) {
                    return file.toByteArray();
                }
            }
        }
    }

    static byte[] download(String host, int port, String filename) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(100);
            byte[] last = rrq(filename, "octet");
            SocketAddress peer = new InetSocketAddress(host, port);
            boolean tidKnown = false;
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            int expected = 1;
            int silences = 0;
            socket.send(new DatagramPacket(last, last.length, peer));
            while (true) {
                DatagramPacket p = new DatagramPacket(new byte[516], 516);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    if (++silences > 30) {
                        throw new IOException("the server stopped answering");
                    }
                    socket.send(new DatagramPacket(last, last.length, peer));
                    continue;
                }
                if (tidKnown && !p.getSocketAddress().equals(peer)) {
                    continue;
                }
                byte[] d = p.getData();
                if (d[1] != 3) {
                    continue;
                }
                int block = ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
                peer = p.getSocketAddress();
                tidKnown = true;
                silences = 0;
                last = new byte[] {0, 4, d[2], d[3]};
                socket.send(new DatagramPacket(last, last.length, peer));
                if (block == expected) {
                    file.write(d, 4, p.getLength() - 4);
                    expected = (expected + 1) & 0xFFFF;
                    if (p.getLength() < 516) {
                        return file.toByteArray();
                    }
                }
            }
        }
    }
}
