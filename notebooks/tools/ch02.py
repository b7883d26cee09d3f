"""Chapter 2: TFTP and TCP (seed §2.1–2.8)."""
from cells import Chapter

# what the demo cells print, in Chinese for the zh notebook (cells.py: labels)
ZH_LABELS = {
    '"direct: bytes() = %,d  retransmissions() = %d  %.3f s  %,.0f KB/s%n"': '"直连：bytes() = %,d  retransmissions() = %d  %.3f 秒  %,.0f KB/s%n"',
    '"lossy:  bytes() = %,d  retransmissions() = %d  %.3f s  %,.0f KB/s%n"': '"丢包：bytes() = %,d  retransmissions() = %d  %.3f 秒  %,.0f KB/s%n"',
    '"SO_BROADCAST = false → sent ?!"': '"SO_BROADCAST = false → 竟然发出去了？！"',
    '"SO_BROADCAST = true → listener ← "': '"SO_BROADCAST = true → 监听者 ← "',
    '"client ← "': '"客户端 ← "',
    '"server ← "': '"服务器 ← "',
    '"serverLog:"': '"服务器日志（serverLog）："',
}

c = Chapter("c02", labels=ZH_LABELS)
c.md("""
# 2 · TFTP and TCP

Sections 2.1–2.8 of the original course: watching packets, the TFTP protocol and a client for it, broadcast,
then TCP servers, clients and a chat. As before, everything runs on `127.0.0.1`. The TFTP server is netlab's
own, started from a cell — it plays the role of the seed's Windows "Tftpd32".
""", """
# 2 · TFTP 项目与 TCP 编程

对应原课程 2.1–2.8 节：观察数据包、TFTP 协议及其客户端、广播，然后是 TCP 服务器、客户端和聊天程序。和之前一样，
一切都在 `127.0.0.1` 上运行。TFTP 服务器是 netlab 自带的，从单元格启动——它替代原课程中 Windows 上的 "Tftpd32"。
""")
c.code("""
import java.net.*;
import java.io.*;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import netlab.course.Pictures;
""")

# 2.1
c.md("""
## 2.1 Watching packets (instead of Wireshark)

The seed installs Wireshark to see the packets on the wire. netlab records the packets its TFTP client and server
exchange and shows them as a table: time, direction, addresses, the decoded packet and its bytes. First, a server
with two files to download:
""", """
## 2.1 观察数据包（代替 wireshark）

原课程安装 Wireshark 来查看网线上的数据包。netlab 记录它的 TFTP 客户端和服务器交换的数据包，并显示成表格：
时间、方向、地址、解码后的包和原始字节。先启动一个有两个文件可供下载的服务器：
""")
c.code("""
Path dir = Files.createTempDirectory("netlab-tftp");
Files.writeString(dir.resolve("hello.txt"), "hello, TFTP!\\n".repeat(100));   // 1300 bytes: 3 blocks
byte[] big = new byte[64 * 1024];
new Random(7).nextBytes(big);
Files.write(dir.resolve("big.bin"), big);
List<String> serverLog = Collections.synchronizedList(new ArrayList<>());   // the server's own log lines
TftpServer server = Tftp.server(dir).timeout(Duration.ofMillis(100)).log(serverLog::add).start();
System.out.println("server.port() = " + server.port());   // a real TFTP server listens on 69, which needs privileges
""", zh={"1300 bytes: 3 blocks": "1300 字节：3 块", "the server's own log lines": "服务器自己的日志行",
         "a real TFTP server listens on 69, which needs privileges": "真正的 TFTP 服务器监听 69 端口，需要特权"})
c.code("""
PacketTrace trace = new PacketTrace();
byte[] hello = Tftp.client("127.0.0.1", server.port()).trace(trace).getBytes("hello.txt");
System.out.println("hello.length = " + hello.length);
Display.show(trace);
""")
c.md("""
Read the trace, then the same packets as a ladder (time goes down, each arrow one datagram). Two things come before
§2.3 explains them. First, netlab's client asks for the file's size: its RRQ carries an *option*, `tsize=0` (RFC 2347,
2349). A server that knows options answers with an **OACK** (option acknowledgement, opcode 6) naming the size, and
the client confirms with **ACK 0**; then DATA 1 follows. A request without options — the seed's — gets DATA 1 at once.
Second, look at the port numbers: the RRQ goes to the server's well-known port, but every answer comes from a new
one, the server's *transfer ID* (TID).
""", """
先读上面的记录，再看下面同样的数据包画成的“梯形图”（时间从上往下，每个箭头是一个数据报）。有两件事在 2.3 节讲之前就出现了。
第一，netlab 的客户端会询问文件大小：它的 RRQ 带一个*选项* `tsize=0`（RFC 2347、2349）。支持选项的服务器用 **OACK**
（选项确认，操作码 6）回复并告知大小，客户端用 **ACK 0** 确认，然后才是 DATA 1。不带选项的请求（比如原课程的）会直接收到 DATA 1。
第二，看端口号：RRQ 发往服务器的知名端口，但所有回复都来自一个新端口，即服务器的*传输标识*（TID）。
""")
c.code("""
Display.show(Pictures.ladder(trace, 8));
""")

