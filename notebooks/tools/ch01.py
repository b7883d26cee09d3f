"""Chapter 1: network overview and UDP (seed §1.1–1.16)."""
from cells import Chapter

# what the demo cells print, in Chinese for the zh notebook (cells.py: labels)
ZH_LABELS = {
    '" B payload + 8 B UDP header + 20 B IPv4 header = "': '" B 数据 + 8 B UDP 头部 + 20 B IPv4 头部 = "',
    '" B in the IP packet"': '" B 的 IP 包"',
    '"%-13s class %s  private=%-5s loopback=%-5s %s%n"': '"%-13s %s 类  私有=%-5s 回环=%-5s %s%n"',
    '"assistant ← "': '"助手 ← "',
    '" from "': '" 来自 "',
}

c = Chapter("c01", labels=ZH_LABELS)
c.md("""
# 1 · Networks and UDP

This chapter follows sections 1.1–1.16 of the original (Python 2) course, in Java. Every demo runs on your own
machine over the loopback interface (`127.0.0.1`): the "other computer" is another socket in this notebook.
Ports are chosen by the system (port `0` means "any free port"), so thirty students on one server never collide.

Run the next cell first: it imports the JDK's networking classes used throughout.
""", """
# 1 · 网络概述与 UDP

本章对应原课程（Python 2 版）的 1.1–1.16 节，改用 Java。所有演示都通过回环接口（`127.0.0.1`）在你自己的电脑上运行：
"另一台电脑"就是本笔记本里的另一个套接字。端口由系统分配（端口号 `0` 表示"任意空闲端口"），所以三十个学生共用一台服务器也不会冲突。

先运行下一个单元格：它导入本章要用的 JDK 网络类。
""")
c.code("""
import java.net.*;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.function.Consumer;
import netlab.course.Pictures;
""")

# 1.1
c.md("""
## 1.1 What a network is for

A network connects two or more programs so they can pass data to each other — usually on different
computers, sometimes (as here) on the same one. Below, program **A** sends a message and program **B**
receives it, together with the address it came from.
""", """
## 1.1 网络通信概述

网络把两个或多个程序连在一起，让它们互相传递数据——通常在不同的电脑上，有时（比如这里）在同一台电脑上。
下面程序 **A** 发出一条消息，程序 **B** 收到它，同时知道它是从哪个地址来的。
""")
c.code("""
try (UdpEndpoint a = Udp.bind("127.0.0.1", 0); UdpEndpoint b = Udp.bind("127.0.0.1", 0)) {
    a.send("你好, B! hello, B!", "127.0.0.1", b.port());
    Datagram d = b.receive(Duration.ofSeconds(2));
    System.out.println("B ← " + d.sender() + ": \\"" + d.text() + "\\"");
}
""")

# 1.2
c.md("""
## 1.2 TCP/IP in brief

A *protocol* is an agreed format and set of rules. The Internet uses a family of protocols named after two of
them, TCP and IP, organised in four layers: each layer uses the one below and adds its own header. When you send
two bytes over UDP, UDP adds an 8-byte header (ports, length, checksum) and IPv4 adds 20 bytes (addresses, TTL…).
""", """
## 1.2 TCP/IP 简介

*协议*就是约定好的格式和规则。互联网使用一族协议，以其中的 TCP 和 IP 命名，分为四层：每一层使用下一层的服务，
并加上自己的首部。用 UDP 发送 2 个字节时，UDP 加 8 字节首部（端口、长度、校验和），IPv4 再加 20 字节（地址、TTL 等）。
""")
c.code("""
Display.show(Table.of("layer 层", "job 作用", "in this course 本课程")
        .row("application 应用层", "what the bytes mean 数据的含义", "TFTP, echo, chat, DNS")
        .row("transport 传输层", "which program: ports; TCP stream or UDP datagrams 哪个程序：端口", "Udp, Tcp")
        .row("internet 网络层", "which computer: IP addresses, routing 哪台电脑：IP 地址、路由", "Ipv4, Subnet")
        .row("link 链路层", "the next hop: Ethernet, Wi-Fi 下一跳：以太网、Wi-Fi", "chapter 3 第 3 章"));
byte[] payload = "hi".getBytes(StandardCharsets.UTF_8);
System.out.println(payload.length + " B payload + 8 B UDP header + 20 B IPv4 header = "
        + (payload.length + 8 + 20) + " B in the IP packet");
Display.show(Pictures.layers());
""")

