package netlab.course;

import netlab.exercise.Exercise;

/**
 * What a check cell calls: one entry point per exercise, named for its id in camel case (chapter first), whose
 * parameter is the exercise's answer type, so the student's lambda needs no cast and no package name:
 *
 * <pre>{@code
 * String classOf(String ip) { ... }        // the answer cell
 * Check.ipClassOf(ip -> classOf(ip));      // the check cell: shows the feedback table
 * }</pre>
 *
 * prints a table that ends "public checks 4/4 passed · 3 hidden checks run when graded". Every notebook
 * imports this class. The grader never runs these methods: it reads the entry point's name in the check cell,
 * finds the exercise whose {@link Exercise#checkName()} it is, and calls {@code netlab.exercise.Check.collect}
 * from its own jar with the answer cast to the exercise's answer type, so a student's redefinition of
 * {@code Check} changes nothing. A new chapter adds one line here per exercise; {@code CourseCheckTest} fails
 * when an exercise has no entry point or an entry point no exercise.
 */
public final class Check {

    private Check() {
    }

    /** The check of any exercise by id, as older check cells call it: {@code Check.run("ip.class-of", answer)}. */
    public static void run(String exerciseId, Object answer) {
        netlab.exercise.Check.run(exerciseId, answer);
    }

    private static <A> void run(Exercise<A> exercise, A answer) {
        netlab.exercise.Check.run(exercise, answer);
    }

    // chapter 0

    /** Checks {@code intro.greet}: {@code Check.introGreet(name -> greet(name));} */
    public static void introGreet(IntroExercises.Greet answer) {
        run(IntroExercises.GREET, answer);
    }

    /** Checks {@code intro.predict-value}: {@code Check.introPredictValue(() -> shown());} */
    public static void introPredictValue(Prediction.Count answer) {
        run(IntroExercises.PREDICT_VALUE, answer);
    }

    /** Checks {@code intro.read-summary}: {@code Check.introReadSummary(() -> gradedCases());} */
    public static void introReadSummary(Prediction.Count answer) {
        run(IntroExercises.READ_SUMMARY, answer);
    }

    // chapter 1

    /** Checks {@code net.port-kind}: {@code Check.netPortKind(port -> portKind(port));} */
    public static void netPortKind(UdpExercises.PortKind answer) {
        run(UdpExercises.PORT_KIND, answer);
    }

    /** Checks {@code ip.class-of}: {@code Check.ipClassOf(ip -> classOf(ip));} */
    public static void ipClassOf(IpExercises.ClassOf answer) {
        run(IpExercises.CLASS_OF, answer);
    }

    /** Checks {@code ip.same-subnet}: {@code Check.ipSameSubnet((a, b, prefix) -> sameSubnet(a, b, prefix));} */
    public static void ipSameSubnet(IpExercises.SameSubnet answer) {
        run(IpExercises.SAME_SUBNET, answer);
    }

    /** Checks {@code subnet.host-count}: {@code Check.subnetHostCount(prefix -> hostCount(prefix));} */
    public static void subnetHostCount(UdpExercises.HostCount answer) {
        run(UdpExercises.HOST_COUNT, answer);
    }

    /** Checks {@code udp.send}: {@code Check.udpSend((text, port) -> send(text, port));} */
    public static void udpSend(UdpExercises.SendText answer) {
        run(UdpExercises.SEND, answer);
    }

    /** Checks {@code udp.receive}: {@code Check.udpReceive(socket -> receive(socket));} */
    public static void udpReceive(UdpExercises.ReceiveText answer) {
        run(UdpExercises.RECEIVE, answer);
    }

    /** Checks {@code udp.echo-server}: {@code Check.udpEchoServer((socket, count) -> echo(socket, count));} */
    public static void udpEchoServer(UdpExercises.EchoServer answer) {
        run(UdpExercises.ECHO, answer);
    }

    /** Checks {@code udp.chat-room}: {@code Check.udpChatRoom((socket, count) -> receiveLines(socket, count));} */
    public static void udpChatRoom(UdpExercises.ChatRoom answer) {
        run(UdpExercises.CHAT_ROOM, answer);
    }

    /** Checks {@code udp.full-duplex}: {@code Check.udpFullDuplex((s, peer, keyboard, screen) -> chat(s, peer, keyboard, screen));} */
    public static void udpFullDuplex(UdpExercises.FullDuplex answer) {
        run(UdpExercises.FULL_DUPLEX, answer);
    }

    /** Checks {@code udp.predict-truncation}: {@code Check.udpPredictTruncation(() -> firstReceive());} */
    public static void udpPredictTruncation(Prediction.Line answer) {
        run(UdpExercises.PREDICT_TRUNCATION, answer);
    }

