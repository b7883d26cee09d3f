"""Chapter 3: how packets travel (seed §3.1–3.15)."""
from cells import Chapter

# what the demo cells print, in Chinese for the zh notebook (cells.py: labels)
ZH_LABELS = {
    '"frames sent: "': '"发出的帧数："',
    '"frames on the cables: "': '"网线上的帧数："',
    '", of which pc2 received "': '"，其中 pc2 收到 "',
    '"1st ping: pc2 received "': '"第 1 次 ping：pc2 收到 "',
    '"2nd ping: pc2 received "': '"第 2 次 ping：pc2 收到 "',
    '" frame(s)"': '" 帧"',
    '"after 301 s: "': '"301 秒后："',
    '" entries"': '" 条"',
    '"without the route: "': '"没有这条路由："',
    '"a routing loop: "': '"路由环路："',
    '" after "': '"，此前共发出 "',
    '" frames"': '" 帧"',
    '"wrong gateway: "': '"网关写错："',
    '"wrong mask:    "': '"掩码写错："',
    '"query:  "': '"查询："',
    '"answer: "': '"应答："',
    '"half-close: "': '"半关闭之后读到："',
    '"after RST: "': '"RST 之后："',
    '"state", "meaning"': '"状态", "含义"',
    '"cookie ISN "': '"cookie 初始序号 "',
    '", the client\'s ACK "': '"，客户端的 ACK "',
    '" checks out: "': '" 验证结果："',
    '"before: gateway is at "': '"之前：网关的 MAC 是 "',
    '"after:  gateway is at "': '"之后：网关的 MAC 是 "',
    '" (pc1: " + attacker.mac() + ")"': '"（pc1 的 MAC：" + attacker.mac() + "）"',
    '"phone: " + phone + "\\nlaptop: "': '"手机：" + phone + "\\n笔记本："',
    '"reply: "': '"应答："',
    '"dropped"': '"被丢弃"',
    '"a stranger to our port 8080: "': '"陌生人访问我们的 8080 端口："',
    '"; but the stranger can only reach the CGNAT: "': '"；但陌生人其实只能到达 CGNAT："',
}

c = Chapter("c03", labels=ZH_LABELS)
c.md("""
# 3 · How packets travel

Sections 3.1–3.15 of the original course. The seed draws its networks in Cisco Packet Tracer (a Windows program
behind a login) and reads packets in Wireshark. Here a network is built in a cell: `netlab.sim` is a small,
deterministic network lab — hosts, hubs, switches and routers that really exchange ARP, IPv4 and ICMP frames — and
every idea is then checked against this machine's own kernel (`netlab.live`: interfaces, ARP table, routes,
counters and TCP states read from `/proc`, no root needed). DNS runs for real on loopback (`netlab.dns`). Nothing
leaves your machine.
""", """
# 3 · 网络通信过程详解

对应原课程 3.1–3.15 节。原课程用 Cisco Packet Tracer（需要登录的 Windows 程序）画网络，用 Wireshark 看数据包。这里，网络在单元格里搭建：
`netlab.sim` 是一个小巧、确定性的网络实验室——主机、集线器、交换机和路由器之间真的在交换 ARP、IPv4 和 ICMP 帧——然后每个概念再拿本机的内核来验证
（`netlab.live`：从 `/proc` 读取网卡、ARP 表、路由、计数器和 TCP 状态，不需要 root）。DNS 在回环地址上真实运行（`netlab.dns`）。没有任何数据离开你的电脑。
""")
c.code("""
import java.net.*;
import java.io.*;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import netlab.sim.*;
import netlab.live.*;
import netlab.dns.*;
""")

# 3.1
c.md("""
## 3.1 What happens when you open www.itcast.cn (instead of Packet Tracer)

The seed asks: *what happens after you type www.itcast.cn into a browser?* In short: the PC asks DNS for the
address (§3.6), ARPs for its gateway's MAC (§3.2), sends a TCP SYN through switches and routers (§3.4–3.5, §3.7),
and only then sends the HTTP request. This chapter takes those steps one at a time and puts them back together at
the end. First, the lab itself: the seed's biggest network, built in a few lines. `lab.show()` draws it.
""", """
## 3.1 Packet Tracer网络通信过程

原课程问：*在浏览器中输入 www.itcast.cn 后，整个访问过程有哪些？* 简单说：电脑先向 DNS 询问地址（3.6 节），用 ARP 查到网关的 MAC（3.2 节），
经过交换机和路由器发出 TCP 的 SYN（3.4–3.5、3.7 节），然后才发送 HTTP 请求。本章把这些步骤一个个拆开，最后再拼起来。
先看实验室本身：原课程中最大的那个网络，几行代码就能搭好。`lab.show()` 把它画出来。
""")
c.code("""
Lab lab = Lab.create();
Host pc0 = lab.host("pc0", "192.168.1.1/24", "192.168.1.254");   // name, address/prefix, default gateway
Host pc1 = lab.host("pc1", "192.168.1.2/24", "192.168.1.254");
Host pc2 = lab.host("pc2", "192.168.3.1/24", "192.168.3.254");
Host pc3 = lab.host("pc3", "192.168.3.2/24", "192.168.3.254");
Switch sw0 = lab.sw("sw0");
Switch sw1 = lab.sw("sw1");
Router r0 = lab.router("router0", "192.168.1.254/24", "192.168.2.1/24");   // one port per address
Router r1 = lab.router("router1", "192.168.3.254/24", "192.168.2.2/24");
lab.link(pc0, sw0).link(pc1, sw0).link(sw0, r0.port(0));
lab.link(pc2, sw1).link(pc3, sw1).link(sw1, r1.port(0));
lab.link(r0.port(1), r1.port(1));
r0.route("192.168.3.0/24", "192.168.2.2");
r1.route("192.168.1.0/24", "192.168.2.1");
lab.show()
""", zh={'name, address/prefix, default gateway': '名字、地址/前缀、默认网关', 'one port per address': '每个地址一个端口'})