# 1.3
c.md("""
## 1.3 Ports

An IP address picks the computer; a **port** (0–65535, 16 bits) picks the program on it — like a door of a house.
Well-known services have fixed numbers (HTTP 80, DNS 53, TFTP 69); a client usually gets a temporary
(*ephemeral*) port from the system. `SocketTable` reads the system's socket table, like `ss -uan` (the seed used
`netstat -an`).

Note: the seed divides ports into "well-known 0–1023" and "dynamic 1024–65535". Today's rule (IANA, RFC 6335) has
three ranges: **well-known 0–1023**, **registered 1024–49151**, **dynamic 49152–65535** — and Linux picks its
ephemeral ports from its own range, shown below.
""", """
## 1.3 端口

IP 地址确定是哪一台电脑，**端口**（0–65535，16 位）确定是这台电脑上的哪一个程序——就像一栋房子的门牌。知名服务有固定的端口号
（HTTP 80、DNS 53、TFTP 69）；客户端一般由系统分配一个**临时端口**（ephemeral port）。`SocketTable` 读取系统的套接字表，
相当于 `ss -uan`（原课程用的是 `netstat -an`）。

注意：原课程把端口分成"知名端口 0–1023"和"动态端口 1024–65535"。现行规定（IANA，RFC 6335）是三段：
**知名端口 0–1023**、**注册端口 1024–49151**、**动态端口 49152–65535**——而 Linux 的临时端口取自它自己的范围，见下面的输出。
""")
c.code("""
for (int p : new int[] {21, 22, 53, 69, 80, 443}) {
    System.out.println(p + " → " + Ports.name(p));
}
System.out.println("Ports.ephemeralRange() = " + Ports.ephemeralRange());
try (UdpEndpoint u = Udp.bind("127.0.0.1", 0)) {
    Display.show(SocketTable.read().localPort(u.port()));
}
""")
c.md("""
Two things in such tables surprise everyone once. A Java socket is an IPv6 socket that also carries IPv4 (*dual
stack*), so `ss` may list it as `udp6` with the address `[::ffff:127.0.0.1]`: that is the IPv4 address 127.0.0.1
written in IPv6 form. And `[::]` or `*` as a local address means "every address of this machine", like `0.0.0.0`
in IPv4. A name such as `localhost` becomes an address before any of this: `Dns` shows where the answer comes
from (here `/etc/hosts`; no packet leaves the machine).

**Exercise `net.port-kind`:** return `"well-known"`, `"registered"` or `"dynamic"` for a port number.
""", """
这类表格里有两处第一次看都会让人意外。Java 的套接字是同时承载 IPv4 的 IPv6 套接字（*双栈*），所以 `ss` 可能把它列为 `udp6`，
地址写成 `[::ffff:127.0.0.1]`：这其实就是用 IPv6 形式写出的 IPv4 地址 127.0.0.1。而本地地址 `[::]` 或 `*` 表示"本机的所有地址"，
相当于 IPv4 的 `0.0.0.0`。在这一切之前，`localhost` 这样的名字要先变成地址：`Dns` 显示答案从哪里来（这里是 `/etc/hosts`，没有任何数据包离开本机）。

**练习 `net.port-kind`：** 对一个端口号返回 `"well-known"`、`"registered"` 或 `"dynamic"`。
""")
c.code("""
Display.show(Dns.explain("localhost"));
""")
c.answer("net.port-kind", """
String portKind(int port) {
    // BEGIN SOLUTION
    if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("a port is 0..65535, not " + port);
    }
    if (port <= 1_023) return "well-known";
    if (port <= 49_151) return "registered";
    return "dynamic";
    // END SOLUTION
}
""")
c.check("net.port-kind", 3, """
Check.netPortKind(port -> portKind(port));
""")
c.md("""
**Exercise `net.read-socket-table`:** a server was started on port 7788, and `ss -uan` printed this on its machine:

| proto | local address | peer address |
|---|---|---|
| udp | 127.0.0.1:7788 | 0.0.0.0:* |
| udp | 127.0.0.1:51234 | 127.0.0.1:7788 |
| udp6 | [::]:5353 | [::]:* |
| udp6 | [::ffff:127.0.0.1]:40001 | [::ffff:127.0.0.1]:7788 |
| udp | 127.0.0.1:53 | 0.0.0.0:* |

How many rows are clients of the server on port 7788? (A client's socket is *connected*: its peer is the server.)
""", """
**练习 `net.read-socket-table`：** 一台机器在端口 7788 上启动了一个服务器，`ss -uan` 在这台机器上输出如下：

| 协议 | 本地地址 | 对端地址 |
|---|---|---|
| udp | 127.0.0.1:7788 | 0.0.0.0:* |
| udp | 127.0.0.1:51234 | 127.0.0.1:7788 |
| udp6 | [::]:5353 | [::]:* |
| udp6 | [::ffff:127.0.0.1]:40001 | [::ffff:127.0.0.1]:7788 |
| udp | 127.0.0.1:53 | 0.0.0.0:* |

其中有几行是端口 7788 上那个服务器的客户端？（客户端的套接字是*已连接*的：它的对端就是服务器。）
""")
c.answer("net.read-socket-table", """
long clientsOf7788() {
    // BEGIN SOLUTION
    return 2;   // 51234, and 40001 whose IPv4-mapped IPv6 peer is 127.0.0.1:7788
    // END SOLUTION
}
""", zh={"51234, and 40001 whose IPv4-mapped IPv6 peer is 127.0.0.1:7788": "51234，以及 40001：它的对端是映射成 IPv6 的 127.0.0.1:7788"})
c.check("net.read-socket-table", 1, """
Check.netReadSocketTable(() -> clientsOf7788());
""")

