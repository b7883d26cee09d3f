package netlab.tftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * What loopback carries for Java at all: a sender thread and a receiver moving datagrams of a TFTP block's
 * size in windows, one 4-byte answer per window, on blocking {@link DatagramChannel}s, with no file, no
 * protocol and no timeout. No TFTP client in Java can be faster on the same machine at the same moment, so
 * {@link TftpBench} prints each windowed transfer as a share of it: the ratio to lockstep 512 swings with the
 * machine's load (a busy CPU answers a lockstep packet sooner), the share of this ceiling much less.
 */
final class LoopbackCeiling {

    private LoopbackCeiling() {
    }

    /**
     * Moves {@code bytes} in datagrams of {@code datagram} bytes (header included, as TFTP's 4 + blksize),
     * {@code window} at a time, and returns a description for the benchmark's "agreed" column.
     */
    static String transfer(long bytes, int datagram, int window) throws Exception {
        long count = bytes / (datagram - 4) + 1;   // TFTP's last block is the short one, possibly empty
        try (DatagramChannel sender = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             DatagramChannel receiver = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            SocketAddress to = receiver.getLocalAddress();
            SocketAddress back = sender.getLocalAddress();
            Thread sending = Thread.ofPlatform().name("ceiling-sender").start(() -> {
                ByteBuffer data = ByteBuffer.allocate(datagram);
                ByteBuffer answer = ByteBuffer.allocate(4);
                try {
                    for (long sent = 0; sent < count; ) {
                        for (int i = 0; i < window && sent < count; i++, sent++) {
                            sender.send(data.clear(), to);
                        }
                        sender.receive(answer.clear());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // no timeouts on blocking channels: should a datagram be lost, closing them ends the run with an exception
            Thread watchdog = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(60_000);
                    sender.close();
                    receiver.close();
                } catch (InterruptedException | IOException e) {
                    // finished in time
                }
            });
            ByteBuffer in = ByteBuffer.allocate(datagram + 1);
            ByteBuffer answer = ByteBuffer.allocate(4);
            for (long received = 1; received <= count; received++) {
                receiver.receive(in.clear());
                if (received % window == 0 || received == count) {
                    receiver.send(answer.clear(), back);
                }
            }
            sending.join();
            watchdog.interrupt();
        }
        return "datagram " + datagram + ", window " + window;
    }
}