# 2.2
c.md("""
## 2.2 A TFTP download

TFTP (Trivial File Transfer Protocol, RFC 1350) moves files over UDP: small, simple, used to boot network devices.
Below, a 64 KB file is downloaded twice: directly, and through a **lossy relay** that drops 10% of the packets.
The transfer still succeeds — the client and server resend what was lost — and the summary counts the retransmissions.
Speeds are printed in KB/s (1 KB = 1000 bytes): a small or slow transfer would read "0.0 MB/s", and each lost packet
costs a whole timeout (100 ms here), which is what slows the lossy download down.
""", """
## 2.2 TFTP下载演示

TFTP（简单文件传输协议，RFC 1350）基于 UDP 传输文件：小巧、简单，常用于网络设备启动。下面把一个 64 KB 的文件下载两次：
一次直接下载，一次经过一个丢弃 10% 数据包的**丢包中继**。传输依然成功——客户端和服务器会重发丢失的包——摘要里统计了重传次数。速度以 KB/s 为单位（1 KB = 1000 字节）：小文件或慢速传输如果用 MB/s 会显示成“0.0 MB/s”。每丢一个包就要等一个完整的超时（这里是 100 毫秒），这正是有丢包时下载变慢的原因。
""")
c.code("""
Path copy = Files.createTempFile("big", ".bin");
TransferSummary direct = Tftp.client("127.0.0.1", server.port()).get("big.bin", copy);
System.out.printf("direct: bytes() = %,d  retransmissions() = %d  %.3f s  %,.0f KB/s%n",
        direct.bytes(), direct.retransmissions(), direct.duration().toNanos() / 1e9, direct.bytesPerSecond() / 1e3);
try (LossyRelay relay = Tftp.relay("127.0.0.1", server.port()).drop(0.1).seed(5).start()) {
    TransferSummary lossy = Tftp.client("127.0.0.1", relay.port()).timeout(Duration.ofMillis(100)).retries(20)
            .get("big.bin", copy);
    System.out.printf("lossy:  bytes() = %,d  retransmissions() = %d  %.3f s  %,.0f KB/s%n",
            lossy.bytes(), lossy.retransmissions(), lossy.duration().toNanos() / 1e9, lossy.bytesPerSecond() / 1e3);
    System.out.println("relay.stats() = " + relay.stats());
}
System.out.println("Arrays.equals(big, copy) = " + Arrays.equals(big, Files.readAllBytes(copy)));
Files.delete(copy);
""")