# 1.4
c.md("""
## 1.4 IP addresses

An IPv4 address is 32 bits, written as four decimal octets. It has a *network* part and a *host* part. The seed
teaches the old **classes**: the first bits of the first octet fix how long the network part is (A: 8 bits, B: 16,
C: 24; D is multicast, E reserved). Classes were replaced by CIDR prefixes in 1993 — you will meet them in every
textbook and exam, but real networks say `/24`, not "class C". Private ranges (10/8, 172.16/12, 192.168/16) and
loopback (127/8) are still exactly as the seed says.
""", """
## 1.4 IP 地址

IPv4 地址有 32 位，写成四个十进制数。它分为*网络号*和*主机号*两部分。原课程讲的是旧的**分类**：第一个字节的前几位
决定网络号的长度（A 类 8 位，B 类 16 位，C 类 24 位；D 类用于多播，E 类保留）。1993 年起分类已被 CIDR 前缀取代——
教材和考试里处处都有它，但实际网络里说的是 `/24`，而不是"C 类"。私有地址（10/8、172.16/12、192.168/16）和回环地址（127/8）
仍然和原课程说的完全一样。
""")
c.code("""
for (String ip : List.of("10.1.2.3", "172.16.0.1", "192.168.1.10", "224.0.0.251", "127.0.0.1", "8.8.8.8")) {
    Ipv4 a = Ipv4.parse(ip);
    System.out.printf("%-13s class %s  private=%-5s loopback=%-5s %s%n",
            ip, a.addressClass(), a.isPrivate(), a.isLoopback(), a.binary());
}
""")
c.md("""
**Exercise `ip.class-of`:** return the class letter (`"A"` … `"E"`) of a dotted address. Only the first octet matters.
""", """
**练习 `ip.class-of`：** 返回点分十进制地址的类别字母（`"A"` … `"E"`）。只需看第一个字节。
""")
c.answer("ip.class-of", """
String classOf(String ip) {
    // BEGIN SOLUTION
    int first = Integer.parseInt(ip.substring(0, ip.indexOf('.')));
    if (first < 128) return "A";
    if (first < 192) return "B";
    if (first < 224) return "C";
    if (first < 240) return "D";
    return "E";
    // END SOLUTION
}
""")
c.check("ip.class-of", 4, """
Check.ipClassOf(ip -> classOf(ip));
""")

# 1.5
c.md("""
## 1.5 Subnet masks

A **mask** says how many leading bits are the network part: `255.255.255.0` = `/24`. Two hosts can talk directly
(without a router) when `address & mask` is the same for both. A /24 has 256 addresses; the first (network) and
last (broadcast) are not given to hosts, so 254 remain.
""", """
## 1.5 子网掩码

**子网掩码**说明前多少位是网络号：`255.255.255.0` 就是 `/24`。两台主机的地址分别和掩码做按位与（`&`），结果相同时，它们可以不经路由器直接通信。
一个 /24 有 256 个地址；第一个（网络地址）和最后一个（广播地址）不分配给主机，所以剩下 254 个。
""")
c.code("""
Subnet net = Subnet.parse("192.168.1.0/24");
Display.show(net.describe());
System.out.println("mask() = " + net.mask() + "   firstHost() … lastHost() = " + net.firstHost() + " … " + net.lastHost()
        + "   hostCount() = " + net.hostCount() + "   broadcast() = " + net.broadcast());
System.out.println("contains(192.168.1.77) = " + net.contains(Ipv4.parse("192.168.1.77"))
        + "   contains(192.168.2.77) = " + net.contains(Ipv4.parse("192.168.2.77")));
""")
c.md("""
**Exercise `ip.same-subnet`:** do `a` and `b` share the same /`prefix` network? Watch out for `/0` — in Java,
`-1 << 32` is `-1`, not `0`.
""", """
**练习 `ip.same-subnet`：** `a` 和 `b` 是否在同一个 /`prefix` 网络中？小心 `/0`——在 Java 里 `-1 << 32` 等于 `-1`，不是 `0`。
""")
c.answer("ip.same-subnet", """
boolean sameSubnet(String a, String b, int prefix) {
    // BEGIN SOLUTION
    long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    return (Ipv4.parse(a).toLong() & mask) == (Ipv4.parse(b).toLong() & mask);
    // END SOLUTION
}
""")
c.check("ip.same-subnet", 3, """
Check.ipSameSubnet((a, b, prefix) -> sameSubnet(a, b, prefix));
""")
c.md("""
**Exercise `subnet.host-count`:** how many hosts can a /`prefix` network number? (/31 point-to-point links keep
both addresses, RFC 3021; a /32 is one host.)
""", """
**练习 `subnet.host-count`：** 一个 /`prefix` 网络最多能容纳多少台主机？（/31 点对点链路两个地址都可用，见 RFC 3021；/32 就是一台主机。）
""")
c.answer("subnet.host-count", """
long hostCount(int prefix) {
    // BEGIN SOLUTION
    if (prefix == 32) return 1;
    if (prefix == 31) return 2;
    return (1L << (32 - prefix)) - 2;
    // END SOLUTION
}
""")
c.check("subnet.host-count", 3, """
Check.subnetHostCount(prefix -> hostCount(prefix));
""")

