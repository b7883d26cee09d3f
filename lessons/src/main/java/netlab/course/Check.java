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

    /**
     * Checks exercise {@code intro.greet}: the answer must return "Hello, NAME!" for {@code name}.
     * Example: {@code Check.introGreet(name -> greet(name));}
     */
    public static void introGreet(IntroExercises.Greet answer) {
        run(IntroExercises.GREET, answer);
    }

    /**
     * Checks exercise {@code intro.predict-value}: the answer must return the value you predict the cell shows.
     * Example: {@code Check.introPredictValue(() -> shown());}
     */
    public static void introPredictValue(Prediction.Count answer) {
        run(IntroExercises.PREDICT_VALUE, answer);
    }

    /**
     * Checks exercise {@code intro.read-summary}: the answer must return how many checks the summary line says run
     * when graded, public and hidden together.
     * Example: {@code Check.introReadSummary(() -> gradedCases());}
     */
    public static void introReadSummary(Prediction.Count answer) {
        run(IntroExercises.READ_SUMMARY, answer);
    }

    // chapter 1

    /**
     * Checks exercise {@code net.port-kind}: the answer must return "well-known" (0–1023), "registered" (1024–49151)
     * or "dynamic" (49152–65535) for {@code port}.
     * Example: {@code Check.netPortKind(port -> portKind(port));}
     */
    public static void netPortKind(UdpExercises.PortKind answer) {
        run(UdpExercises.PORT_KIND, answer);
    }

    /**
     * Checks exercise {@code ip.class-of}: the answer must return the class letter A–E of a dotted IPv4 address.
     * Example: {@code Check.ipClassOf(ip -> classOf(ip));}
     */
    public static void ipClassOf(IpExercises.ClassOf answer) {
        run(IpExercises.CLASS_OF, answer);
    }

    /**
     * Checks exercise {@code ip.same-subnet}: the answer must return whether {@code a} and {@code b} are in the same
     * /{@code prefix} network.
     * Example: {@code Check.ipSameSubnet((a, b, prefix) -> sameSubnet(a, b, prefix));}
     */
    public static void ipSameSubnet(IpExercises.SameSubnet answer) {
        run(IpExercises.SAME_SUBNET, answer);
    }

    /**
     * Checks exercise {@code subnet.host-count}: the answer must return how many hosts a /{@code prefix} network can
     * number (/31: 2, /32: 1).
     * Example: {@code Check.subnetHostCount(prefix -> hostCount(prefix));}
     */
    public static void subnetHostCount(UdpExercises.HostCount answer) {
        run(UdpExercises.HOST_COUNT, answer);
    }

    /**
     * Checks exercise {@code udp.send}: the answer must send {@code text} as UTF-8 in one datagram to 127.0.0.1:{@code
     * port}.
     * Example: {@code Check.udpSend((text, port) -> send(text, port));}
     */
    public static void udpSend(UdpExercises.SendText answer) {
        run(UdpExercises.SEND, answer);
    }

    /**
     * Checks exercise {@code udp.receive}: the answer must receive one datagram on {@code socket} and return its UTF-8
     * text.
     * Example: {@code Check.udpReceive(socket -> receive(socket));}
     */
    public static void udpReceive(UdpExercises.ReceiveText answer) {
        run(UdpExercises.RECEIVE, answer);
    }

    /**
     * Checks exercise {@code udp.echo-server}: the answer must send each of the next {@code count} datagrams back to
     * whoever sent it.
     * Example: {@code Check.udpEchoServer((socket, count) -> echo(socket, count));}
     */
    public static void udpEchoServer(UdpExercises.EchoServer answer) {
        run(UdpExercises.ECHO, answer);
    }

    /**
     * Checks exercise {@code udp.chat-room}: the answer must receive {@code count} datagrams and return one line each,
     * "IP:PORT says TEXT".
     * Example: {@code Check.udpChatRoom((socket, count) -> receiveLines(socket, count));}
     */
    public static void udpChatRoom(UdpExercises.ChatRoom answer) {
        run(UdpExercises.CHAT_ROOM, answer);
    }

    /**
     * Checks exercise {@code udp.full-duplex}: the answer must send every line typed on {@code keyboard} to {@code
     * peer} while a second thread shows each arriving datagram on {@code screen}; when the keyboard ends, stop that
     * thread and return.
     * Example: {@code Check.udpFullDuplex((s, peer, keyboard, screen) -> chat(s, peer, keyboard, screen));}
     */
    public static void udpFullDuplex(UdpExercises.FullDuplex answer) {
        run(UdpExercises.FULL_DUPLEX, answer);
    }

    /**
     * Checks exercise {@code udp.predict-truncation}: the answer must return the text you predict the first receive
     * gets.
     * Example: {@code Check.udpPredictTruncation(() -> firstReceive());}
     */
    public static void udpPredictTruncation(Prediction.Line answer) {
        run(UdpExercises.PREDICT_TRUNCATION, answer);
    }

    /**
     * Checks exercise {@code net.read-socket-table}: the answer must return how many clients of port 7788 the socket
     * table shows.
     * Example: {@code Check.netReadSocketTable(() -> clientsOf7788());}
     */
    public static void netReadSocketTable(Prediction.Count answer) {
        run(UdpExercises.READ_SOCKET_TABLE, answer);
    }

    // chapter 2

    /**
     * Checks exercise {@code tftp.predict-blocks}: the answer must return how many DATA packets you predict the file
     * takes.
     * Example: {@code Check.tftpPredictBlocks(() -> dataPackets());}
     */
    public static void tftpPredictBlocks(Prediction.Count answer) {
        run(TftpExercises.PREDICT_BLOCKS, answer);
    }

    /**
     * Checks exercise {@code tftp.rrq}: the answer must return the bytes of a read request: 0 1, filename, 0, mode, 0.
     * Example: {@code Check.tftpRrq((name, mode) -> rrq(name, mode));}
     */
    public static void tftpRrq(TftpExercises.Rrq answer) {
        run(TftpExercises.RRQ, answer);
    }

    /**
     * Checks exercise {@code tftp.ack}: the answer must return the 4 bytes of ACK {@code block}: 0 4, then the block
     * number as an unsigned 16-bit number.
     * Example: {@code Check.tftpAck(block -> ack(block));}
     */
    public static void tftpAck(TftpExercises.Ack answer) {
        run(TftpExercises.ACK, answer);
    }

    /**
     * Checks exercise {@code tftp.describe}: the answer must return one line about a DATA, ACK or ERROR packet, such
     * as "DATA 1 (512 bytes)".
     * Example: {@code Check.tftpDescribe(packet -> describe(packet));}
     */
    public static void tftpDescribe(TftpExercises.Describe answer) {
        run(TftpExercises.DESCRIBE, answer);
    }

    /**
     * Checks exercise {@code tftp.ack-loop}: the answer must ACK each DATA block arriving on {@code socket} to its
     * sender, keep each block once, stop after a block shorter than 512 bytes and return the file.
     * Example: {@code Check.tftpAckLoop(socket -> receiveFile(socket));}
     */
    public static void tftpAckLoop(TftpExercises.AckLoop answer) {
        run(TftpExercises.ACK_LOOP, answer);
    }

    /**
     * Checks exercise {@code tftp.download}: the answer must download {@code filename} (octet) from the TFTP server at
     * {@code host}:{@code port} over a lossy path and return its bytes.
     * Example: {@code Check.tftpDownload((host, port, name) -> download(host, port, name));}
     */
    public static void tftpDownload(TftpExercises.Download answer) {
        run(TftpExercises.DOWNLOAD, answer);
    }

    /**
     * Checks exercise {@code udp.broadcast}: the answer must send {@code text} (UTF-8) to 127.255.255.255:{@code
     * port}, the loopback broadcast.
     * Example: {@code Check.udpBroadcast((text, port) -> broadcast(text, port));}
     */
    public static void udpBroadcast(TcpExercises.Broadcast answer) {
        run(TcpExercises.BROADCAST, answer);
    }

    /**
     * Checks exercise {@code tcp.server}: the answer must accept one client, read one line, answer "thank you: LINE\n"
     * and close that connection.
     * Example: {@code Check.tcpServer(server -> serveOnce(server));}
     */
    public static void tcpServer(TcpExercises.Server answer) {
        run(TcpExercises.SERVER, answer);
    }

    /**
     * Checks exercise {@code tcp.client}: the answer must connect, send {@code line} and "\n", and return the line the
     * server answers.
     * Example: {@code Check.tcpClient((host, port, line) -> ask(host, port, line));}
     */
    public static void tcpClient(TcpExercises.Client answer) {
        run(TcpExercises.CLIENT, answer);
    }

    /**
     * Checks exercise {@code tcp.chat}: the answer must connect once; for each line up to the first empty one, send it
     * and read one answer line; then close and return the answers.
     * Example: {@code Check.tcpChat((host, port, lines) -> chat(host, port, lines));}
     */
    public static void tcpChat(TcpExercises.Chat answer) {
        run(TcpExercises.CHAT, answer);
    }

    /**
     * Checks exercise {@code tcp.frames}: the answer must read frames (a 2-byte unsigned big-endian length, then that
     * many bytes of UTF-8) until the other side closes and return the messages.
     * Example: {@code Check.tcpFrames(socket -> readFrames(socket));}
     */
    public static void tcpFrames(TcpStreamExercises.Frames answer) {
        run(TcpStreamExercises.FRAMES, answer);
    }

    /**
     * Checks exercise {@code tcp.multi-client}: the answer must serve {@code clients} clients at the same time,
     * echoing every line, closing each client's socket when it closes its side, and return when all are done (the
     * server socket stays open).
     * Example: {@code Check.tcpMultiClient((server, clients) -> serve(server, clients));}
     */
    public static void tcpMultiClient(TcpStreamExercises.MultiClient answer) {
        run(TcpStreamExercises.MULTI_CLIENT, answer);
    }

    /**
     * Checks exercise {@code tcp.predict-backlog}: the answer must return how many connections you predict the kernel
     * completes into the accept queue.
     * Example: {@code Check.tcpPredictBacklog(() -> established());}
     */
    public static void tcpPredictBacklog(Prediction.Count answer) {
        run(TcpStreamExercises.PREDICT_BACKLOG, answer);
    }

    // chapter 3

    /**
     * Checks exercise {@code route.next-hop}: the answer must return the address a host with {@code myCidr} and {@code
     * gateway} sends ARP for when it sends to {@code dst}: {@code dst} itself on its own subnet, else the gateway.
     * Example: {@code Check.routeNextHop((cidr, gw, dst) -> nextHop(cidr, gw, dst));}
     */
    public static void routeNextHop(PacketExercises.NextHop answer) {
        run(PacketExercises.NEXT_HOP, answer);
    }

    /**
     * Checks exercise {@code switch.learn}: the answer must learn {@code srcMac} on {@code inPort} in {@code table},
     * then return the ports the frame leaves by, ascending.
     * Example: {@code Check.switchLearn((table, in, src, dst, n) -> forward(table, in, src, dst, n));}
     */
    public static void switchLearn(PacketExercises.SwitchForward answer) {
        run(PacketExercises.SWITCH, answer);
    }

    /**
     * Checks exercise {@code route.lpm}: the answer must return the route of {@code routes} ("a.b.c.d/p") the
     * longest-prefix match picks for {@code dst}, or "none".
     * Example: {@code Check.routeLpm((routes, dst) -> match(routes, dst));}
     */
    public static void routeLpm(PacketExercises.LongestPrefix answer) {
        run(PacketExercises.LPM, answer);
    }

    /**
     * Checks exercise {@code dns.query}: the answer must return the bytes of a standard query (RD set) with id {@code
     * id} for the A record of {@code name}.
     * Example: {@code Check.dnsQuery((id, name) -> query(id, name));}
     */
    public static void dnsQuery(PacketExercises.DnsQuery answer) {
        run(PacketExercises.DNS_QUERY, answer);
    }

    /**
     * Checks exercise {@code dns.answer}: the answer must return the addresses of the A records in the answer section
     * of {@code reply}, in order.
     * Example: {@code Check.dnsAnswer(reply -> addresses(reply));}
     */
    public static void dnsAnswer(PacketExercises.DnsAnswer answer) {
        run(PacketExercises.DNS_ANSWER, answer);
    }

    /**
     * Checks exercise {@code tcp.next-seq}: the answer must return the sequence number after a segment at {@code seq}
     * with {@code length} data bytes (SYN and FIN count one each), modulo 2^32.
     * Example: {@code Check.tcpNextSeq((seq, len, syn, fin) -> nextSeq(seq, len, syn, fin));}
     */
    public static void tcpNextSeq(PacketExercises.NextSeq answer) {
        run(PacketExercises.TCP_SEQ, answer);
    }

    /**
     * Checks exercise {@code tcp.next-state}: the answer must return the state after {@code event} in {@code state},
     * unchanged when the RFC diagram has no arrow for it.
     * Example: {@code Check.tcpNextState((state, event) -> next(state, event));}
     */
    public static void tcpNextState(PacketExercises.NextState answer) {
        run(PacketExercises.TCP_STATE, answer);
    }

    /**
     * Checks exercise {@code tcp.client-closes}: the answer must serve {@code clients} connections one after another:
     * read a line, answer "echo: LINE\n", and close only after the client has.
     * Example: {@code Check.tcpClientCloses((server, clients) -> serve(server, clients));}
     */
    public static void tcpClientCloses(PacketExercises.PoliteServer answer) {
        run(PacketExercises.CLIENT_CLOSES, answer);
    }

    /**
     * Checks exercise {@code lab.misconfigured}: the answer must return the names of the hosts of {@code lab} whose
     * address, mask or gateway is wrong, sorted.
     * Example: {@code Check.labMisconfigured(lab -> find(lab));}
     */
    public static void labMisconfigured(PacketExercises.Misconfigured answer) {
        run(PacketExercises.MISCONFIGURED, answer);
    }

    /**
     * Checks exercise {@code arp.spoofed}: the answer must from ARP replies "IP is-at MAC", return the IPs claimed by
     * more than one MAC, sorted.
     * Example: {@code Check.arpSpoofed(replies -> claimedTwice(replies));}
     */
    public static void arpSpoofed(PacketExercises.ArpSpoofed answer) {
        run(PacketExercises.ARP_SPOOFED, answer);
    }

    /**
     * Checks exercise {@code nat.translate}: the answer must for each packet "out INSIDE REMOTE" or "in REMOTE
     * PUBLIC", return the rewritten endpoint, or "drop".
     * Example: {@code Check.natTranslate((publicIp, packets) -> translate(publicIp, packets));}
     */
    public static void natTranslate(PacketExercises.NatTranslate answer) {
        run(PacketExercises.NAT, answer);
    }

    // chapter 4

    /**
     * Checks exercise {@code server.thread-per-connection}: the answer must accept until {@code server} is closed,
     * each client on a thread of its own, echoing lines.
     * Example: {@code Check.serverThreadPerConnection(server -> serve(server));}
     */
    public static void serverThreadPerConnection(ServerExercises.ThreadPerConnection answer) {
        run(ServerExercises.THREAD_PER_CONNECTION, answer);
    }

    /**
     * Checks exercise {@code server.predict-pool}: the answer must return how many lines you predict come back from
     * the fixed thread pool.
     * Example: {@code Check.serverPredictPool(() -> linesBack());}
     */
    public static void serverPredictPool(Prediction.Count answer) {
        run(ServerExercises.PREDICT_POOL, answer);
    }

    /**
     * Checks exercise {@code server.reuseport}: the answer must return a listener on 127.0.0.1:{@code port} that
     * another listener may share (SO_REUSEPORT).
     * Example: {@code Check.serverReuseport(port -> listen(port));}
     */
    public static void serverReuseport(ServerExercises.SharedListener answer) {
        run(ServerExercises.REUSEPORT, answer);
    }

    /**
     * Checks exercise {@code server.poll-loop}: the answer must on one thread with non-blocking channels, echo bytes
     * until {@code server} is closed.
     * Example: {@code Check.serverPollLoop(server -> pollLoop(server));}
     */
    public static void serverPollLoop(ServerExercises.PollLoop answer) {
        run(ServerExercises.POLL_LOOP, answer);
    }

    /**
     * Checks exercise {@code server.selector}: the answer must on one thread with one Selector, echo bytes until
     * {@code server} is closed.
     * Example: {@code Check.serverSelector((selector, server) -> selectorLoop(selector, server));}
     */
    public static void serverSelector(ServerExercises.SelectorLoop answer) {
        run(ServerExercises.SELECTOR, answer);
    }

    /**
     * Checks exercise {@code epoll.predict-fdinfo}: the answer must return how many descriptors you read the epoll
     * instance's fdinfo watching.
     * Example: {@code Check.epollPredictFdinfo(() -> watched());}
     */
    public static void epollPredictFdinfo(Prediction.Count answer) {
        run(ServerExercises.PREDICT_FDINFO, answer);
    }

    /**
     * Checks exercise {@code coroutine.lines}: the answer must return the lines in {@code chunks}, produced lazily: a
     * chunk is pulled only when a line needs it.
     * Example: {@code Check.coroutineLines(chunks -> lines(chunks));}
     */
    public static void coroutineLines(CoroutineExercises.Lines answer) {
        run(CoroutineExercises.LINES, answer);
    }

    /**
     * Checks exercise {@code coroutine.round-robin}: the answer must run {@code tasks} in turns, one step each, and
     * return the steps in the order run.
     * Example: {@code Check.coroutineRoundRobin(tasks -> runAll(tasks));}
     */
    public static void coroutineRoundRobin(CoroutineExercises.RoundRobin answer) {
        run(CoroutineExercises.ROUND_ROBIN, answer);
    }

    /**
     * Checks exercise {@code coroutine.downloader}: the answer must fetch {@code urls} at the same time and return
     * their bodies in the order of {@code urls}.
     * Example: {@code Check.coroutineDownloader(urls -> fetchAll(urls));}
     */
    public static void coroutineDownloader(CoroutineExercises.Downloader answer) {
        run(CoroutineExercises.DOWNLOADER, answer);
    }

    /**
     * Checks exercise {@code http.server}: the answer must serve HTTP/1.1 until {@code server} is closed: 200 with the
     * page (Content-Length in bytes), 404 for an unknown path, 400 and close for a bad request line; keep the
     * connection open unless the client sent Connection: close or spoke HTTP/1.0.
     * Example: {@code Check.httpServer((server, pages) -> serve(server, pages));}
     */
    public static void httpServer(HttpExercises.PageServer answer) {
        run(HttpExercises.SERVER, answer);
    }
}