# 2.3
c.md("""
## 2.3 A TFTP client

The client sends a **read request** (RRQ) to the server's port. The server answers from a *new* port (its transfer
ID, TID) with **DATA** block 1 (512 bytes); the client answers **ACK** 1 to that port, gets DATA 2, and so on. A
block shorter than 512 bytes is the last. A problem is reported with an **ERROR** packet.

| packet | opcode | then |
|---|---|---|
| RRQ (download) | 1 | filename, 0, mode ("octet"), 0 |
| WRQ (upload) | 2 | filename, 0, mode, 0 |
| DATA | 3 | block number (2 bytes), 0–512 data bytes |
| ACK | 4 | block number (2 bytes) |
| ERROR | 5 | error code (2 bytes), message, 0 |
| OACK (RFC 2347) | 6 | option name, 0, value, 0, … — the answer to a request that carried options |

All numbers are big-endian ("network order", the `!` in Python's `struct.pack("!HH", …)`).
""", """
## 2.3 应用：TFTP客户端

客户端向服务器端口发送**读请求**（RRQ）。服务器从一个*新*端口（它的传输标识 TID）回复第 1 块 **DATA**（512 字节）；
客户端向这个端口回复 **ACK** 1，再收到 DATA 2，依此类推。不足 512 字节的块就是最后一块。出错时服务器发送 **ERROR** 包。

| 数据包 | 操作码 | 后面的内容 |
|---|---|---|
| RRQ（下载） | 1 | 文件名, 0, 模式（"octet"）, 0 |
| WRQ（上传） | 2 | 文件名, 0, 模式, 0 |
| DATA | 3 | 块编号（2 字节）, 0–512 字节数据 |
| ACK | 4 | 块编号（2 字节） |
| ERROR | 5 | 错误码（2 字节）, 错误信息, 0 |
| OACK（RFC 2347） | 6 | 选项名, 0, 值, 0, …——对带选项请求的回复 |

所有数字都是大端序（"网络字节序"，即 Python `struct.pack("!HH", …)` 里的 `!`）。
""")
c.code("""
for (TftpPacket p : List.of(new TftpPacket.ReadRequest("test.jpg", Mode.OCTET), new TftpPacket.Ack(1),
        new TftpPacket.ErrorPacket(ErrorCode.FILE_NOT_FOUND, "File not found"))) {
    byte[] bytes = p.encode();
    System.out.println(PacketTrace.hexDump(bytes, 32) + "   →   " + TftpPacket.decode(bytes));
}
try {
    Tftp.client("127.0.0.1", server.port()).getBytes("missing.txt");
} catch (IOException e) {
    System.out.println("missing.txt → " + e.getMessage());
}
""")
c.md("""
The seed builds the request with `struct.pack("!H8sb5sb", 1, "test.jpg", 0, "octet", 0)`: the `8s` fits only
names of exactly 8 characters. Build it to the name's length instead.

**Exercise `tftp.rrq`:** return the bytes of a read request for `filename` in `mode`.
""", """
原课程用 `struct.pack("!H8sb5sb", 1, "test.jpg", 0, "octet", 0)` 构造请求：其中的 `8s` 只适合恰好 8 个字符的文件名。
应该按文件名的实际长度来构造。

**练习 `tftp.rrq`：** 返回以 `mode` 模式读取 `filename` 的读请求的字节。
""")
c.answer("tftp.rrq", """
byte[] rrq(String filename, String mode) {
    // BEGIN SOLUTION
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(1);                                                  // opcode 1: RRQ
    out.writeBytes(filename.getBytes(StandardCharsets.US_ASCII));
    out.write(0);
    out.writeBytes(mode.getBytes(StandardCharsets.US_ASCII));
    out.write(0);
    return out.toByteArray();
    // END SOLUTION
}
""", zh={"opcode 1: RRQ": "操作码 1：RRQ"})
c.check("tftp.rrq", 2, """
Check.tftpRrq((name, mode) -> rrq(name, mode));
""")
c.md("""
**Exercise `tftp.ack`:** return the 4 bytes of ACK `block`. Block numbers go up to 65535 — more than a Java
`short` holds as a positive number, but the two bytes on the wire are the same.
""", """
**练习 `tftp.ack`：** 返回 ACK `block` 的 4 个字节。块编号最大到 65535——超过了 Java `short` 能表示的正数范围，但网线上的两个字节是一样的。
""")
c.answer("tftp.ack", """
byte[] ack(int block) {
    // BEGIN SOLUTION
    return ByteBuffer.allocate(4).putShort((short) 4).putShort((short) block).array();
    // END SOLUTION
}
""")
c.check("tftp.ack", 2, """
Check.tftpAck(block -> ack(block));
""")
c.md("""
**Exercise `tftp.describe`:** describe a DATA, ACK or ERROR packet in one line: `DATA 7 (3 bytes)`, `ACK 2`,
`ERROR 1: File not found`. Read the 16-bit numbers as *unsigned*: `((p[2] & 0xFF) << 8) | (p[3] & 0xFF)`.
""", """
**练习 `tftp.describe`：** 用一行文字描述 DATA、ACK 或 ERROR 包：`DATA 7 (3 bytes)`、`ACK 2`、`ERROR 1: File not found`。
16 位数字要按*无符号*读取：`((p[2] & 0xFF) << 8) | (p[3] & 0xFF)`。
""")
c.answer("tftp.describe", """
String describe(byte[] p) {
    // BEGIN SOLUTION
    int opcode = ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
    int number = ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
    return switch (opcode) {
        case 3 -> "DATA " + number + " (" + (p.length - 4) + " bytes)";
        case 4 -> "ACK " + number;
        case 5 -> {
            int end = 4;
            while (end < p.length && p[end] != 0) end++;
            yield "ERROR " + number + ": " + new String(p, 4, end - 4, StandardCharsets.US_ASCII);
        }
        default -> throw new IllegalArgumentException("not DATA, ACK or ERROR: opcode " + opcode);
    };
    // END SOLUTION
}
""")
c.check("tftp.describe", 4, """
Check.tftpDescribe(packet -> describe(packet));
""")
c.md("""
**Exercise `tftp.predict-blocks`:** a server sends a file of exactly 1024 bytes, with no options and no loss. How many
DATA packets does it send?
""", """
**练习 `tftp.predict-blocks`：** 服务器发送一个恰好 1024 字节的文件，不带选项，也没有丢包。它一共发送多少个 DATA 包？
""")
c.answer("tftp.predict-blocks", """
long dataPackets() {
    // BEGIN SOLUTION
    return 3;   // 512 + 512 + an empty block: only a block shorter than 512 ends the transfer
    // END SOLUTION
}
""", zh={"512 + 512 + an empty block: only a block shorter than 512 ends the transfer": "512 + 512 + 一个空块：只有不足 512 字节的块才表示传输结束"})
c.check("tftp.predict-blocks", 1, """
Check.tftpPredictBlocks(() -> dataPackets());
""")
c.md("""
**Exercise `tftp.ack-loop`:** DATA packets arrive on `socket`. ACK each one to the address it came from; keep a
block's data only the first time (a lost ACK makes the server send it again); stop after a block shorter than
512 bytes and return the whole file.
""", """
**练习 `tftp.ack-loop`：** DATA 包到达 `socket`。对每个包向它的来源地址回复 ACK；同一块的数据只保留第一次的
（ACK 丢失时服务器会重发这一块）；收到不足 512 字节的块后停止，返回整个文件。
""")
c.answer("tftp.ack-loop", """
byte[] receiveFile(DatagramSocket socket) throws Exception {
    // BEGIN SOLUTION
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
    // END SOLUTION
}
""")
c.check("tftp.ack-loop", 4, """
Check.tftpAckLoop(socket -> receiveFile(socket));
""")
c.md("""
**Exercise `tftp.download`:** the whole client. Send the RRQ to `host:port`; learn the server's TID from its first
DATA and send ACKs there; with a receive timeout (`setSoTimeout(100)`), resend your last packet (RRQ or ACK) when
nothing comes; when an ERROR arrives, stop and throw an exception whose message contains the server's message; ignore
packets that come from any other port than the server's TID. The check runs it against netlab's server through a
relay that loses packets — the seed's client would hang forever at the first loss — then against a server that
answers ERROR 1, and a transfer into which a stranger slips a DATA packet from another port.
""", """
**练习 `tftp.download`：** 完整的客户端。向 `host:port` 发送 RRQ；从第一个 DATA 得知服务器的 TID，之后把 ACK 发到那里；
设置接收超时（`setSoTimeout(100)`），超时没收到就重发你的上一个包（RRQ 或 ACK）；收到 ERROR 时停止，并抛出一个异常，其信息包含服务器发来的错误信息；来自服务器 TID 之外任何端口的包都忽略。检查先让它经过一个会丢包的中继从 netlab 的服务器下载——原课程的客户端遇到第一次丢包就会永远卡住——然后让它面对一个回复 ERROR 1 的服务器，以及一次被陌生端口插进一个 DATA 包的传输。
""")
c.answer("tftp.download", """
byte[] download(String host, int port, String filename) throws Exception {
    // BEGIN SOLUTION
    try (DatagramSocket socket = new DatagramSocket()) {
        socket.setSoTimeout(100);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(0);
        request.write(1);
        request.writeBytes((filename + "\\0octet\\0").getBytes(StandardCharsets.US_ASCII));
        byte[] last = request.toByteArray();            // what to resend when nothing comes
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
                continue;                               // not our server's TID
            }
            byte[] d = p.getData();
            int opcode = ((d[0] & 0xFF) << 8) | (d[1] & 0xFF);
            int block = ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
            if (opcode == 5) {
                throw new IOException("server error " + block + ": "
                        + new String(d, 4, Math.max(0, p.getLength() - 5), StandardCharsets.US_ASCII));
            }
            if (opcode != 3) {
                continue;
            }
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
    // END SOLUTION
}
""", zh={"what to resend when nothing comes": "没有收到包时要重发的内容", "not our server's TID": "不是我们的服务器的 TID"})
c.check("tftp.download", 8, """
Check.tftpDownload((host, port, name) -> download(host, port, name));
""")