# 1.6
c.md("""
## 1.6 Sockets

A **socket** is the program's end of a conversation: the operating system object you send through and receive
from. Python's `socket(AF_INET, SOCK_DGRAM)` is Java's `DatagramSocket` (UDP); `SOCK_STREAM` is `Socket` /
`ServerSocket` (TCP). A socket address is an IP address plus a port.
""", """
## 1.6 socket 简介

**套接字（socket）**是程序这一端的通信端点：一个操作系统对象，程序通过它发送和接收数据。Python 的
`socket(AF_INET, SOCK_DGRAM)` 对应 Java 的 `DatagramSocket`（UDP）；`SOCK_STREAM` 对应 `Socket` / `ServerSocket`（TCP）。
套接字地址就是 IP 地址加端口。
""")
c.code("""
try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
     ServerSocket tcp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
    System.out.println("udp: " + udp.getLocalSocketAddress());
    System.out.println("tcp: " + tcp.getLocalSocketAddress());
}
""")

# 1.7
c.md("""
## 1.7 UDP

UDP (User Datagram Protocol) sends **datagrams**: separate messages, each delivered whole or not at all, with no
connection, no acknowledgement, no ordering guarantee. It is cheap and fast, good for DNS, TFTP, streaming, games.
Three sends are three receives — message boundaries are kept (TCP, in chapter 2, does not keep them).
""", """
## 1.7 udp 介绍

UDP（用户数据报协议）发送**数据报**：一条条独立的消息，要么完整送达，要么丢失；没有连接、没有确认，也不保证顺序。
它开销小、速度快，适合 DNS、TFTP、音视频、游戏。发送三次就接收三次——消息边界被保留（第 2 章的 TCP 不保留边界）。
""")
c.code("""
try (UdpEndpoint a = Udp.bind("127.0.0.1", 0); UdpEndpoint b = Udp.bind("127.0.0.1", 0)) {
    for (String t : List.of("one", "two", "three")) {
        a.send(t, "127.0.0.1", b.port());
    }
    for (int i = 1; i <= 3; i++) {
        System.out.println("#" + i + ": " + b.receive(Duration.ofSeconds(2)).text());
    }
}
""")

# 1.8
c.md("""
## 1.8 Sending data

The seed sends to the "network debugging assistant" (网络调试助手), a Windows tool, on another PC. Here the
assistant is a socket started in the next cell. Sending takes five steps: create a socket, name the receiver's
address, **turn the text into bytes**, send, close. Python 2 let you send a `str` because it *was* bytes (in whatever
encoding your terminal used); in Java you choose the charset — always say UTF-8.
""", """
## 1.8 udp网络程序-发送数据

原课程把数据发给另一台 PC 上的"网络调试助手"（一个 Windows 工具）。这里的"助手"是下一个单元格启动的一个套接字。
发送分五步：创建套接字、写出接收方地址、**把文字变成字节**、发送、关闭。Python 2 可以直接发送 `str`，因为它本来就是字节
（编码随终端而定）；在 Java 里由你选择字符集——请总是写明 UTF-8。
""")
c.code("""
UdpEndpoint assistant = Udp.bind("127.0.0.1", 0);   // plays the seed's 网络调试助手
System.out.println("assistant.port() = " + assistant.port());
""", zh={"plays the seed's 网络调试助手": "扮演原课程的网络调试助手"})
c.code("""
try (DatagramSocket socket = new DatagramSocket()) {                               // 1. create a socket
    InetSocketAddress to = new InetSocketAddress("127.0.0.1", assistant.port());    // 2. the receiver
    byte[] data = "haha".getBytes(StandardCharsets.UTF_8);                         // 3. text → bytes
    socket.send(new DatagramPacket(data, data.length, to));                        // 4. send
}                                                                                   // 5. close
Datagram got = assistant.receive(Duration.ofSeconds(2));
System.out.println("assistant ← " + got.sender() + ": \\"" + got.text() + "\\" = " + got.hex());
""", zh={"1. create a socket": "1. 创建套接字", "2. the receiver": "2. 接收方地址", "3. text → bytes": "3. 文字 → 字节",
         "4. send": "4. 发送", "5. close": "5. 关闭"})