    /** Checks {@code net.read-socket-table}: {@code Check.netReadSocketTable(() -> clientsOf7788());} */
    public static void netReadSocketTable(Prediction.Count answer) {
        run(UdpExercises.READ_SOCKET_TABLE, answer);
    }

    // chapter 2

    /** Checks {@code tftp.predict-blocks}: {@code Check.tftpPredictBlocks(() -> dataPackets());} */
    public static void tftpPredictBlocks(Prediction.Count answer) {
        run(TftpExercises.PREDICT_BLOCKS, answer);
    }

    /** Checks {@code tftp.rrq}: {@code Check.tftpRrq((name, mode) -> rrq(name, mode));} */
    public static void tftpRrq(TftpExercises.Rrq answer) {
        run(TftpExercises.RRQ, answer);
    }

    /** Checks {@code tftp.ack}: {@code Check.tftpAck(block -> ack(block));} */
    public static void tftpAck(TftpExercises.Ack answer) {
        run(TftpExercises.ACK, answer);
    }

    /** Checks {@code tftp.describe}: {@code Check.tftpDescribe(packet -> describe(packet));} */
    public static void tftpDescribe(TftpExercises.Describe answer) {
        run(TftpExercises.DESCRIBE, answer);
    }

    /** Checks {@code tftp.ack-loop}: {@code Check.tftpAckLoop(socket -> receiveFile(socket));} */
    public static void tftpAckLoop(TftpExercises.AckLoop answer) {
        run(TftpExercises.ACK_LOOP, answer);
    }

    /** Checks {@code tftp.download}: {@code Check.tftpDownload((host, port, name) -> download(host, port, name));} */
    public static void tftpDownload(TftpExercises.Download answer) {
        run(TftpExercises.DOWNLOAD, answer);
    }

    /** Checks {@code udp.broadcast}: {@code Check.udpBroadcast((text, port) -> broadcast(text, port));} */
    public static void udpBroadcast(TcpExercises.Broadcast answer) {
        run(TcpExercises.BROADCAST, answer);
    }

    /** Checks {@code tcp.server}: {@code Check.tcpServer(server -> serveOnce(server));} */
    public static void tcpServer(TcpExercises.Server answer) {
        run(TcpExercises.SERVER, answer);
    }

    /** Checks {@code tcp.client}: {@code Check.tcpClient((host, port, line) -> ask(host, port, line));} */
    public static void tcpClient(TcpExercises.Client answer) {
        run(TcpExercises.CLIENT, answer);
    }

    /** Checks {@code tcp.chat}: {@code Check.tcpChat((host, port, lines) -> chat(host, port, lines));} */
    public static void tcpChat(TcpExercises.Chat answer) {
        run(TcpExercises.CHAT, answer);
    }

    /** Checks {@code tcp.frames}: {@code Check.tcpFrames(socket -> readFrames(socket));} */
    public static void tcpFrames(TcpStreamExercises.Frames answer) {
        run(TcpStreamExercises.FRAMES, answer);
    }

    /** Checks {@code tcp.multi-client}: {@code Check.tcpMultiClient((server, clients) -> serve(server, clients));} */
    public static void tcpMultiClient(TcpStreamExercises.MultiClient answer) {
        run(TcpStreamExercises.MULTI_CLIENT, answer);
    }

    /** Checks {@code tcp.predict-backlog}: {@code Check.tcpPredictBacklog(() -> established());} */
    public static void tcpPredictBacklog(Prediction.Count answer) {
        run(TcpStreamExercises.PREDICT_BACKLOG, answer);
    }

    // chapter 3

    /** Checks {@code route.next-hop}: {@code Check.routeNextHop((cidr, gw, dst) -> nextHop(cidr, gw, dst));} */
    public static void routeNextHop(PacketExercises.NextHop answer) {
        run(PacketExercises.NEXT_HOP, answer);
    }

    /** Checks {@code switch.learn}: {@code Check.switchLearn((table, in, src, dst, n) -> forward(table, in, src, dst, n));} */
    public static void switchLearn(PacketExercises.SwitchForward answer) {
        run(PacketExercises.SWITCH, answer);
    }

    /** Checks {@code route.lpm}: {@code Check.routeLpm((routes, dst) -> match(routes, dst));} */
    public static void routeLpm(PacketExercises.LongestPrefix answer) {
        run(PacketExercises.LPM, answer);
    }