# 2.4
c.md("""
## 2.4 UDP broadcast

A broadcast datagram goes to every host on a network. The seed sends to `'<broadcast>'` (255.255.255.255), which
reaches every machine on your LAN — not something to do in a classroom. The loopback network has its own
broadcast address, `127.255.255.255`, which never leaves this machine. Two rules show below: the operating system
refuses a broadcast unless the socket has `SO_BROADCAST` on, and only sockets bound to the wildcard address
(0.0.0.0) hear broadcasts.
""", """
## 2.4 udp广播

广播数据报会发给网络上的每一台主机。原课程发送到 `'<broadcast>'`（255.255.255.255），它会到达你局域网上的每一台机器——
在机房里不该这样做。回环网络有自己的广播地址 `127.255.255.255`，它永远不会离开本机。下面能看到两条规则：
套接字没有打开 `SO_BROADCAST` 时操作系统拒绝发送广播；只有绑定在通配地址（0.0.0.0）上的套接字才能收到广播。
""")
c.code("""
try (DatagramSocket listener = new DatagramSocket(new InetSocketAddress(0));   // 0.0.0.0: hears broadcasts
     DatagramSocket sender = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
    listener.setSoTimeout(2_000);
    byte[] hi = "Hi".getBytes(StandardCharsets.UTF_8);
    DatagramPacket p = new DatagramPacket(hi, hi.length, InetAddress.getByName("127.255.255.255"), listener.getLocalPort());
    sender.setBroadcast(false);
    try {
        sender.send(p);
        System.out.println("SO_BROADCAST = false → sent ?!");
    } catch (IOException e) {
        System.out.println("SO_BROADCAST = false → " + e.getMessage());
    }
    sender.setBroadcast(true);
    sender.send(p);
    DatagramPacket in = new DatagramPacket(new byte[100], 100);
    listener.receive(in);
    System.out.println("SO_BROADCAST = true → listener ← " + in.getSocketAddress() + ": \\""
            + new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8) + "\\"");
}
""", zh={"0.0.0.0: hears broadcasts": "0.0.0.0：能收到广播"})
c.md("""
**Exercise `udp.broadcast`:** broadcast `text` (UTF-8) to port `port` of `127.255.255.255`.
""", """
**练习 `udp.broadcast`：** 把 `text`（UTF-8）广播到 `127.255.255.255` 的 `port` 端口。
""")
c.answer("udp.broadcast", """
void broadcast(String text, int port) throws Exception {
    // BEGIN SOLUTION
    try (DatagramSocket socket = new DatagramSocket()) {
        socket.setBroadcast(true);
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(data, data.length, InetAddress.getByName("127.255.255.255"), port));
    }
    // END SOLUTION
}
""")
c.check("udp.broadcast", 2, """
Check.udpBroadcast((text, port) -> broadcast(text, port));
""")