c.md("""
**Exercise `udp.send`:** send `text`, encoded as UTF-8, in one datagram to `127.0.0.1:port`.
""", """
**练习 `udp.send`：** 把 `text` 按 UTF-8 编码，用一个数据报发送到 `127.0.0.1:port`。
""")
c.answer("udp.send", """
void send(String text, int port) throws Exception {
    // BEGIN SOLUTION
    try (DatagramSocket socket = new DatagramSocket()) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), port));
    }
    // END SOLUTION
}
""")
c.check("udp.send", 2, """
Check.udpSend((text, port) -> send(text, port));
""")

# 1.9
c.md("""
## 1.9 Sending and receiving

Now the assistant answers "thank you". `recvfrom(1024)` becomes a `DatagramPacket` with a 1024-byte buffer and
`socket.receive(packet)`; only `packet.getLength()` bytes of the buffer are the message. A longer datagram would be
cut to the buffer's size without any error — in Python and in Java.
""", """
## 1.9 udp网络程序-发送、接收数据

现在"助手"回复 "thank you"。`recvfrom(1024)` 在 Java 里是一个带 1024 字节缓冲区的 `DatagramPacket` 加上
`socket.receive(packet)`；缓冲区里只有前 `packet.getLength()` 个字节是这条消息。更长的数据报会被截断到缓冲区大小，而且不报任何错——Python 和 Java 都一样。
""")
c.code("""
try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
    socket.setSoTimeout(2_000);
    byte[] data = "fasdfsadf".getBytes(StandardCharsets.UTF_8);
    socket.send(new DatagramPacket(data, data.length, new InetSocketAddress("127.0.0.1", assistant.port())));
    assistant.reply(assistant.receive(Duration.ofSeconds(2)), "thank you");   // the assistant answers
    DatagramPacket p = new DatagramPacket(new byte[1024], 1024);             // recvfrom(1024)
    socket.receive(p);
    System.out.println(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8) + " from " + p.getSocketAddress());
}
""", zh={"the assistant answers": "助手回复"})
c.md("""
**Exercise `udp.predict-truncation`:** the 10-byte datagram `0123456789` arrives at a socket whose program calls
`socket.receive(p)` with `DatagramPacket p = new DatagramPacket(new byte[4], 4)`. What text does
`new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8)` give? Predict it, without running anything.
""", """
**练习 `udp.predict-truncation`：** 10 个字节的数据报 `0123456789` 到达一个套接字，程序用 `DatagramPacket p = new DatagramPacket(new byte[4], 4)` 调用 `socket.receive(p)`。`new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8)` 得到什么文字？不要运行任何代码，先预测。
""")
c.answer("udp.predict-truncation", """
String firstReceive() {
    // BEGIN SOLUTION
    return "0123";   // cut to the buffer, silently; the other 6 bytes are lost, not kept for the next receive
    // END SOLUTION
}
""", zh={"cut to the buffer, silently; the other 6 bytes are lost, not kept for the next receive":
         "悄悄截断到缓冲区大小；其余 6 个字节丢失，不会留给下一次 receive"})
c.check("udp.predict-truncation", 1, """
Check.udpPredictTruncation(() -> firstReceive());
""")
c.md("""
Why did Chinese text sent from Linux show up garbled in the Windows assistant? The assistant decoded with GBK,
the script encoded with UTF-8. The same characters are different bytes in each charset:
""", """
为什么从 Linux 发出的中文在 Windows 的调试助手里显示成乱码？助手用 GBK 解码，而脚本用 UTF-8 编码。同样的字在两种字符集里是不同的字节：
""")
c.code("""
Encodings.compare("你好")
""")
c.md("""
**Exercise `udp.receive`:** receive one datagram on the given socket and return its text (UTF-8). The check also
sends a datagram of several thousand bytes: a 1024-byte buffer, as in the demo, is not enough — how big can a UDP
datagram be?
""", """
**练习 `udp.receive`：** 在给定的套接字上接收一个数据报，返回其中的文字（UTF-8）。检查还会发送一个几千字节的数据报：
像演示那样用 1024 字节的缓冲区是不够的——一个 UDP 数据报最大能有多大？
""")
c.answer("udp.receive", """
String receive(DatagramSocket socket) throws Exception {
    // BEGIN SOLUTION
    DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
    socket.receive(p);
    return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    // END SOLUTION
}
""")
c.check("udp.receive", 2, """
Check.udpReceive(socket -> receive(socket));
""")