# 3.2
c.md("""
## 3.2 Two PCs on one cable

Two PCs, one cable, addresses in the same /24. `ping` sends one ICMP echo request and runs the lab until it is
quiet; `lab.trace()` lists every frame it caused. Before pc0 can send an IP packet it must know pc1's **MAC**
address, so the first frame is an **ARP request** to the broadcast address `ff:ff:ff:ff:ff:ff` ("who has
192.168.1.2?"), then pc1's ARP reply, and only then the echo request and reply.

(The seed's Packet Tracer needed a crossover cable here; every NIC since about 2000 swaps the pairs itself, auto MDI-X.)
""", """
## 3.2 2台电脑组网

两台电脑、一根网线、同一个 /24 网段。`ping` 发出一个 ICMP 回显请求，并运行实验室直到网络安静下来；`lab.trace()` 列出它引起的每一帧。
pc0 要发 IP 包，必须先知道 pc1 的 **MAC** 地址，所以第一帧是发往广播地址 `ff:ff:ff:ff:ff:ff` 的 **ARP 请求**（“谁是 192.168.1.2？”），
然后是 pc1 的 ARP 应答，之后才是回显请求和回显应答。

（原课程在 Packet Tracer 里要用交叉线；大约 2000 年以后的网卡都能自动调换线对，即 auto MDI-X。）
""")
c.code("""
Lab two = Topologies.twoPcs();
Host a = (Host) two.device("pc0");
Host b = (Host) two.device("pc1");
System.out.println(a.ping("192.168.1.2"));
two.trace()
""")
c.md("""
The same four frames as a ladder diagram, and the ARP caches they left behind (the request taught pc1 pc0's MAC too):
""", """
同样的四帧画成时序图（梯形图），以及它们留下的 ARP 缓存（ARP 请求顺便让 pc1 也学到了 pc0 的 MAC）：
""")
c.code("""
Display.show(two.ladder());
Display.show(a.arp());
b.arp()
""")
c.md("""
Now move pc1 to another subnet and ping again. pc0 looks at its routing table: 192.168.2.2 is not in
192.168.1.0/24 and pc0 has no gateway, so nothing is sent at all — "network unreachable" comes from pc0 itself.
""", """
现在把 pc1 改到另一个网段再 ping。pc0 查自己的路由表：192.168.2.2 不在 192.168.1.0/24 里，pc0 又没有网关，于是什么都不发——
“网络不可达”是 pc0 自己给出的。
""")
c.code("""
b.setAddress("192.168.2.2/24");
System.out.println(a.ping("192.168.2.2"));
System.out.println("frames sent: " + two.trace().frames().size());
a.routes()
""")
c.md("""
**This machine.** The kernel keeps the same ARP cache (`/proc/net/arp`, what `ip neigh` shows) and Java lists the
interfaces with their MAC, MTU and prefixes (`ip addr`). No root needed for reading.
""", """
**本机。** 内核里也有同样的 ARP 缓存（`/proc/net/arp`，即 `ip neigh` 显示的内容），Java 能列出网卡及其 MAC、MTU 和前缀（相当于 `ip addr`）。
读取这些都不需要 root。
""")
c.code("""
Display.show(Interfaces.read());
NeighborTable.read()
""")
c.md("""
**Exercise `route.next-hop`:** a host with address `myCidr` and default gateway `gateway` sends a packet to `dst`.
Whose MAC does it ask for with ARP? The destination itself when it is on the host's own subnet, otherwise the
gateway — never a far-away host (the seed's §1.5 says packets "circulate" on the network; they don't). `ipToInt`
is given.
""", """
**练习 `route.next-hop`：** 地址为 `myCidr`、默认网关为 `gateway` 的主机要向 `dst` 发包。它用 ARP 查询谁的 MAC？如果目的地址在自己的子网里，
就查目的地址本身；否则查网关——绝不会去查远方的主机（原课程 1.5 节说数据包在网络中“循环”，其实不是）。`ipToInt` 已经给出。
""")
c.code("""
int ipToInt(String ip) {
    int value = 0;
    for (String part : ip.split("\\\\.")) value = (value << 8) | Integer.parseInt(part);
    return value;
}
""")
c.answer("route.next-hop", """
String nextHop(String myCidr, String gateway, String dst) {
    // BEGIN SOLUTION
    String[] f = myCidr.split("/");
    int prefix = Integer.parseInt(f[1]);
    int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
    return (ipToInt(f[0]) & mask) == (ipToInt(dst) & mask) ? dst : gateway;
    // END SOLUTION
}
""")
c.check("route.next-hop", 2, """
Check.routeNextHop((cidr, gw, dst) -> nextHop(cidr, gw, dst));
""")

# 3.3
c.md("""
## 3.3 A hub

A hub repeats every frame out of every other port. pc0 pings pc1; pc2 is not involved, yet its NIC receives every
frame and throws away the ones not addressed to its MAC (the ⚑ notes). With N ports each frame is sent N − 1 times.
""", """
## 3.3 通过集线器组网

集线器把每一帧都从其他所有端口转发出去。pc0 ping pc1，本来与 pc2 无关，但 pc2 的网卡收到了每一帧，再把不是发给自己 MAC 的帧丢掉（表中的 ⚑ 说明）。
有 N 个端口时，每一帧要发送 N − 1 次。
""")
c.code("""
Lab hubLab = Topologies.shared(true);
Host h0 = (Host) hubLab.device("pc0");
System.out.println(h0.ping("192.168.1.2"));
System.out.println("frames on the cables: " + hubLab.trace().frames().size()
        + ", of which pc2 received " + hubLab.trace().arrivedAt(hubLab.device("pc2")));
hubLab.trace()
""")
c.md("""
Hubs are obsolete. Their real problem was not "broadcast congestion" (the seed's summary) but that all ports share
one collision domain: one sender at a time (CSMA/CD), half duplex, and everyone can read everyone's traffic.
""", """
集线器已经淘汰了。它真正的问题不是原课程总结里说的“广播容易堵塞网络”，而是所有端口共享一个冲突域：同一时间只能有一个发送者（CSMA/CD），
只能半双工，而且每个人都能读到别人的流量。
""")

# 3.4
c.md("""
## 3.4 A switch

A switch **learns**: for each frame it remembers the source MAC behind the port it came in on. A frame for a known
MAC leaves by that one port; a broadcast, or a frame for a MAC it has not seen, is **flooded** to every other port;
a frame whose destination sits behind its own ingress port is **filtered**. Entries age out (300 s here).
The first ping floods only the ARP broadcast; the second never reaches pc2:
""", """
## 3.4 通过交换机组网

交换机会**学习**：每收到一帧，就记下源 MAC 在哪个端口后面。目的 MAC 已知的帧只从那一个端口发出；广播帧或目的 MAC 还没见过的帧被**泛洪**到其他所有端口；
目的地址就在入端口后面的帧会被**过滤**。表项会老化（这里是 300 秒）。第一次 ping 只有 ARP 广播被泛洪；第二次 ping 根本到不了 pc2：
""")
c.code("""
Lab swLab = Topologies.shared(false);
Host s0 = (Host) swLab.device("pc0");
Switch theSwitch = (Switch) swLab.device("sw0");
s0.ping("192.168.1.2");
System.out.println("1st ping: pc2 received " + swLab.trace().arrivedAt(swLab.device("pc2")) + " frame(s)");
s0.ping("192.168.1.2");
System.out.println("2nd ping: pc2 received " + swLab.trace().arrivedAt(swLab.device("pc2")) + " frame(s)");
Display.show(theSwitch.macTable());
swLab.advance(301);
System.out.println("after 301 s: " + theSwitch.macTable().size() + " entries");
""")
c.md("""
**Exercise `switch.learn`:** one frame arrives at a switch with `portCount` ports. Learn its source in `table`
(MAC → port), then return the ports it leaves by, in ascending order.
""", """
**练习 `switch.learn`：** 一帧到达有 `portCount` 个端口的交换机。先在 `table`（MAC → 端口）里学习它的源地址，再按从小到大的顺序返回它要从哪些端口发出。
""")
c.answer("switch.learn", """
List<Integer> forward(Map<String, Integer> table, int inPort, String srcMac, String dstMac, int portCount) {
    // BEGIN SOLUTION
    table.put(srcMac, inPort);
    Integer known = dstMac.equals("ff:ff:ff:ff:ff:ff") ? null : table.get(dstMac);
    List<Integer> out = new ArrayList<>();
    if (known != null) {
        if (known != inPort) out.add(known);
        return out;
    }
    for (int p = 0; p < portCount; p++) {
        if (p != inPort) out.add(p);
    }
    return out;
    // END SOLUTION
}
""")
c.check("switch.learn", 3, """
Check.switchLearn((table, in, src, dst, n) -> forward(table, in, src, dst, n));
""")