# 2.5
c.md("""
## 2.5 TCP

UDP is like sending letters: no set-up, each one on its own, some may get lost. **TCP** is like a phone call: the
two sides first *connect* (the three-way handshake), then exchange a reliable, ordered **stream of bytes**, then hang
up. A stream has no message boundaries: three sends may arrive as one receive. Below, three pieces sent to a TCP
echo server come back in a single read.
""", """
## 2.5 tcp相关介绍

UDP 像寄信：无需准备，每封信各自独立，有的可能丢失。**TCP** 像打电话：双方先*建立连接*（三次握手），然后交换可靠、有序的
**字节流**，最后挂断。字节流没有消息边界：发送三次，可能一次就全部收到。下面发给 TCP echo 服务器的三段数据，一次读取就全部回来了。
""")
c.code("""
try (Server echo = Tcp.echoServer(0).quiet(); TcpConnection conn = Tcp.connect("127.0.0.1", echo.port())) {
    conn.send("one");
    conn.send("two");
    conn.send("three");
    Thread.sleep(300);
    System.out.println("receive(1024) = \\"" + conn.receive(1024, Duration.ofSeconds(2)) + "\\"");
}
""")

# 2.6
c.md("""
## 2.6 A TCP server

Like getting a phone ready for calls: `socket` (buy a phone), `bind` (insert the SIM: a fixed number), `listen`
(switch the ringer on), `accept` (pick up: a *new* socket for this caller, while the listening one keeps waiting for
others), then `recv`/`send`, then `close`. In Java, `new ServerSocket(port, backlog, address)` does the first three.
""", """
## 2.6 tcp服务器

就像让电话能接听：`socket`（买手机）、`bind`（插上手机卡：固定号码）、`listen`（打开铃声）、`accept`（接听：为这个来电者产生一个
*新*套接字，而监听套接字继续等待其他人），然后 `recv`/`send`，最后 `close`。在 Java 里，`new ServerSocket(port, backlog, address)` 一次完成前三步。
""")
c.code("""
try (TcpListener listener = Tcp.listen(0)) {
    Thread caller = Thread.ofVirtual().start(() -> {
        try (TcpConnection c = Tcp.connect("127.0.0.1", listener.port())) {
            c.sendLine("hello world");
            System.out.println("client ← " + c.readLine(Duration.ofSeconds(2)));
        }
    });
    try (TcpConnection conn = listener.accept(Duration.ofSeconds(2))) {
        System.out.println("server ← " + conn.peer() + ": " + conn.readLine(Duration.ofSeconds(2)));
        conn.sendLine("thank you !");
    }
    caller.join();
}
""")
c.md("""
What does `listen(5)` limit? Not "5 clients". On Linux the backlog bounds the queue of connections that have
*completed* the handshake but are not yet `accept`ed; the kernel completes handshakes by itself. Measured here with
a server that never calls `accept`:
""", """
`listen(5)` 限制的是什么？不是"5 个客户端"。在 Linux 上，backlog 限制的是已经*完成*握手、但还没被 `accept` 的连接队列；
握手由内核自己完成。下面用一个从不调用 `accept` 的服务器实际测量：
""")
c.code("""
Display.show(Pictures.acceptQueue(2, 5));
""")
c.md("""
**Exercise `tcp.predict-backlog`:** predict before you run the experiment below. A server listens with backlog 1 and
never calls `accept()`; four clients connect one after the other, each waiting up to 300 ms. On Linux, how many of
them complete the handshake?
""", """
**练习 `tcp.predict-backlog`：** 先预测，再运行下面的实验。一个服务器以 backlog 1 监听，从不调用 `accept()`；四个客户端依次连接，每个最多等 300 毫秒。在 Linux 上，其中有几个能完成握手？
""")
c.answer("tcp.predict-backlog", """
long established() {
    // BEGIN SOLUTION
    return 2;   // the accept queue holds backlog + 1 completed connections
    // END SOLUTION
}
""", zh={"the accept queue holds backlog + 1 completed connections": "accept 队列能容纳 backlog + 1 个已完成握手的连接"})
c.check("tcp.predict-backlog", 1, """
Check.tcpPredictBacklog(() -> established());
""")
c.code("""
TcpLab.backlog(1, 4, Duration.ofMillis(300))
""")
c.md("""
**Exercise `tcp.server`:** accept one client on `server`, read one line (UTF-8), answer with `thank you: ` followed by
that line and a newline (for `hi`: `thank you: hi`), close that client's socket (not the server's).
""", """
**练习 `tcp.server`：** 在 `server` 上接受一个客户端，读取一行（UTF-8），回复 `thank you: ` 加上读到的这一行再加换行（读到 `hi` 时回复 `thank you: hi`），然后关闭这个客户端的套接字（不是服务器的）。
""")
c.answer("tcp.server", """
void serveOnce(ServerSocket server) throws Exception {
    // BEGIN SOLUTION
    try (Socket client = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        String line = in.readLine();
        client.getOutputStream().write(("thank you: " + line + "\\n").getBytes(StandardCharsets.UTF_8));
    }
    // END SOLUTION
}
""")
c.check("tcp.server", 3, """
Check.tcpServer(server -> serveOnce(server));
""")

