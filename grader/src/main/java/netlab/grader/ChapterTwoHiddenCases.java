package netlab.grader;

import java.util.List;
import netlab.exercise.HiddenCaseSet;
import netlab.exercise.HiddenCases;
import netlab.course.TcpExercises;
import netlab.course.TcpStreamExercises;
import netlab.course.TftpExercises;

/**
 * Hidden cases of chapter 2: block numbers above 32767 (a signed {@code short} slip), empty and odd-sized last
 * blocks, repeated DATA blocks, heavier loss, and chats and lines the public cases do not try.
 */
public final class ChapterTwoHiddenCases implements HiddenCaseSet {

    @Override
    public List<HiddenCases<?>> hiddenCases() {
        return List.of(
                new HiddenCases<>("tftp.rrq", TftpExercises.Rrq.class, List.of(
                        TftpExercises.rrqCase("a", "octet"),
                        TftpExercises.rrqCase("very-long-file-name.tar.gz", "octet"))),
                new HiddenCases<>("tftp.ack", TftpExercises.Ack.class, List.of(
                        TftpExercises.ackCase(40_000),
                        TftpExercises.ackCase(65_535))),
                new HiddenCases<>("tftp.describe", TftpExercises.Describe.class, List.of(
                        TftpExercises.describeCase(TftpExercises.data(50_000, 0), "DATA 50000 (0 bytes)"),
                        TftpExercises.describeCase(TftpExercises.ack(65_535), "ACK 65535"),
                        TftpExercises.describeCase(TftpExercises.error(2, "Access violation"),
                                "ERROR 2: Access violation"))),
                new HiddenCases<>("tftp.ack-loop", TftpExercises.AckLoop.class, List.of(
                        TftpExercises.ackLoopCase(0, false),
                        TftpExercises.ackLoopCase(1500, true))),
                new HiddenCases<>("tftp.download", TftpExercises.Download.class, List.of(
                        TftpExercises.downloadCase(1024, 0.2, 11),
                        TftpExercises.downloadCase(0, 0.0, 3),
                        TftpExercises.downloadErrorCase(2, "Access violation"),
                        TftpExercises.downloadTidCase(1500, 4))),
                new HiddenCases<>("udp.broadcast", TcpExercises.Broadcast.class, List.of(
                        TcpExercises.broadcastCase("大家好"))),
                new HiddenCases<>("tcp.server", TcpExercises.Server.class, List.of(
                        TcpExercises.serverCase("a line with spaces and ümlauts"))),
                new HiddenCases<>("tcp.client", TcpExercises.Client.class, List.of(
                        TcpExercises.clientCase("x".repeat(3000)))),
                new HiddenCases<>("tcp.chat", TcpExercises.Chat.class, List.of(
                        TcpExercises.chatCase(List.of("", "not sent")))),
                new HiddenCases<>("tcp.frames", TcpStreamExercises.Frames.class, List.of(
                        TcpStreamExercises.framesCase(List.of("", "x".repeat(300), "末尾"), 7),
                        TcpStreamExercises.framesCase(List.of("é".repeat(600)), 100))),
                new HiddenCases<>("tcp.multi-client", TcpStreamExercises.MultiClient.class, List.of(
                        TcpStreamExercises.multiClientCase(3))));
    }
}
