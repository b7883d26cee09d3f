package netlab.grader;

import java.util.List;
import netlab.exercise.HiddenCaseSet;
import netlab.exercise.HiddenCases;
import netlab.course.IntroExercises;
import netlab.course.UdpExercises;

/**
 * Hidden cases of chapters 0 and 1: range edges (1023/1024, 49151/49152, 65535), the /31 and /32 networks, and
 * texts a solution fitted to the public ones mishandles (empty datagrams, multi-byte characters, more lines).
 */
public final class ChapterOneHiddenCases implements HiddenCaseSet {

    @Override
    public List<HiddenCases<?>> hiddenCases() {
        return List.of(
                new HiddenCases<>("intro.greet", IntroExercises.Greet.class, List.of(
                        IntroExercises.greetCase(""))),
                new HiddenCases<>("net.port-kind", UdpExercises.PortKind.class, List.of(
                        UdpExercises.portKindCase(1023, "well-known"),
                        UdpExercises.portKindCase(49151, "registered"),
                        UdpExercises.portKindCase(65535, "dynamic"))),
                new HiddenCases<>("subnet.host-count", UdpExercises.HostCount.class, List.of(
                        UdpExercises.hostCountCase(31, 2),
                        UdpExercises.hostCountCase(32, 1),
                        UdpExercises.hostCountCase(8, 16_777_214))),
                new HiddenCases<>("udp.send", UdpExercises.SendText.class, List.of(
                        UdpExercises.sendCase("¿qué tal? 😀"))),
                new HiddenCases<>("udp.receive", UdpExercises.ReceiveText.class, List.of(
                        UdpExercises.receiveCase(""))),
                new HiddenCases<>("udp.echo-server", UdpExercises.EchoServer.class, List.of(
                        UdpExercises.echoCase(List.of("a", "bb", "", "ccc", "再见")))),
                new HiddenCases<>("udp.chat-room", UdpExercises.ChatRoom.class, List.of(
                        UdpExercises.chatRoomCase(List.of("1", "2", "3", "4")))),
                new HiddenCases<>("udp.full-duplex", UdpExercises.FullDuplex.class, List.of(
                        UdpExercises.fullDuplexCase(List.of("a", "b", "c"), List.of("x", "y", "z", "w")))));
    }
}