# 2.7
c.md("""
## 2.7 A TCP client

The client is simpler: create a socket and `connect` to the server's address — the system picks the client's port.
Then send and receive. Because TCP is a stream, one `recv(1024)` may return half a message or two; the programs
here mark the end of each message with a newline and read whole lines.
""", """
## 2.7 tcp客户端

客户端更简单：创建套接字，`connect` 到服务器的地址——客户端的端口由系统选择。然后收发数据。因为 TCP 是字节流，一次
`recv(1024)` 可能只收到半条消息，也可能收到两条；这里的程序用换行符标记每条消息的结尾，并按整行读取。
""")
c.code("""
try (Server peer = Tcp.serve(0, conn -> conn.sendLine("qie, " + conn.readLine(Duration.ofSeconds(2)) + " maoxian a")).quiet();
     TcpConnection client = Tcp.connect("127.0.0.1", peer.port())) {
    System.out.println("client.localPort() = " + client.localPort() + " → peer.port() = " + peer.port());
    System.out.println("← " + client.request("haha", Duration.ofSeconds(2)));
}
""")
c.md("""
**Exercise `tcp.client`:** connect to `host:port`, send `line` and a newline, return the line the server answers.
""", """
**练习 `tcp.client`：** 连接 `host:port`，发送 `line` 加换行，返回服务器回复的那一行。
""")
c.answer("tcp.client", """
String ask(String host, int port, String line) throws Exception {
    // BEGIN SOLUTION
    try (Socket socket = new Socket(host, port)) {
        socket.getOutputStream().write((line + "\\n").getBytes(StandardCharsets.UTF_8));
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
    // END SOLUTION
}
""")
c.check("tcp.client", 3, """
Check.tcpClient((host, port, line) -> ask(host, port, line));
""")
c.md("""
### Messages in a stream: framing

Lines are one way to mark where a message ends; they fail when a message may itself contain a newline, or is binary.
The other common way is a **length prefix**: each message is sent as its length (here 2 bytes, big-endian, unsigned)
followed by that many bytes. The reader must then cope with what TCP really delivers: a `read()` returns whatever has
arrived — half of the length, half of a Chinese character, two messages at once.

**Exercise `tcp.frames`:** read frames from `socket` until the other side closes, and return the messages (UTF-8).
The check sends its frames in pieces as small as 3 bytes.
""", """
### 字节流里的消息：分帧

用换行标记消息结尾是一种办法；但如果消息本身可能包含换行，或者是二进制数据，这种办法就不行了。另一种常用的办法是**长度前缀**：
每条消息先发送它的长度（这里是 2 字节、大端序、无符号），再发送这么多字节。读的一方必须应付 TCP 实际交付的情况：一次 `read()` 返回的是已经到达的字节——可能是半个长度、半个汉字，也可能是两条消息。

**练习 `tcp.frames`：** 从 `socket` 读取帧，直到对方关闭连接，返回其中的消息（UTF-8）。检查会把帧切成小到 3 个字节的片段发送。
""")
c.answer("tcp.frames", """
List<String> readFrames(Socket socket) throws Exception {
    // BEGIN SOLUTION
    DataInputStream in = new DataInputStream(socket.getInputStream());
    List<String> messages = new ArrayList<>();
    while (true) {
        int length;
        try {
            length = in.readUnsignedShort();   // exactly 2 bytes, however they arrive
        } catch (EOFException end) {
            return messages;                    // the other side closed between two frames
        }
        byte[] body = new byte[length];
        in.readFully(body);                     // exactly length bytes
        messages.add(new String(body, StandardCharsets.UTF_8));
    }
    // END SOLUTION
}
""", zh={"exactly 2 bytes, however they arrive": "恰好 2 个字节，无论它们怎样到达",
         "the other side closed between two frames": "对方在两帧之间关闭了连接",
         "exactly length bytes": "恰好 length 个字节"})
