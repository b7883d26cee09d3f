/**
 * TFTP (RFC 1350, with the options of RFC 2347-2349 and 7440): a client and a server that interoperate
 * with tftp-hpa and atftp, plus what a lesson needs to watch them work: a packet trace, a progress bar
 * and a relay that loses packets on purpose.
 *
 * <pre>{@code
 * TftpServer server = Tftp.server(Path.of("files")).writable(true).start();    // on 127.0.0.1, a free port
 * PacketTrace trace = new PacketTrace();
 * TransferSummary s = Tftp.client("127.0.0.1", server.port())
 *         .blockSize(1428).windowSize(16)
 *         .trace(trace).showProgress()
 *         .get("big.bin", Path.of("big.bin"));
 * trace                                                                        // a Wireshark-like table
 * }</pre>
 *
 * <p>Losing packets on purpose:
 * <pre>{@code
 * LossyRelay relay = Tftp.relay("127.0.0.1", server.port()).drop(0.1).seed(42).start();
 * Tftp.client("127.0.0.1", relay.port()).timeout(Duration.ofMillis(100)).get("big.bin", Path.of("big.bin"));
 * relay.stats()   // e.g. forwarded 290, dropped 27, duplicated 0, reordered 0
 * }</pre>
 *
 * <p>The packets themselves are {@link netlab.tftp.TftpPacket} records: {@code TftpPacket.decode(bytes)}
 * and {@code packet.encode()}.
 */
package netlab.tftp;