# 3.5
c.md("""
## 3.5 Routers

Back to the network of §3.1: pc0 pings pc3 in another subnet. pc0 ARPs for its **gateway** (never for pc3), and
each router builds a **new frame** for the next hop. In the trace the MAC columns change at every hop while the IP
columns stay the same, and the TTL drops by one per router: the reply arrives with ttl=62.
""", """
## 3.5 通过路由器组网

回到 3.1 节的网络：pc0 ping 另一个网段的 pc3。pc0 用 ARP 查询的是它的**网关**（而不是 pc3），每台路由器都为下一跳重新构造一个**新帧**。
在追踪表中，MAC 列每一跳都在变，IP 列始终不变，每经过一台路由器 TTL 减一：应答到达时 ttl=62。
""")
c.code("""
System.out.println(pc0.ping("192.168.3.2"));
lab.trace()
""")
c.code("""
lab.ladder()
""")
c.md("""
Each router decides by its **routing table**: the most specific (longest-prefix) route that contains the
destination wins. Take a route away and router0 answers "network unreachable"; make the two routers point at
each other for a network and the packet bounces until its TTL runs out ("time exceeded"). Traceroute uses exactly
that: probes with TTL 1, 2, 3 … make each router on the way reveal itself. (Java cannot set a unicast TTL or send
ICMP, so real traceroute needs a tool or root; here it runs in the lab.)
""", """
每台路由器按**路由表**做决定：包含目的地址的路由中，最具体的那条（前缀最长）胜出。删掉一条路由，router0 就回答“网络不可达”；
让两台路由器为同一个网络互相指向对方，包就来回弹跳，直到 TTL 耗尽（“超时”）。traceroute 正是利用这一点：TTL 为 1、2、3……的探测包让沿途每台路由器现身。
（Java 不能设置单播 TTL，也不能发送 ICMP，所以真正的 traceroute 需要专门工具或 root；这里在实验室里运行。）
""")
c.code("""
Display.show(r0.routes());
Display.show(lab.traceroute(pc0, "192.168.3.2"));
r0.removeRoute("192.168.3.0/24");
System.out.println("without the route: " + pc0.ping("192.168.3.2"));
r0.route("192.168.3.0/24", "192.168.2.2");
r0.route("10.9.0.0/16", "192.168.2.2");      // router0 sends 10.9/16 to router1 ...
r1.route("10.9.0.0/16", "192.168.2.1");      // ... and router1 sends it back: a loop
System.out.println("a routing loop: " + pc0.ping("10.9.9.9") + " after " + lab.trace().frames().size() + " frames");
""", zh={'router0 sends 10.9/16 to router1 ...': 'router0 把 10.9/16 交给 router1……', '... and router1 sends it back: a loop': '……router1 又把它送回来：环路'})
c.md("""
**This machine.** `/proc/net/route` is the kernel's routing table (`ip route`); `lookup` applies the same
longest-prefix rule and says whom the kernel would ARP for.
""", """
**本机。** `/proc/net/route` 就是内核的路由表（`ip route`）；`lookup` 用同样的最长前缀规则，并说明内核会向谁发 ARP。
""")
c.code("""
RouteTable routes = RouteTable.read();
Display.show(routes);
for (String dst : List.of("8.8.8.8", "192.0.2.77")) {
    System.out.println(routes.explain(dst));
}
""")
c.md("""
**Exercise `route.lpm`:** of `routes` (written `a.b.c.d/p`), return the one the longest-prefix match picks for
`dst`, or `"none"`.
""", """
**练习 `route.lpm`：** 在 `routes`（写成 `a.b.c.d/p` 的形式）中，返回最长前缀匹配为 `dst` 选中的那条路由；没有匹配时返回 `"none"`。
""")
c.answer("route.lpm", """
String match(List<String> routes, String dst) {
    // BEGIN SOLUTION
    String best = "none";
    int bestPrefix = -1;
    for (String r : routes) {
        String[] f = r.split("/");
        int prefix = Integer.parseInt(f[1]);
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        if ((ipToInt(dst) & mask) == (ipToInt(f[0]) & mask) && prefix > bestPrefix) {
            best = r;
            bestPrefix = prefix;
        }
    }
    return best;
    // END SOLUTION
}
""")
c.check("route.lpm", 3, """
Check.routeLpm((routes, dst) -> match(routes, dst));
""")

# 3.6
c.md("""
## 3.6 Switches, routers and a server: DNS

To reach a server by name a PC needs four settings: **address, mask, default gateway and DNS server**. Each wrong
one fails in its own way (try it in the lab: a wrong gateway gives "host unreachable" — nobody answers the ARP; a
/16 mask makes the PC ARP for an address in another network). The DNS server turns the name into an address. A
real resolver walks the hierarchy: it asks a **root** server, which refers it to the **cn.** servers, which refer it
to the servers of **itcast.cn.**, which answer. Below, four tiny DNS servers on loopback play those roles, and
every step is a real UDP exchange:
""", """
## 3.6 交换机、路由器、服务器组网

要按名字访问服务器，电脑需要四项配置：**IP 地址、掩码、默认网关和 DNS 服务器**。每一项配错，失败的方式都不一样（可以在实验室里试试：网关错了，
结果是“主机不可达”——没有人回应 ARP；掩码写成 /16，电脑会去 ARP 查询另一个网络中的地址）。DNS 服务器把名字变成地址。真正的解析器会沿着层级往下走：
先问**根**服务器，根把它转介给 **cn.** 的服务器，cn. 再把它转介给 **itcast.cn.** 的服务器，由后者给出答案。下面，四个小 DNS 服务器在回环地址上扮演这些角色，
每一步都是真实的 UDP 交换：
""")
c.code("""
Lab misLab = Topologies.twoRouters();
Host pcX = (Host) misLab.device("pc0");
System.out.println("wrong gateway: " + pcX.gateway("192.168.1.253").ping("192.168.3.2")
        + " — " + Trace.describe(misLab.trace().frames().getFirst().frame()));
System.out.println("wrong mask:    " + pcX.gateway("192.168.1.254").setAddress("192.168.1.1/16").ping("192.168.3.2")
        + " — " + Trace.describe(misLab.trace().frames().getFirst().frame()));
Resolver.trace("www.itcast.cn")
""")
c.md("""
A DNS message is a 12-byte header (id, flags, four counts), the question (the name as length-prefixed labels, type,
class) and the records. A name already written is replaced by a 2-byte **pointer** (`c0 0c` = "the name at byte
12"): that is name compression, and every real answer uses it.
""", """
DNS 消息由 12 字节的头部（id、标志、四个计数）、问题部分（名字写成带长度前缀的标签，加上类型和类）以及各条记录组成。已经写过的名字会被替换成一个
2 字节的**指针**（`c0 0c` 表示“第 12 字节处的那个名字”）：这就是域名压缩，每个真实的应答都在用。
""")
c.code("""
byte[] q = DnsMessage.query(0x1234, "www.itcast.cn", DnsMessage.A).encode();
System.out.println("query:  " + PacketTrace.hexDump(q, 64));
try (DnsLab dns = DnsLab.start()) {
    DnsMessage answer = dns.trace("www.itcast.cn").steps().getLast().reply();
    System.out.println("answer: " + PacketTrace.hexDump(answer.encode(), 64));
    System.out.println(answer);
}
""")
c.md("""
**Exercise `dns.query`:** return the bytes of a standard query (flags 0x0100: recursion desired) for the A record
of `name`, with transaction id `id`.
""", """
**练习 `dns.query`：** 返回一个标准查询的字节（标志 0x0100：期望递归），查询 `name` 的 A 记录，事务 id 为 `id`。
""")
c.answer("dns.query", """
byte[] query(int id, String name) {
    // BEGIN SOLUTION
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(id >> 8);
    out.write(id);                        // write() keeps the low 8 bits
    out.write(0x01);
    out.write(0x00);                      // flags: RD
    out.write(0);
    out.write(1);                         // one question
    for (int i = 0; i < 6; i++) out.write(0);
    for (String label : name.split("\\\\.")) {
        if (label.isEmpty()) continue;
        out.write(label.length());
        out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
    }
    out.write(0);
    out.write(0);
    out.write(1);                         // type A
    out.write(0);
    out.write(1);                         // class IN
    return out.toByteArray();
    // END SOLUTION
}
""", zh={'write() keeps the low 8 bits': 'write() 只写低 8 位', 'flags: RD': '标志：RD', 'one question': '一个问题', 'type A': '类型 A', 'class IN': '类别 IN'})
c.check("dns.query", 2, """
Check.dnsQuery((id, name) -> query(id, name));
""")
c.md("""
**Exercise `dns.answer`:** return the addresses of the A records in the answer section of `reply`, in order. Names
in the reply may be compressed, and an answer may also hold other records (a CNAME) — skip them by their length.
""", """
**练习 `dns.answer`：** 按顺序返回 `reply` 应答部分中各条 A 记录的地址。应答里的名字可能是压缩过的，应答部分也可能有别的记录（例如 CNAME）——按它们的长度跳过。
""")
c.answer("dns.answer", """
List<String> addresses(byte[] reply) {
    // BEGIN SOLUTION
    ByteBuffer b = ByteBuffer.wrap(reply);
    int questions = b.getShort(4) & 0xFFFF;
    int answers = b.getShort(6) & 0xFFFF;
    b.position(12);
    Runnable skipName = () -> {
        while (true) {
            int len = b.get() & 0xFF;
            if (len == 0) return;
            if ((len & 0xC0) == 0xC0) { b.get(); return; }   // a pointer ends the name
            b.position(b.position() + len);
        }
    };
    for (int i = 0; i < questions; i++) {
        skipName.run();
        b.position(b.position() + 4);                      // type, class
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < answers; i++) {
        skipName.run();
        int type = b.getShort() & 0xFFFF;
        b.getShort();                                      // class
        b.getInt();                                        // TTL
        int length = b.getShort() & 0xFFFF;
        if (type == 1 && length == 4) {
            out.add((b.get() & 0xFF) + "." + (b.get() & 0xFF) + "." + (b.get() & 0xFF) + "." + (b.get() & 0xFF));
        } else {
            b.position(b.position() + length);
        }
    }
    return out;
    // END SOLUTION
}
""", zh={'a pointer ends the name': '遇到指针，名字就结束了', 'type, class': '类型、类别', 'class': '类别'})
c.check("dns.answer", 3, """
Check.dnsAnswer(reply -> addresses(reply));
""")