    /** Checks {@code dns.query}: {@code Check.dnsQuery((id, name) -> query(id, name));} */
    public static void dnsQuery(PacketExercises.DnsQuery answer) {
        run(PacketExercises.DNS_QUERY, answer);
    }

    /** Checks {@code dns.answer}: {@code Check.dnsAnswer(reply -> addresses(reply));} */
    public static void dnsAnswer(PacketExercises.DnsAnswer answer) {
        run(PacketExercises.DNS_ANSWER, answer);
    }

    /** Checks {@code tcp.next-seq}: {@code Check.tcpNextSeq((seq, len, syn, fin) -> nextSeq(seq, len, syn, fin));} */
    public static void tcpNextSeq(PacketExercises.NextSeq answer) {
        run(PacketExercises.TCP_SEQ, answer);
    }

    /** Checks {@code tcp.next-state}: {@code Check.tcpNextState((state, event) -> next(state, event));} */
    public static void tcpNextState(PacketExercises.NextState answer) {
        run(PacketExercises.TCP_STATE, answer);
    }

    /** Checks {@code tcp.client-closes}: {@code Check.tcpClientCloses((server, clients) -> serve(server, clients));} */
    public static void tcpClientCloses(PacketExercises.PoliteServer answer) {
        run(PacketExercises.CLIENT_CLOSES, answer);
    }

    /** Checks {@code lab.misconfigured}: {@code Check.labMisconfigured(lab -> find(lab));} */
    public static void labMisconfigured(PacketExercises.Misconfigured answer) {
        run(PacketExercises.MISCONFIGURED, answer);
    }

    /** Checks {@code arp.spoofed}: {@code Check.arpSpoofed(replies -> claimedTwice(replies));} */
    public static void arpSpoofed(PacketExercises.ArpSpoofed answer) {
        run(PacketExercises.ARP_SPOOFED, answer);
    }

    /** Checks {@code nat.translate}: {@code Check.natTranslate((publicIp, packets) -> translate(publicIp, packets));} */
    public static void natTranslate(PacketExercises.NatTranslate answer) {
        run(PacketExercises.NAT, answer);
    }

    // chapter 4

    /** Checks {@code server.thread-per-connection}: {@code Check.serverThreadPerConnection(server -> serve(server));} */
    public static void serverThreadPerConnection(ServerExercises.ThreadPerConnection answer) {
        run(ServerExercises.THREAD_PER_CONNECTION, answer);
    }

    /** Checks {@code server.predict-pool}: {@code Check.serverPredictPool(() -> linesBack());} */
    public static void serverPredictPool(Prediction.Count answer) {
        run(ServerExercises.PREDICT_POOL, answer);
    }

    /** Checks {@code server.reuseport}: {@code Check.serverReuseport(port -> listen(port));} */
    public static void serverReuseport(ServerExercises.SharedListener answer) {
        run(ServerExercises.REUSEPORT, answer);
    }

    /** Checks {@code server.poll-loop}: {@code Check.serverPollLoop(server -> pollLoop(server));} */
    public static void serverPollLoop(ServerExercises.PollLoop answer) {
        run(ServerExercises.POLL_LOOP, answer);
    }

    /** Checks {@code server.selector}: {@code Check.serverSelector((selector, server) -> selectorLoop(selector, server));} */
    public static void serverSelector(ServerExercises.SelectorLoop answer) {
        run(ServerExercises.SELECTOR, answer);
    }

    /** Checks {@code epoll.predict-fdinfo}: {@code Check.epollPredictFdinfo(() -> watched());} */
    public static void epollPredictFdinfo(Prediction.Count answer) {
        run(ServerExercises.PREDICT_FDINFO, answer);
    }

    /** Checks {@code coroutine.lines}: {@code Check.coroutineLines(chunks -> lines(chunks));} */
    public static void coroutineLines(CoroutineExercises.Lines answer) {
        run(CoroutineExercises.LINES, answer);
    }

    /** Checks {@code coroutine.round-robin}: {@code Check.coroutineRoundRobin(tasks -> runAll(tasks));} */
    public static void coroutineRoundRobin(CoroutineExercises.RoundRobin answer) {
        run(CoroutineExercises.ROUND_ROBIN, answer);
    }

    /** Checks {@code coroutine.downloader}: {@code Check.coroutineDownloader(urls -> fetchAll(urls));} */
    public static void coroutineDownloader(CoroutineExercises.Downloader answer) {
        run(CoroutineExercises.DOWNLOADER, answer);
    }

    /** Checks {@code http.server}: {@code Check.httpServer((server, pages) -> serve(server, pages));} */
    public static void httpServer(HttpExercises.PageServer answer) {
        run(HttpExercises.SERVER, answer);
    }
}