c.check("tcp.frames", 3, """
Check.tcpFrames(socket -> readFrames(socket));
""")
c.md("""
### Closing a connection: TIME_WAIT

The side that closes first keeps a trace of the connection for a while, in the state **TIME_WAIT** (60 s on Linux),
so that late segments of the old connection cannot be mistaken for a new one. That is why a restarted server may
fail to bind its port ("Address already in use") unless it sets `SO_REUSEADDR` — Java's `ServerSocket` does so on
Linux by default. The experiment closes a connection and shows the row and the states it passes through:
""", """
### 关闭连接：TIME_WAIT

先关闭的一方会把这个连接保留一段时间，状态是 **TIME_WAIT**（Linux 上为 60 秒），以免旧连接迟到的报文段被误认为属于新连接。
这就是为什么重启的服务器可能绑定不了原来的端口（"Address already in use"），除非设置了 `SO_REUSEADDR`——Java 的 `ServerSocket`
在 Linux 上默认就设置了。下面的实验关闭一个连接，显示那一行以及它经过的状态：
""")
c.code("""
Display.show(TcpLab.timeWait());
for (TcpState s : List.of(TcpState.ESTABLISHED, TcpState.FIN_WAIT2, TcpState.TIME_WAIT, TcpState.CLOSE_WAIT)) {
    System.out.printf("%-12s %s%n", s, s.meaning());
}
""")
c.md("""
Every new connection costs a handshake and leaves a TIME_WAIT row behind. Sending many requests over **one long
connection** avoids both; the experiment times 200 requests each way:
""", """
每个新连接都要付出一次握手的代价，并留下一行 TIME_WAIT。在**一个长连接**上发送许多请求就能避免这两者；下面的实验对两种方式各计时 200 个请求：
""")
c.code("""
TcpLab.longVsShort(200)
""")