# 1.10
c.md("""
## 1.10 The changing port

Run a sender three times and the assistant sees three different source ports: a socket that is not bound gets a
fresh ephemeral port from the system each time. While it runs, that port identifies the program.
""", """
## 1.10 udp网络程序-端口问题

把发送程序运行三次，助手看到三个不同的源端口：没有绑定的套接字每次都由系统分配一个新的临时端口。程序运行期间，这个端口就标识这个程序。
""")
c.code("""
for (int run = 1; run <= 3; run++) {
    try (DatagramSocket s = new DatagramSocket()) {
        s.send(new DatagramPacket(new byte[] {'h', 'i'}, 2, new InetSocketAddress("127.0.0.1", assistant.port())));
        System.out.println("#" + run + ": sender() = " + assistant.receive(Duration.ofSeconds(2)).sender());
    }
}
""")

# 1.11
c.md("""
## 1.11 Binding

A server must be findable, so it **binds** a fixed port (the seed uses 7788 — like an emergency number that never
changes). Only one socket can hold a port: a second bind fails with "Address already in use". In a shared
classroom a fixed port would collide between students, so these notebooks bind port 0 and print the port they got.
The seed's `('', 7788)` means "every local address" (0.0.0.0) — open to your whole LAN; here we bind `127.0.0.1`.
""", """
## 1.11 udp绑定信息

服务器必须让别人找得到，所以它**绑定**一个固定端口（原课程用 7788——就像报警电话号码不会变）。一个端口只能被一个套接字占用：
第二次绑定会失败，报 "Address already in use"。在共用的机房里，固定端口会在学生之间冲突，所以这些笔记本绑定端口 0，再打印实际得到的端口。
原课程的 `('', 7788)` 表示"本机所有地址"（0.0.0.0）——对整个局域网开放；这里我们绑定 `127.0.0.1`。
""")
c.code("""
try (UdpEndpoint server = Udp.bind("127.0.0.1", 0)) {
    int port = server.port();
    System.out.println("server.port() = " + port);
    try (DatagramSocket second = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
        System.out.println("bind × 2 ?!");
    } catch (BindException e) {
        System.out.println("bind(" + port + ") × 2 → BindException: " + e.getMessage());
    }
}
""")

# 1.12
c.md("""
## 1.12 A UDP exchange, step by step

Like buying a phone by mail: the buyer writes to the shop's known address; the shop replies to the *return
address* on the envelope — the source IP and port of the datagram it received.
""", """
## 1.12 udp网络通信过程

就像邮购手机：买家写信到商店公开的地址；商店按信封上的*回信地址*——收到的数据报的源 IP 和源端口——回信。
""")
c.code("""
try (UdpEndpoint buyer = Udp.bind("127.0.0.1", 0); UdpEndpoint shop = Udp.bind("127.0.0.1", 0)) {
    buyer.send("one phone, please", "127.0.0.1", shop.port());
    Datagram order = shop.receive(Duration.ofSeconds(2));
    shop.reply(order, "shipped!");
    Datagram answer = buyer.receive(Duration.ofSeconds(2));
    Display.show(Table.of("#", "sender()", "→", "text()")
            .row(1, order.sender(), "127.0.0.1:" + shop.port(), order.text())
            .row(2, answer.sender(), "127.0.0.1:" + buyer.port(), answer.text()));
}
""")

# 1.13
c.md("""
## 1.13 An echo server

An echo server loops forever: receive a datagram, send it back to its sender. `Udp.echoServer(0)` is one, running
in the background; the client below talks to it.
""", """
## 1.13 udp应用：echo服务器

echo 服务器不停地循环：收到一个数据报，就原样发回给发送者。`Udp.echoServer(0)` 就是一个在后台运行的 echo 服务器；下面的客户端和它对话。
""")
c.code("""
try (Server echo = Udp.echoServer(0).quiet(); UdpEndpoint client = Udp.bind("127.0.0.1", 0)) {
    for (String t : List.of("hh, i am netlab----haha", "第二条")) {
        client.send(t, "127.0.0.1", echo.port());
        System.out.println("← " + client.receive(Duration.ofSeconds(2)).text());
    }
    System.out.println("echo.count() = " + echo.count());
}
""")
c.md("""
**Exercise `udp.echo-server`:** on the given socket, send each of the next `count` datagrams back to its sender,
then return.
""", """
**练习 `udp.echo-server`：** 在给定的套接字上，把接下来的 `count` 个数据报逐个发回给各自的发送者，然后返回。
""")
c.answer("udp.echo-server", """
void echo(DatagramSocket socket, int count) throws Exception {
    // BEGIN SOLUTION
    for (int i = 0; i < count; i++) {
        DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(p);
        socket.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
    }
    // END SOLUTION
}
""")
c.check("udp.echo-server", 2, """
Check.udpEchoServer((socket, count) -> echo(socket, count));
""")