# 3.7
c.md("""
## 3.7 The TCP three-way handshake

(The seed's table of contents calls it "三次挥手"; it is a hand*shake*: 三次握手.) The client sends **SYN** with
its initial sequence number (ISN, random), the server answers **SYN+ACK** with its own ISN and acknowledges the
client's + 1, the client **ACK**s the server's + 1. A SYN (and a FIN) counts as one byte of sequence space, data
counts its length, and everything wraps at 2³².
""", """
## 3.7 tcp三次握手

（原课程目录里写成了“三次挥手”，应为“三次握手”。）客户端发送 **SYN**，带上自己的初始序列号（ISN，随机产生）；服务器回复 **SYN+ACK**，带上自己的 ISN，
并确认客户端的 ISN + 1；客户端再 **ACK** 服务器的 ISN + 1。SYN（以及 FIN）在序列号空间里算一个字节，数据按它的长度计，所有数字在 2³² 处回绕。
""")
c.code("""
TcpTalk talk = TcpTalk.create(7).connect().send(TcpTalk.Side.CLIENT, "GET / HTTP/1.1");
Display.show(talk.ladder());
talk
""")
c.md("""
**This machine.** The kernel counts every active open (connect) and passive open (accept) in `/proc/net/snmp`.
And a listener with backlog 1 that never accepts leaves later clients stuck in **SYN_SENT**: their SYNs are dropped
while the accept queue is full, and they keep retrying.
""", """
**本机。** 内核在 `/proc/net/snmp` 里统计每一次主动打开（connect）和被动打开（accept）。而一个 backlog 为 1、从不 accept 的监听套接字，
会让后来的客户端卡在 **SYN_SENT**：接受队列满时，它们的 SYN 被丢弃，只能不断重试。
""")
c.code("""
Snmp before = Snmp.read();
try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
     Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
     Socket served = server.accept()) {
    client.getOutputStream().write("hi".getBytes(StandardCharsets.UTF_8));
}
Display.show(Snmp.read().since(before, "Tcp."));
TcpStates.synSent()
""")
c.md("""
**Exercise `tcp.next-seq`:** the sequence number that follows a segment starting at `seq` with `length` data bytes
and the SYN/FIN flags given.
""", """
**练习 `tcp.next-seq`：** 一个从 `seq` 开始、带 `length` 字节数据和给定 SYN/FIN 标志的报文段之后，下一个序列号是多少。
""")
c.answer("tcp.next-seq", """
long nextSeq(long seq, int length, boolean syn, boolean fin) {
    // BEGIN SOLUTION
    return (seq + length + (syn ? 1 : 0) + (fin ? 1 : 0)) & 0xFFFFFFFFL;
    // END SOLUTION
}
""")
c.check("tcp.next-seq", 2, """
Check.tcpNextSeq((seq, len, syn, fin) -> nextSeq(seq, len, syn, fin));
""")

# 3.8
c.md("""
## 3.8 The TCP teardown

Each direction is closed on its own: one side sends **FIN**, the other ACKs it, and may keep sending until it
closes too. That is four segments — or three when the second side closes at once and puts its FIN on the ACK — and
when both close at the same moment, both pass through **CLOSING**.
""", """
## 3.8 tcp四次挥手

两个方向各自关闭：一方发送 **FIN**，另一方确认它，并且在自己也关闭之前还可以继续发送数据。这就是四个报文段——如果第二方立刻关闭、把 FIN 和 ACK 合在一起，
就只有三个；如果双方同时关闭，两边都会经过 **CLOSING** 状态。
""")
c.code("""
Display.show(TcpTalk.create(1).connect().close(TcpTalk.Side.CLIENT).close(TcpTalk.Side.SERVER).ladder());
Display.show(TcpTalk.create(1).connect().closeAndPeerCloses(TcpTalk.Side.CLIENT).ladder());
TcpTalk.create(1).connect().closeBoth().ladder()
""")
c.md("""
**This machine.** The client closes, the server does not: the client sits in **FIN_WAIT2**, the server in
**CLOSE_WAIT** — on a real server, a growing pile of CLOSE_WAIT rows is a connection leak. Closing only one
direction on purpose is `shutdownOutput()`: the peer reads the end of the stream (−1) and can still answer.
Aborting with `SO_LINGER` 0 sends **RST** instead of FIN: the peer gets "Connection reset".
""", """
**本机。** 客户端关闭了，服务器没有：客户端停在 **FIN_WAIT2**，服务器停在 **CLOSE_WAIT**——在真实服务器上，越来越多的 CLOSE_WAIT 就意味着连接泄漏。
有意只关闭一个方向用 `shutdownOutput()`：对方读到流的结尾（−1），但仍然可以回复。用 `SO_LINGER` 为 0 的方式中止连接，发出的是 **RST** 而不是 FIN：
对方会得到 “Connection reset”。
""")
c.code("""
Display.show(TcpStates.halfClosed());
try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
     Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
     Socket served = server.accept()) {
    client.getOutputStream().write("question".getBytes(StandardCharsets.UTF_8));
    client.shutdownOutput();                                   // FIN: "I have said everything"
    String asked = new String(served.getInputStream().readAllBytes(), StandardCharsets.UTF_8);   // reads to -1
    served.getOutputStream().write(("answer to " + asked).getBytes(StandardCharsets.UTF_8));
    served.close();
    System.out.println("half-close: " + new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
}
try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
     Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
     Socket served = server.accept()) {
    served.setSoLinger(true, 0);
    served.close();                                            // RST
    client.getInputStream().read();
} catch (SocketException e) {
    System.out.println("after RST: " + e.getMessage());
}
""", zh={'FIN: "I have said everything"': 'FIN：“我说完了”', 'reads to -1': '一直读到 -1'})