# 2.8
c.md("""
## 2.8 Project: a chat over TCP

The seed's chat takes turns: the client sends, waits for the answer, sends again; an empty line ends it, and the
server sees the end as a `recv` that returns nothing (`readLine()` returns `null` in Java). netlab's chat server
relays every line to the other clients, so two people can talk through it:
""", """
## 2.8 应用：模拟QQ聊天

原课程的聊天是轮流进行的：客户端发送，等待回复，再发送；输入空行就结束，服务器看到的结束标志是 `recv` 返回空
（在 Java 里是 `readLine()` 返回 `null`）。netlab 的聊天服务器把每一行转发给其他客户端，所以两个人可以通过它交谈：
""")
c.code("""
try (Server chat = Tcp.chatServer(0).quiet();
     TcpConnection alice = Tcp.connect("127.0.0.1", chat.port());
     TcpConnection bob = Tcp.connect("127.0.0.1", chat.port())) {
    Thread.sleep(200);
    alice.sendLine("hi bob, 你好");
    for (int i = 0; i < 3; i++) {
        try {
            System.out.println("bob ← " + bob.readLine(Duration.ofMillis(500)));
        } catch (TimedOutException e) {
            break;
        }
    }
}
""")
c.md("""
The chat server above talks to Alice and Bob at once. The seed's server could not: it served one client and ignored
everyone else until that client left.

**Exercise `tcp.multi-client`:** accept `clients` clients on `server` and serve them at the same time: answer every
line a client sends with the same line, close a client's socket when it closes its side, and return once all of them
are done (leave `server` open). The check's first client connects and then stays quiet while the others talk.
""", """
上面的聊天服务器能同时和 Alice、Bob 对话。原课程的服务器做不到：它服务一个客户端，在这个客户端离开之前不理会其他任何人。

**练习 `tcp.multi-client`：** 在 `server` 上接受 `clients` 个客户端并同时服务它们：客户端发来的每一行都原样回复；客户端关闭它那一端时关闭它的套接字；全部客户端都结束后返回（`server` 保持打开）。检查的第一个客户端连上之后一直不说话，其他客户端则在此时发言。
""")
c.answer("tcp.multi-client", """
void serve(ServerSocket server, int clients) throws Exception {
    // BEGIN SOLUTION
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
        Socket client = server.accept();
        threads.add(Thread.ofVirtual().start(() -> {   // one thread per client
            try (client) {
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write((line + "\\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException gone) {
                // this client is gone; the others go on
            }
        }));
    }
    for (Thread t : threads) {
        t.join();
    }
    // END SOLUTION
}
""", zh={"one thread per client": "每个客户端一个线程", "this client is gone; the others go on": "这个客户端断开了；其他客户端不受影响"})
c.check("tcp.multi-client", 3, """
Check.tcpMultiClient((server, clients) -> serve(server, clients));
""")
c.md("""
**Exercise `tcp.chat`:** connect once; for each line up to the first empty one, send it and read one answer line;
then close. Return the answers.
""", """
**练习 `tcp.chat`：** 只连接一次；对第一个空行之前的每一行，发送它并读取一行回复；然后关闭连接。返回所有回复。
""")
c.answer("tcp.chat", """
List<String> chat(String host, int port, List<String> lines) throws Exception {
    // BEGIN SOLUTION
    List<String> answers = new ArrayList<>();
    try (Socket socket = new Socket(host, port)) {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        for (String line : lines) {
            if (line.isEmpty()) {
                break;
            }
            out.write((line + "\\n").getBytes(StandardCharsets.UTF_8));
            answers.add(in.readLine());
        }
    }
    return answers;
    // END SOLUTION
}
""")
c.check("tcp.chat", 3, """
Check.tcpChat((host, port, lines) -> chat(host, port, lines));
""")
c.code("""
System.out.println("serverLog:");
serverLog.forEach(line -> System.out.println("  " + line));
server.close();   // stop the TFTP server and remove its files
try (var files = Files.list(dir)) {
    for (Path f : files.toList()) Files.delete(f);
}
Files.delete(dir);
""", zh={"stop the TFTP server and remove its files": "停止 TFTP 服务器并删除它的文件"})
c.md("""
## Errata: where the original course is wrong or outdated

1. **Fixed-length RRQ.** `struct.pack("!H8sb5sb", …)` works only for 8-character file names; a request is as long
   as its strings (§2.3).
2. **Text mode and append.** The sample saves with `open("test.jpg", "a")`: run it twice and the second download is
   appended to the first; on Windows, text mode also rewrites `\\n` bytes inside an image. Write binary, truncating.
3. **No timeout.** One lost packet and `recvfrom` waits forever; nothing is ever retransmitted. The relay in §2.2 and
   the `tftp.download` check show what a client must do (RFC 1350 §2).
4. **TID not checked.** The sample ACKs whatever arrives from anywhere; a client must talk only to the port that sent
   DATA 1.
5. **Block numbers are unsigned 16-bit.** Files beyond 65535 blocks (32 MB at 512 B) wrap to 0; in Java a `short`
   above 32767 reads negative unless masked with `& 0xFFFF`.
6. The sample's indentation is broken in the source (the `< 516` test sits outside its loop).
7. **Broadcast.** `'<broadcast>'` floods your LAN; use `127.255.255.255` to learn. Only wildcard-bound sockets hear
   it. And switches do *not* repeat every frame to every port (that is a hub): they learn where each MAC address is
   and flood only broadcasts and frames for unknown addresses (§2.4, chapter 3).
8. §2.5 says "the **UDP** model must connect first" — that sentence is about TCP.
9. **`listen(5)` on Linux** bounds the queue of *completed*, not-yet-accepted connections (full at backlog + 1),
   capped by `net.core.somaxconn`; half-open connections have their own queue. When it is full, new SYNs are
   dropped and the client retries — it is not refused (§2.6, `TcpLab.backlog`).
10. **`recv(1024)` is not a message.** TCP is a byte stream; frame your messages, e.g. with lines (§2.5, §2.7).
11. The chat server with `raw_input` serves one client at a time and cannot receive while it waits for the keyboard.
""", """
## 勘误：原课程中错误或过时的地方

1. **定长 RRQ。** `struct.pack("!H8sb5sb", …)` 只适用于 8 个字符的文件名；请求的长度应随字符串长度而定（2.3 节）。
2. **文本模式与追加。** 示例用 `open("test.jpg", "a")` 保存：运行两次，第二次下载的内容会追加在第一次后面；在 Windows 上，
   文本模式还会改写图片中的 `\\n` 字节。应以二进制、覆盖方式写入。
3. **没有超时。** 丢一个包，`recvfrom` 就会永远等待；也从不重传。2.2 节的中继和 `tftp.download` 的检查展示了客户端必须做什么（RFC 1350 第 2 节）。
4. **不检查 TID。** 示例对任何来源的包都回复 ACK；客户端只应和发来 DATA 1 的那个端口通信。
5. **块编号是无符号 16 位数。** 超过 65535 块（512 字节一块约 32 MB）的文件块编号会回绕到 0；在 Java 里，`short` 大于 32767
   时读出来是负数，必须用 `& 0xFFFF` 处理。
6. 原文示例代码的缩进是错的（`< 516` 的判断跑到了循环外面）。
7. **广播。** `'<broadcast>'` 会发遍整个局域网；学习时请用 `127.255.255.255`。只有绑定通配地址的套接字能收到。另外，交换机并*不*
   把每一帧都转发到所有端口（那是集线器）：它会学习每个 MAC 地址在哪个端口，只泛洪广播帧和目的地址未知的帧（2.4 节，第 3 章）。
8. 2.5 节写的"**udp**通信模型中，在通信开始之前，一定要先建立相关的链接"——这句说的其实是 TCP。
9. **Linux 上的 `listen(5)`** 限制的是*已完成*握手、尚未被 accept 的连接队列（达到 backlog + 1 即满），上限为
   `net.core.somaxconn`；半连接有自己的队列。队列满时新的 SYN 被丢弃，客户端会重试——而不是被拒绝（2.6 节，`TcpLab.backlog`）。
10. **`recv(1024)` 不等于一条消息。** TCP 是字节流；要自己划分消息，比如按行（2.5、2.7 节）。
11. 用 `raw_input` 的聊天服务器一次只能服务一个客户端，并且在等待键盘输入时无法接收数据。
""")

if __name__ == "__main__":
    import sys
    c.write(sys.argv[1], "02-tftp-and-tcp.ipynb")