# 1.14
c.md("""
## 1.14 A chat room

The seed's "chat room" only receives: it prints every datagram with the time and the sender's address. Two
people write to it below.
""", """
## 1.14 udp应用：聊天室

原课程的"聊天室"其实只负责接收：它打印每个数据报，带上时间和发送者地址。下面两个人给它发消息。
""")
c.code("""
try (Server room = Udp.chatRoom(0).quiet();
     UdpEndpoint alice = Udp.bind("127.0.0.1", 0); UdpEndpoint bob = Udp.bind("127.0.0.1", 0)) {
    alice.send("大家好", "127.0.0.1", room.port());
    bob.send("hello from bob", "127.0.0.1", room.port());
    room.awaitCount(2, Duration.ofSeconds(2));
    room.log().forEach(System.out::println);
}
""")
c.md("""
**Exercise `udp.chat-room`:** receive `count` datagrams and return one line for each, `IP:PORT says TEXT`: for
"hi" from port 50000 of 127.0.0.1, the line is `127.0.0.1:50000 says hi`.
""", """
**练习 `udp.chat-room`：** 接收 `count` 个数据报，每个返回一行，格式为 `IP:PORT says TEXT`，例如 127.0.0.1 的端口 50000 发来“大家好”时，这一行是 `127.0.0.1:50000 says 大家好`。
""")
c.answer("udp.chat-room", """
List<String> receiveLines(DatagramSocket socket, int count) throws Exception {
    // BEGIN SOLUTION
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
        DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(p);
        String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
        lines.add(p.getAddress().getHostAddress() + ":" + p.getPort() + " says " + text);
    }
    return lines;
    // END SOLUTION
}
""")
c.check("udp.chat-room", 2, """
Check.udpChatRoom((socket, count) -> receiveLines(socket, count));
""")

# 1.15
c.md("""
## 1.15 Summary: clients and servers

The side that *offers* a service is the server: it binds a known port and waits. The side that *asks* is the
client: it lets the system choose its port. The socket table shows both: the server's port is the one you chose,
the client's a random ephemeral one.
""", """
## 1.15 udp总结

*提供*服务的一方是服务器：它绑定一个众所周知的端口并等待。*请求*服务的一方是客户端：它让系统来选端口。
套接字表同时显示两者：服务器的端口是你选定的，客户端的是随机的临时端口。
""")
c.code("""
try (Server echo = Udp.echoServer(0).quiet(); DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
    System.out.println("echo.port() = " + echo.port() + "   client.getLocalPort() = " + client.getLocalPort());
    Display.show(SocketTable.read().udp().localPort(echo.port()));
    Display.show(SocketTable.read().udp().localPort(client.getLocalPort()));
}
""")