# 3.9
c.md("""
## 3.9 The TCP states

RFC 793 (replaced in 2022 by RFC 9293) names **eleven** states, CLOSED included (the seed says ten). Below: the state
diagram, with the path the client of §3.8's four-segment teardown took in red, and each state as Linux describes it
(Linux calls CLOSED `CLOSE`). When one side gets a FIN, `read` returns −1 in Java (0 in C and Python).
""", """
## 3.9 tcp十种状态

RFC 793（2022 年被 RFC 9293 取代）定义了 **11** 种状态，包括 CLOSED（原课程说十种）。下面是状态图，红色是 3.8 节四次挥手中客户端走过的路径，
并附上 Linux 对每个状态的描述（Linux 把 CLOSED 叫作 `CLOSE`）。一方收到 FIN 后，Java 里的 `read` 返回 −1（C 和 Python 里返回 0）。
""")
c.code("""
TcpTalk full = TcpTalk.create(1).connect().close(TcpTalk.Side.CLIENT).close(TcpTalk.Side.SERVER).expire();
Display.show(full.diagram(TcpTalk.Side.CLIENT));
Table states = Table.of("state", "meaning");
for (TcpState s : TcpFsm.STATES) states.row(s, s.meaning());
states
""")
c.md("""
Simultaneous open — both ends connect to each other at once — is the rare path through SYN_RCVD without a listener:
""", """
同时打开——双方同时向对方发起连接——是不经过监听、却经过 SYN_RCVD 的少见路径：
""")
c.code("""
TcpTalk.create(3).simultaneousOpen().diagram(TcpTalk.Side.CLIENT)
""")
c.md("""
**Exercise `tcp.next-state`:** write the state machine: the state after `event` in `state`, unchanged when the
diagram has no arrow for it. (`TcpFsm.next` is the library's answer, used to draw the diagram; write your own.)
""", """
**练习 `tcp.next-state`：** 写出这个状态机：在状态 `state` 下发生事件 `event` 之后的状态；如果状态图里没有对应的箭头，状态不变。
（`TcpFsm.next` 是库里的答案，用来画状态图；请自己写。）
""")
c.answer("tcp.next-state", """
TcpState next(TcpState state, TcpEvent event) {
    // BEGIN SOLUTION
    if (event == TcpEvent.RCV_RST && state != TcpState.CLOSE && state != TcpState.LISTEN) {
        return TcpState.CLOSE;
    }
    return switch (state) {
        case CLOSE -> event == TcpEvent.LISTEN ? TcpState.LISTEN : event == TcpEvent.CONNECT ? TcpState.SYN_SENT : state;
        case LISTEN -> event == TcpEvent.RCV_SYN ? TcpState.SYN_RECV : event == TcpEvent.CLOSE ? TcpState.CLOSE : state;
        case SYN_SENT -> event == TcpEvent.RCV_SYN_ACK ? TcpState.ESTABLISHED
                : event == TcpEvent.RCV_SYN ? TcpState.SYN_RECV : event == TcpEvent.CLOSE ? TcpState.CLOSE : state;
        case SYN_RECV -> event == TcpEvent.RCV_ACK || event == TcpEvent.RCV_SYN_ACK ? TcpState.ESTABLISHED
                : event == TcpEvent.CLOSE ? TcpState.FIN_WAIT1 : state;
        case ESTABLISHED -> event == TcpEvent.CLOSE ? TcpState.FIN_WAIT1 : event == TcpEvent.RCV_FIN ? TcpState.CLOSE_WAIT : state;
        case FIN_WAIT1 -> event == TcpEvent.RCV_ACK ? TcpState.FIN_WAIT2 : event == TcpEvent.RCV_FIN ? TcpState.CLOSING
                : event == TcpEvent.RCV_FIN_ACK ? TcpState.TIME_WAIT : state;
        case FIN_WAIT2 -> event == TcpEvent.RCV_FIN ? TcpState.TIME_WAIT : state;
        case CLOSE_WAIT -> event == TcpEvent.CLOSE ? TcpState.LAST_ACK : state;
        case CLOSING -> event == TcpEvent.RCV_ACK ? TcpState.TIME_WAIT : state;
        case LAST_ACK -> event == TcpEvent.RCV_ACK ? TcpState.CLOSE : state;
        case TIME_WAIT -> event == TcpEvent.TIMEOUT ? TcpState.CLOSE : state;
        default -> state;
    };
    // END SOLUTION
}
""")
c.check("tcp.next-state", 3, """
Check.tcpNextState((state, event) -> next(state, event));
""")

# 3.10
c.md("""
## 3.10 TIME_WAIT (the 2MSL wait)

Whoever closes **first** waits in TIME_WAIT, so that a lost final ACK can be sent again and stray segments of the
old connection die before the same four-tuple is used again. Only that exact connection (both addresses, both
ports) is held, on the active closer only — not "both ports" (the seed). Linux waits a fixed 60 s, not 2 × MSL.
Java's `ServerSocket` has SO_REUSEADDR on by default, so a restarted Java server rarely meets the seed's problem;
`TcpLab.timeWait` turns it off to show it.
""", """
## 3.10 tcp的2MSL问题

**先**关闭的一方进入 TIME_WAIT，这样如果最后一个 ACK 丢了还能重发，旧连接的迷途报文段也会在同一个四元组再次使用之前消失。
被占住的只是那一条连接（双方地址、双方端口），而且只在主动关闭的一方——并不是原课程说的“两端的端口都不能使用”。Linux 固定等待 60 秒，而不是 2 × MSL。
Java 的 `ServerSocket` 默认打开了 SO_REUSEADDR，所以重启的 Java 服务器很少遇到原课程说的问题；`TcpLab.timeWait` 把它关掉来演示。
""")
c.code("""
Display.show(TcpLab.timeWait());
TcpStates.whoWaits()
""")
c.md("""
**Exercise `tcp.client-closes`:** serve `clients` connections one after another: read one line, answer
`"echo: " + line + "\\n"`, and close only after the client has closed (read until −1). Then the TIME_WAIT rows are on
the clients' side, and the check finds none on the server's port.
""", """
**练习 `tcp.client-closes`：** 依次服务 `clients` 个连接：读一行，回复 `"echo: " + line + "\\n"`，并且在客户端关闭之后（读到 −1）才关闭。
这样 TIME_WAIT 留在客户端那边，检查时在服务器的端口上一条也找不到。
""")
c.answer("tcp.client-closes", """
void serve(ServerSocket server, int clients) throws IOException {
    // BEGIN SOLUTION
    for (int i = 0; i < clients; i++) {
        try (Socket s = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line = in.readLine();
            s.getOutputStream().write(("echo: " + line + "\\n").getBytes(StandardCharsets.UTF_8));
            while (in.read() != -1) { }           // the client's FIN
        }
    }
    // END SOLUTION
}
""", zh={"the client's FIN": '客户端的 FIN'})
c.check("tcp.client-closes", 3, """
Check.tcpClientCloses((server, clients) -> serve(server, clients));
""")

# 3.11
c.md("""
## 3.11 Long and short connections

A short connection pays a handshake and a teardown (and leaves a TIME_WAIT row) per request; a long one pays them
once. The seed says web sites use short connections: that has been wrong since HTTP/1.1 (1997), where connections are
persistent by default (now RFC 9112); HTTP/2 multiplexes many requests over one connection, and HTTP/3 runs over
QUIC on UDP. Servers do close idle connections after a while, as the seed suggests, and databases use pools of long
connections.
""", """
## 3.11 tcp长连接和短连接

短连接每个请求都要付出一次握手和一次挥手（还留下一条 TIME_WAIT）；长连接只付一次。原课程说网站的 HTTP 一般用短连接：自 HTTP/1.1（1997 年）起这就不对了，
HTTP/1.1 默认使用持久连接（现在的 RFC 9112）；HTTP/2 在一条连接上复用许多请求，HTTP/3 则运行在基于 UDP 的 QUIC 之上。服务器确实会像原课程说的那样，
在一段时间后关闭空闲连接；数据库则使用长连接池。
""")
c.code("""
TcpLab.longVsShort(200)
""")

# 3.12
c.md("""
## 3.12 The listen queue

Chapter 2 measured it (`TcpLab.backlog`): on Linux the backlog bounds the **accept queue** of completed handshakes
(full at backlog + 1); half-open connections wait in a separate **SYN queue**. For a LISTEN socket, `ss -lnt` shows
the current accept queue as Recv-Q and the backlog as Send-Q. The kernel caps the backlog at `somaxconn`:
""", """
## 3.12 listen的队列长度

第 2 章已经测量过（`TcpLab.backlog`）：在 Linux 上，backlog 限制的是已完成握手的**接受队列**（达到 backlog + 1 即满）；半连接在另一个 **SYN 队列**里等待。
对 LISTEN 状态的套接字，`ss -lnt` 把当前接受队列的长度显示为 Recv-Q，把 backlog 显示为 Send-Q。内核用 `somaxconn` 给 backlog 设置上限：
""")
c.code("""
for (String setting : List.of("net/core/somaxconn", "net/ipv4/tcp_max_syn_backlog", "net/ipv4/tcp_syncookies", "net/ipv4/tcp_abort_on_overflow")) {
    System.out.println(setting.replace('/', '.') + " = " + Files.readString(Path.of("/proc/sys", setting)).strip());
}
TcpLab.backlog(1, 4, java.time.Duration.ofMillis(300))
""")

# 3.13
c.md("""
## 3.13 Configuring an address by hand

The seed's `ifconfig` and `route` (net-tools) are deprecated. Today: `ip addr add 192.168.5.40/24 dev eth0` and
`ip route add default via 192.168.5.1` — both need root and last until reboot; lasting settings go through
NetworkManager (`nmcli`), netplan or systemd-networkd, and most machines simply use DHCP (§3.15). Here you can read
the result without root:
""", """
## 3.13 手动配置ip

原课程用的 `ifconfig` 和 `route`（net-tools）已经过时。现在用 `ip addr add 192.168.5.40/24 dev eth0` 和 `ip route add default via 192.168.5.1`——
两条命令都需要 root，而且重启后失效；持久的配置通过 NetworkManager（`nmcli`）、netplan 或 systemd-networkd 完成，而大多数机器干脆用 DHCP（3.15 节）。
在这里你不需要 root 就能读到配置的结果：
""")
c.code("""
Display.show(Interfaces.read());
RouteTable.read()
""")
c.md("""
**Exercise `lab.misconfigured`:** in the network of §3.5, one host is set up wrong: its gateway, its mask, or an
address another host already uses. Return the names of the misconfigured hosts, sorted (both, for a duplicate).
""", """
**练习 `lab.misconfigured`：** 在 3.5 节的网络里，有一台主机配置错了：网关、掩码，或者用了别的主机已经在用的地址。按名字排序，返回配置错误的主机名（地址重复时两台都算）。
""")
c.answer("lab.misconfigured", """
List<String> find(Lab lab) {
    // BEGIN SOLUTION
    List<Iface> routerSide = new ArrayList<>();
    for (Device d : lab.devices()) {
        if (d instanceof Router r) routerSide.addAll(r.interfaces());
    }
    List<String> bad = new ArrayList<>();
    for (Host h : lab.hosts()) {
        Optional<Iface> gw = routerSide.stream().filter(i -> h.gateway().equals(Optional.of(i.ip()))).findFirst();
        boolean ok = gw.isPresent() && gw.get().subnet().equals(h.iface().subnet());
        boolean duplicate = lab.hosts().stream().anyMatch(o -> o != h && o.ip().equals(h.ip()));
        if (!ok || duplicate) bad.add(h.name());
    }
    Collections.sort(bad);
    return bad;
    // END SOLUTION
}
""")
c.check("lab.misconfigured", 3, """
Check.labMisconfigured(network -> find(network));
""")