# 1.16
c.md("""
## 1.16 Project: a full-duplex chat ("QQ")

A person types and reads at the same time. A program that first waits for input and then for the network (like
the seed's `raw_input` loop) can only do one at a time — half duplex. With two threads, one sends while the other
receives. Below, a friend answers everything you say, while a listener thread prints what arrives.
""", """
## 1.16 udp综合作业-模拟QQ

人可以同时打字和看消息。先等键盘输入、再等网络的程序（比如原课程的 `raw_input` 循环）一次只能做一件事——半双工。
用两个线程，一个发送的同时另一个接收。下面的"朋友"会回复你说的每句话，同时一个监听线程接收到达的消息。
""")
c.code("""
try (UdpEndpoint me = Udp.bind("127.0.0.1", 0); UdpEndpoint friend = Udp.bind("127.0.0.1", 0);
     Server replies = friend.onReceive(d -> friend.reply(d, "收到 got it: " + d.text()))) {
    List<String> heard = Collections.synchronizedList(new ArrayList<>());
    Thread listener = Thread.ofVirtual().start(() -> {
        for (int i = 0; i < 3; i++) {
            heard.add(me.receive(Duration.ofSeconds(2)).text());
        }
    });
    for (String line : List.of("hi", "what's up?", "bye")) {
        me.send(line, "127.0.0.1", friend.port());
    }
    listener.join();
    heard.forEach(h -> System.out.println("← " + h));
}
""")
c.md("""
**Exercise `udp.full-duplex`:** write the chat itself. Send every line typed on `keyboard` to `peer` until
`keyboard.readLine()` returns `null` (end of input), while a second thread shows every datagram that arrives with
`screen.accept(text)` — at once, not after the next line is typed. When the keyboard ends, close the socket: the
receiving thread's `receive` then throws, which ends its loop; join it and return.

The check is a friend who waits for your first line before saying anything, then says two things while you are
not typing. A program that does one thing at a time — listen first, type first, or take turns — waits forever
on the wrong side, and the check says which.
""", """
**练习 `udp.full-duplex`：** 亲手写出这个聊天程序。把 `keyboard` 上输入的每一行发给 `peer`，直到
`keyboard.readLine()` 返回 `null`（输入结束）；与此同时，第二个线程把到达的每个数据报用 `screen.accept(text)`
显示出来——一到就显示，而不是等下一行输入之后。键盘输入结束时关闭套接字：接收线程的 `receive` 会因此抛出异常，
它的循环随之结束；等它结束（join）后返回。

检查程序扮演一位朋友：它先等你说第一句，然后在你没有打字的时候连说两句。一次只做一件事的程序——先收、先发、
或者轮流收发——都会在错误的一边永远等下去，检查结果会告诉你是哪一种。
""")
c.answer("udp.full-duplex", """
void chat(DatagramSocket socket, InetSocketAddress peer, BufferedReader keyboard, Consumer<String> screen) throws Exception {
    // BEGIN SOLUTION
    Thread receiver = Thread.ofVirtual().start(() -> {
        DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
        try {
            while (true) {
                socket.receive(p);
                screen.accept(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            }
        } catch (IOException closed) {
            // the socket was closed: the chat is over
        }
    });
    for (String line = keyboard.readLine(); line != null; line = keyboard.readLine()) {
        byte[] data = line.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(data, data.length, peer));
    }
    socket.close();
    receiver.join();
    // END SOLUTION
}
""", zh={"the socket was closed: the chat is over": "套接字已关闭：聊天结束"})
c.check("udp.full-duplex", 3, """
Check.udpFullDuplex((s, peer, keyboard, screen) -> chat(s, peer, keyboard, screen));
""")
c.code("""
assistant.close();   // give back the assistant's port
""", zh={"give back the assistant's port": "归还助手占用的端口"})
c.md("""
## Errata: where the original course is wrong or outdated

1. **Text is not bytes.** Python 2's `raw_input` returned a byte string in the terminal's encoding, so `sendto`
   "just worked" — and Chinese came out garbled on the GBK-based Windows tool. Encode explicitly:
   `text.getBytes(StandardCharsets.UTF_8)` (§1.8–1.9).
2. **Port ranges.** Not "dynamic 1024–65535": IANA's ranges are 0–1023 well-known, 1024–49151 registered,
   49152–65535 dynamic; Linux's ephemeral range is a setting (`Ports.ephemeralRange()`). Binding below 1024 needs
   the `CAP_NET_BIND_SERVICE` capability (or `net.ipv4.ip_unprivileged_port_start`), not necessarily root (§1.3).
3. **`netstat -an`** is deprecated on Linux; use `ss -uan` / `ss -tan`, or `SocketTable.read()` here (§1.3).
4. **Address classes** are history: CIDR (RFC 4632) replaced them in 1993. The class-A host count is
   16,777,214, not "1677214"; 0/8 and 127/8 are not usable networks (§1.4).
5. **/31 networks** have 2 usable addresses (RFC 3021); "size − 2" only holds up to /30 (§1.5).
6. **Socket addresses.** `('', 7788)` binds every interface (0.0.0.0) and exposes the program to the LAN; bind
   `127.0.0.1` while learning. A fixed port collides when many people share a machine; bind 0 (§1.11).
7. **Truncation.** `recvfrom(1024)` silently cuts longer datagrams; UDP payloads reach 65,507 bytes (§1.9).
8. **The "chat room"** only receives; a chat needs two directions at once, which is §1.16's two threads.
""", """
## 勘误：原课程中错误或过时的地方

1. **文字不是字节。** Python 2 的 `raw_input` 返回按终端编码的字节串，所以 `sendto` 能"直接用"——而中文在基于 GBK 的
   Windows 工具里变成乱码。请显式编码：`text.getBytes(StandardCharsets.UTF_8)`（1.8–1.9 节）。
2. **端口范围。** 不是"动态端口 1024–65535"：IANA 规定 0–1023 知名端口，1024–49151 注册端口，49152–65535 动态端口；
   Linux 的临时端口范围是可配置的（`Ports.ephemeralRange()`）。绑定 1024 以下的端口需要 `CAP_NET_BIND_SERVICE`
   能力（或设置 `net.ipv4.ip_unprivileged_port_start`），不一定要 root（1.3 节）。
3. **`netstat -an`** 在 Linux 上已过时；请用 `ss -uan` / `ss -tan`，或这里的 `SocketTable.read()`（1.3 节）。
4. **地址分类**已成历史：1993 年起被 CIDR（RFC 4632）取代。A 类网络每个可容纳 16,777,214 台主机，而不是"1677214"；
   0/8 和 127/8 不是可用网络（1.4 节）。
5. **/31 网络**有 2 个可用地址（RFC 3021）；"地址数 − 2"只适用于 /30 及更大的网络（1.5 节）。
6. **套接字地址。** `('', 7788)` 绑定所有网卡（0.0.0.0），把程序暴露给整个局域网；学习时请绑定 `127.0.0.1`。
   多人共用一台机器时固定端口会冲突；请绑定端口 0（1.11 节）。
7. **截断。** `recvfrom(1024)` 会悄悄截断更长的数据报；UDP 数据最长可达 65,507 字节（1.9 节）。
8. **"聊天室"**只接收；真正的聊天需要同时双向收发，这就是 1.16 节的两个线程。
""")

if __name__ == "__main__":
    import sys
    c.write(sys.argv[1], "01-network-and-udp.ipynb")