# 3.14
c.md("""
## 3.14 Common attacks

> **Ethics and law.** Everything below runs inside the lab or on loopback. Flooding, spoofing or poisoning a network
> you do not own is a crime in most countries (in China, Criminal Law art. 285–286); learn the defence, not the attack.

**SYN flood.** Forged SYNs from addresses that never answer fill the SYN queue with half-open connections, each kept
while the server retries its SYN+ACK (about a minute on Linux), so genuine clients find the queue full. **SYN
cookies** (on here: `tcp_syncookies=1`) let the server answer without keeping anything: the state is encoded in the
ISN of its SYN+ACK and checked when the ACK comes back. (Chapter 2's full *accept* queue is a different, harmless
thing: those handshakes completed.)
""", """
## 3.14 常见网络攻击案例

> **道德与法律。** 下面的一切都只在实验室或回环地址上运行。对不属于你的网络进行洪水攻击、欺骗或投毒，在大多数国家都是犯罪（在中国，见《刑法》第 285–286 条）；
> 要学的是防御，而不是攻击。

**SYN 洪水。** 来自永远不会应答的伪造地址的 SYN，把 SYN 队列塞满半连接，服务器要为每一个重发 SYN+ACK（在 Linux 上大约一分钟），于是正常客户端发现队列已满。
**SYN cookie**（本机已开启：`tcp_syncookies=1`）让服务器不保存任何状态就能应答：状态被编码在 SYN+ACK 的 ISN 里，等 ACK 回来时再校验。
（第 2 章中接受队列满是另一回事，而且无害：那些握手都已经完成了。）
""")
c.code("""
Display.show(SynFlood.run(256, 1000, 20, 5, false, 1));
Display.show(SynFlood.run(256, 1000, 20, 5, true, 1));
long cookie = SynCookie.make("server secret", "10.0.0.7:51000>10.0.0.1:80", 42);
System.out.println("cookie ISN " + cookie + ", the client's ACK " + (cookie + 1) + " checks out: "
        + SynCookie.valid("server secret", "10.0.0.7:51000>10.0.0.1:80", cookie + 1, 42));
""")
c.md("""
**DNS hijacking and spoofing.** A hijacking resolver simply lies (it answers what it likes for names it should look
up). A spoofer races the real answer: a resolver accepts the first reply that comes from the server's address and
port, carries the query's id and repeats its question. With a fixed source port only the 16-bit id is secret (the
seed's "序列号"), and since 2008 (Kaminsky) an attacker can start as many races as it likes; random source ports
(RFC 5452) multiply the guessing by about 28,000. DNSSEC signs answers, and DoT/DoH encrypt the way to the resolver.
`Dns.lookup` asks this machine's resolver (nsswitch: /etc/hosts first), as `nslookup` would ask a DNS server.
""", """
**DNS 劫持与欺骗。** 劫持的解析器干脆撒谎（对本该去查的名字，想回答什么就回答什么）。欺骗者则是和真实应答赛跑：解析器接受第一个满足条件的应答——
来自服务器的地址和端口、带着查询的 id、重复了查询的问题。源端口固定时，只有 16 位的 id 是秘密（原课程说的“序列号”），而自 2008 年（Kaminsky）以来，
攻击者可以随意发起任意多次比赛；随机源端口（RFC 5452）让猜测的难度再乘上大约 28,000。DNSSEC 给应答签名，DoT/DoH 把到解析器的路加密。
`Dns.lookup` 询问本机的解析器（nsswitch：先查 /etc/hosts），就像 `nslookup` 询问 DNS 服务器那样。
""")
c.code("""
Display.show(SpoofRace.simulate(2000, 500, false, 1));
Display.show(SpoofRace.simulate(2000, 500, true, 1));
Dns.lookup("localhost")
""")
c.md("""
**ARP poisoning** (the seed's section is empty). ARP has no authentication: pc1 tells pc0, unasked, that the
gateway's address is at pc1's MAC. pc0 believes it, and from then on sends everything for other networks to pc1,
which forwards it (so nothing seems wrong): a man in the middle. Defences: dynamic ARP inspection on the switch,
static ARP entries for the gateway, 802.1X, and encryption (TLS) so that a man in the middle learns nothing.
""", """
**ARP 攻击**（原课程这一节是空的）。ARP 没有认证：pc1 主动告诉 pc0，网关的地址对应 pc1 的 MAC。pc0 信以为真，从此把发往其他网络的所有数据都发给 pc1，
而 pc1 再把它们转发出去（所以看起来一切正常）：这就是中间人。防御办法：交换机上的动态 ARP 检测（DAI）、为网关设置静态 ARP 表项、802.1X，
以及加密（TLS），让中间人什么也得不到。
""")
c.code("""
Lab office = Topologies.twoRouters();
Host victim = (Host) office.device("pc0");
Host attacker = (Host) office.device("pc1");
victim.ping("192.168.3.2");
System.out.println("before: gateway is at " + victim.arp().get("192.168.1.254").orElseThrow());
attacker.forwarding(true);
attacker.ping("192.168.1.254");                     // the attacker learns the gateway's MAC
attacker.poison(victim, "192.168.1.254");
System.out.println("after:  gateway is at " + victim.arp().get("192.168.1.254").orElseThrow() + " (pc1: " + attacker.mac() + ")");
System.out.println(victim.ping("192.168.3.2"));
office.trace()
""", zh={"the attacker learns the gateway's MAC": '攻击者学到了网关的 MAC'})
c.md("""
**Exercise `arp.spoofed`:** given ARP replies written `"IP is-at MAC"`, return the IP addresses claimed by more than
one MAC, sorted — what an ARP watcher (arpwatch, DAI) looks for.
""", """
**练习 `arp.spoofed`：** 给定写成 `"IP is-at MAC"` 的 ARP 应答，返回被不止一个 MAC 声称过的 IP 地址，排好序——这正是 ARP 监控（arpwatch、DAI）要找的东西。
""")
c.answer("arp.spoofed", """
List<String> claimedTwice(List<String> replies) {
    // BEGIN SOLUTION
    Map<String, Set<String>> macs = new TreeMap<>();
    for (String r : replies) {
        String[] f = r.split(" is-at ");
        macs.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
    }
    List<String> out = new ArrayList<>();
    macs.forEach((ip, m) -> { if (m.size() > 1) out.add(ip); });
    return out;
    // END SOLUTION
}
""")
c.check("arp.spoofed", 2, """
Check.arpSpoofed(replies -> claimedTwice(replies));
""")

# 3.15
c.md("""
## 3.15 The home network

(The seed has only a heading and a picture.) A home router does three jobs. **DHCP** gives each new device its four
settings in four messages (DISCOVER, OFFER, REQUEST, ACK). **NAT** lets every device share one public address: an
outgoing packet's source `192.168.1.10:50000` leaves as `203.0.113.5:40000`, the reply is mapped back, and anything
from outside that no inside device asked for is dropped — unless a port is forwarded. Many providers now put a
second NAT in front (**CGNAT**, addresses from 100.64.0.0/10), which is why a home server may be unreachable even
with port forwarding. IPv6 needs none of this: every device gets global addresses (SLAAC), and the firewall, not
address translation, keeps strangers out.
""", """
## 3.15 家庭上网解析

（原课程只有一个标题和一张图。）家用路由器做三件事。**DHCP** 用四条消息（DISCOVER、OFFER、REQUEST、ACK）给每台新设备分配那四项配置。
**NAT** 让所有设备共用一个公网地址：外发包的源 `192.168.1.10:50000` 出去时变成 `203.0.113.5:40000`，回包再映射回来；外面来的、内网没有设备请求过的包一律丢弃——
除非做了端口转发。许多运营商如今还在前面再加一层 NAT（**CGNAT**，地址取自 100.64.0.0/10），这就是为什么即使做了端口转发，家里的服务器也可能从外面访问不到。
IPv6 不需要这些：每台设备都有全球地址（SLAAC），挡住陌生人的是防火墙，而不是地址转换。
""")
c.code("""
HomeRouter home = HomeRouter.create("192.168.1.1/24", "100.64.7.9");     // the provider gave us a CGNAT address
HomeRouter.Lease phone = home.join(Mac.of(10));
HomeRouter.Lease laptop = home.join(Mac.of(11));
Display.show(home.dhcpLadder());
System.out.println("phone: " + phone + "\\nlaptop: " + laptop);
Nat cgnat = Nat.of("203.0.113.5");                                        // the provider's NAT in front of ours
String once = home.nat().outbound(phone.ip() + ":50000", "198.51.100.7:443");
String twice = cgnat.outbound(once, "198.51.100.7:443");
System.out.println(phone.ip() + ":50000 → " + once + " → " + twice);
System.out.println("reply: " + cgnat.inbound("198.51.100.7:443", twice).flatMap(x -> home.nat().inbound("198.51.100.7:443", x)).orElse("dropped"));
home.nat().forward(8080, laptop.ip() + ":80");
System.out.println("a stranger to our port 8080: " + home.nat().inbound("198.51.100.99:5555", "100.64.7.9:8080").orElse("dropped")
        + "; but the stranger can only reach the CGNAT: " + cgnat.inbound("198.51.100.99:5555", "203.0.113.5:8080").orElse("dropped"));
home.nat()
""", zh={'the provider gave us a CGNAT address': '运营商给我们的是一个 CGNAT 地址', "the provider's NAT in front of ours": '我们的 NAT 前面还有运营商的 NAT'})
c.md("""
**This machine.** Is its address private (RFC 1918), CGNAT, or documentation space?
""", """
**本机。** 它的地址是私有地址（RFC 1918）、CGNAT 地址，还是文档专用地址？
""")
c.code("""
for (Interfaces.Nic nic : Interfaces.read().nics()) {
    for (String a : nic.addresses()) {
        if (a.contains(":")) continue;                                     // IPv6
        Ipv4 ip = Ipv4.parse(a.substring(0, a.indexOf('/')));
        System.out.println(nic.name() + " " + a + ": " + ip.kind() + " — " + ip.kind().meaning());
    }
}
""")
c.md("""
**Exercise `nat.translate`:** play the NAT of a router whose public address is `publicIp`. Each packet is
`"out INSIDE REMOTE"` or `"in REMOTE PUBLIC"` (endpoints `ip:port`). For `out`, return the public endpoint it leaves
from (ports 40000, 40001, … in order of first use; the same inside endpoint keeps its port); for `in`, the inside
endpoint it is forwarded to, or `"drop"` when that remote was never contacted from that port.
""", """
**练习 `nat.translate`：** 扮演公网地址为 `publicIp` 的路由器上的 NAT。每个包写成 `"out 内网端点 远端"` 或 `"in 远端 公网端点"`（端点为 `ip:端口`）。
对 `out`，返回它出去时使用的公网端点（端口按第一次使用的顺序为 40000、40001……；同一个内网端点保持同一个端口）；对 `in`，返回它被转发到的内网端点，
如果该端口从未联系过这个远端，则返回 `"drop"`。
""")
c.answer("nat.translate", """
List<String> translate(String publicIp, List<String> packets) {
    // BEGIN SOLUTION
    Map<String, Integer> portOf = new HashMap<>();
    Map<Integer, String> insideOf = new HashMap<>();
    Map<Integer, Set<String>> contacted = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (String p : packets) {
        String[] f = p.split(" ");
        if (f[0].equals("out")) {
            int port = portOf.computeIfAbsent(f[1], k -> 40000 + portOf.size());
            insideOf.put(port, f[1]);
            contacted.computeIfAbsent(port, k -> new HashSet<>()).add(f[2]);
            out.add(publicIp + ":" + port);
        } else {
            int port = Integer.parseInt(f[2].substring(f[2].lastIndexOf(':') + 1));
            boolean known = f[2].startsWith(publicIp + ":") && contacted.getOrDefault(port, Set.of()).contains(f[1]);
            out.add(known ? insideOf.get(port) : "drop");
        }
    }
    return out;
    // END SOLUTION
}
""")
c.check("nat.translate", 3, """
Check.natTranslate((publicIp, packets) -> translate(publicIp, packets));
""")

c.md("""
## Errata: where the original course is wrong or outdated

1. The table of contents calls §3.7 "tcp三次**挥手**": it is the three-way hand*shake* (三次握手).
2. §3.4's summary repeats the hub's "每个数据包的发送都是以广播的形式进行的": a switch forwards a known destination to
   one port; only broadcasts and unknown destinations are flooded.
3. §3.4: "the first time the switch gets the ARP broadcast it floods it; later only to the target port" — ARP
   requests are broadcasts and are *always* flooded; it is the unicast reply and what follows that go to one port.
4. §3.3: the hub's problem was one shared collision domain (CSMA/CD, half duplex), not "broadcast congestion".
5. §3.5: "通常情况下，都会把路由器默认网关" is cut off (the gateway is *set to* the router's address), and "路由器又称网关"
   is imprecise: a gateway is a role (the next hop for other networks), a router is a device.
6. §3.6: "DFGATEWAY…用来对顶" is garbled: the default gateway is where a host sends packets for other networks.
7. §3.9: RFC 793 has **eleven** states, CLOSED included; RFC 9293 (2022) replaces RFC 793.
8. §3.10: "在TIME_WAIT状态时两端的端口不能使用" — only that one four-tuple is held, and only on the side that closed
   first. The text calls the teardown's FIN "第三次握手". Linux waits a fixed 60 s (TCP_TIMEWAIT_LEN), not 2 × MSL.
9. §3.11: "WEB网站的http服务一般都用短链接" has been wrong since HTTP/1.1 (1997): persistent connections are the default.
10. §3.12: "listen中的back表示已经建立链接和半链接的总数" — on Linux the backlog bounds the accept queue of completed
    connections only; half-open ones have their own queue (`tcp_max_syn_backlog`), and a full queue drops the SYN,
    so the client retries (chapter 2).
11. §3.13: `ifconfig`/`route` are deprecated (use `ip`), need root, and do not survive a reboot.
12. §3.14: the 16-bit DNS id is not a "序列号"; and nothing is said about random source ports, DNSSEC or DoH. The
    ARP attack section and §3.15 are empty.
13. Ping's TTL: the seed's screenshots show Windows (128); Linux and macOS start at 64.
""", """
## 勘误：原课程中错误或过时的地方

1. 目录把 3.7 节写成了“tcp三次**挥手**”：应为三次握手。
2. 3.4 节的总结照抄了集线器的“每个数据包的发送都是以广播的形式进行的”：交换机把目的地址已知的帧只发往一个端口，只有广播帧和目的地址未知的帧才会被泛洪。
3. 3.4 节：“当switch第一次收到arp广播数据，会把arp广播数据包转发给所有端口；如果以后还有pc询问此IP的MAC，那么只是向目标的端口进行转发数据”——ARP 请求是广播，
   *总是*被泛洪；只发往一个端口的是单播的应答和之后的帧。
4. 3.3 节：集线器的问题在于所有端口共享一个冲突域（CSMA/CD，半双工），而不是“广播容易堵塞网络”。
5. 3.5 节：“通常情况下，都会把路由器默认网关”这句话没写完（应是把默认网关*设为*路由器的地址）；“路由器又称网关”也不准确：网关是一种角色（通往其他网络的下一跳），
   路由器是一种设备。
6. 3.6 节：“DFGATEWAY（默认网关）用来对顶”是乱码：默认网关是主机发送去往其他网络的数据包时的目标。
7. 3.9 节：RFC 793 定义了 **11** 种状态，包括 CLOSED；RFC 9293（2022 年）已取代 RFC 793。
8. 3.10 节：“在TIME_WAIT状态时两端的端口不能使用”——被占住的只是那一个四元组，而且只在先关闭的一方。文中把挥手时的 FIN 叫作“第三次握手”。
   Linux 固定等待 60 秒（TCP_TIMEWAIT_LEN），而不是 2 × MSL。
9. 3.11 节：“WEB网站的http服务一般都用短链接”自 HTTP/1.1（1997 年）起就不对了：持久连接是默认行为。
10. 3.12 节：“listen中的back表示已经建立链接和半链接的总数”——在 Linux 上，backlog 只限制已完成连接的接受队列；半连接有自己的队列（`tcp_max_syn_backlog`），
    队列满时 SYN 被丢弃，客户端会重试（第 2 章）。
11. 3.13 节：`ifconfig`/`route` 已经过时（请用 `ip`），需要 root，而且重启后失效。
12. 3.14 节：DNS 的 16 位 id 不是“序列号”；文中也没有提到随机源端口、DNSSEC 或 DoH。ARP 攻击一节和 3.15 节都是空的。
13. ping 的 TTL：原课程截图是 Windows（128）；Linux 和 macOS 从 64 开始。
""")

if __name__ == "__main__":
    import sys
    c.write(sys.argv[1], "03-how-packets-travel.ipynb")
