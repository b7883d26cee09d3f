#!/usr/bin/python3
"""Classroom benchmark: N students on one server, each with their own kernel, through jupyter_client.

Usage (after ./netlab build):  bench/classroom-bench [--students N] [--think S] [--seed K] [--compare JAR]

First N netlab kernels at once, each working through a chapter-1-like sequence of cells (imports, UDP
send and receive on loopback, a table of ports, IPv4 and subnet arithmetic, an answer method and its
check) with a random think time between cells (uniform 0.5*S to 1.5*S, the same draws for every kind);
then, the same way, N ipykernels with the equivalent Python cells. Prints for each kind: peak total RSS
and PSS of all kernels' processes (PSS counts pages shared between kernels once, so it is what the machine
holds), p50/p99 cell latency over all students' cells, CPU seconds of the kernels, wall time, the load
average, and students per 16 GB from peak PSS (and from RSS, the pessimistic figure). --compare JAR runs the
class a third time on another build's netlab.jar (installed the same way), for a before/after table.
"""
import argparse
import os
import random
import statistics
import threading
import time

import benchlib as b

JAVA_CELLS = [
    "import java.net.*;\nimport java.nio.charset.StandardCharsets;\nimport java.util.*;",
    """try (UdpEndpoint a = Udp.bind("127.0.0.1", 0); UdpEndpoint b = Udp.bind("127.0.0.1", 0)) {
    a.send("hello, B!", "127.0.0.1", b.port());
    Datagram d = b.receive(Duration.ofSeconds(2));
    System.out.println("B received " + d.text() + " from " + d.sender());
}""",
    """for (int p : new int[] {21, 22, 53, 69, 80, 443}) {
    System.out.println(p + " -> " + Ports.name(p));
}""",
    """for (String ip : List.of("10.1.2.3", "172.16.0.1", "192.168.1.10", "127.0.0.1", "8.8.8.8")) {
    Ipv4 a = Ipv4.parse(ip);
    System.out.printf("%-13s private=%-5s loopback=%-5s%n", ip, a.isPrivate(), a.isLoopback());
}""",
    """Subnet net = Subnet.parse("192.168.1.0/24");
System.out.println("hosts " + net.firstHost() + " ... " + net.lastHost() + " (" + net.hostCount() + ")");
net.contains(Ipv4.parse("192.168.1.77"))""",
    """long hostCount(int prefix) {
    return prefix >= 31 ? 0 : (1L << (32 - prefix)) - 2;
}""",
    """Check.run("subnet.host-count", (netlab.course.UdpExercises.HostCount) prefix -> hostCount(prefix));""",
    """try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
     DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
    byte[] data = "haha".getBytes(StandardCharsets.UTF_8);
    socket.send(new DatagramPacket(data, data.length, peer.getLocalSocketAddress()));
    DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
    peer.setSoTimeout(2000);
    peer.receive(p);
    System.out.println(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
}""",
    """int sent = 0;
String greeting = "你好";
byte[] utf8 = greeting.getBytes(StandardCharsets.UTF_8);
utf8.length""",
    """try (Server echo = Udp.echoServer(0).quiet(); UdpEndpoint client = Udp.bind("127.0.0.1", 0)) {
    client.send("echo me", "127.0.0.1", echo.port());
    System.out.println("back: " + client.receive(Duration.ofSeconds(2)).text());
}""",
]

PYTHON_CELLS = [
    "import socket\nimport ipaddress\nimport struct",
    """a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); b.bind(("127.0.0.1", 0)); b.settimeout(2)
a.sendto("hello, B!".encode(), b.getsockname())
data, sender = b.recvfrom(1500)
print("B received", data.decode(), "from", sender)
a.close(); b.close()""",
    """for p in [21, 22, 53, 69, 80, 443]:
    try:
        print(p, "->", socket.getservbyport(p))
    except OSError:
        print(p, "-> ?")""",
    """for ip in ["10.1.2.3", "172.16.0.1", "192.168.1.10", "127.0.0.1", "8.8.8.8"]:
    a = ipaddress.ip_address(ip)
    print(f"{ip:13} private={a.is_private!s:5} loopback={a.is_loopback!s:5}")""",
    """net = ipaddress.ip_network("192.168.1.0/24")
hosts = list(net.hosts())
print("hosts", hosts[0], "...", hosts[-1], f"({len(hosts)})")
ipaddress.ip_address("192.168.1.77") in net""",
    """def host_count(prefix):
    return 0 if prefix >= 31 else (1 << (32 - prefix)) - 2""",
    """for prefix, expected in [(24, 254), (30, 2), (16, 65534), (32, 0)]:
    assert host_count(prefix) == expected, (prefix, expected)
print("public checks 4/4")""",
    """with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s, socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
    s.bind(("127.0.0.1", 0)); peer.bind(("127.0.0.1", 0)); peer.settimeout(2)
    s.sendto("haha".encode("utf-8"), peer.getsockname())
    print(peer.recvfrom(1500)[0].decode("utf-8"))""",
    """sent = 0
greeting = "你好"
utf8 = greeting.encode("utf-8")
len(utf8)""",
    """import threading
srv = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); srv.bind(("127.0.0.1", 0))
def serve():
    data, addr = srv.recvfrom(1500); srv.sendto(data, addr)
t = threading.Thread(target=serve); t.start()
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
    c.settimeout(2); c.sendto(b"echo me", srv.getsockname()); print("back:", c.recvfrom(1500)[0].decode())
t.join(); srv.close()""",
]

GIB16_MB = 16 * 1024


class Student(threading.Thread):
    def __init__(self, kernel_name, cells, thinks):
        super().__init__(daemon=True)
        self.kernel_name, self.cells, self.thinks = kernel_name, cells, thinks
        self.pid = None
        self.latencies, self.start_ms, self.error = [], None, None
        self.started = threading.Event()
        self.finished = threading.Event()
        self.release = threading.Event()

    def run(self):
        km = kc = None
        try:
            km, kc, self.start_ms = b.start(self.kernel_name)
            self.pid = b.kernel_pid(km)
            self.started.set()
            for cell, think in zip(self.cells, self.thinks):
                time.sleep(think)
                self.latencies.append(b.timed_ms(lambda: b.execute(kc, cell)))
        except Exception as e:  # one student's failure is reported, the class goes on
            self.error = e
        finally:
            self.started.set()
            self.finished.set()
            self.release.wait()  # kernels stay up until the sampler has read the class's memory and CPU
            if km is not None:
                b.stop(km, kc)


def run_class(kind, kernel_name, cells, students, thinks):
    load_before = b.load()
    t0 = time.perf_counter()
    class_ = [Student(kernel_name, cells, thinks[i]) for i in range(students)]
    for s in class_:
        s.start()
    peak_rss = peak_pss = 0.0
    cpu = {}
    while not all(s.finished.is_set() for s in class_):
        pids = [s.pid for s in class_ if s.pid]
        peak_rss = max(peak_rss, sum(b.rss_mb(p) for p in pids))
        peak_pss = max(peak_pss, sum(b.pss_mb(p) for p in pids))
        for s in class_:
            if s.pid:
                cpu[s.pid] = max(cpu.get(s.pid, 0), b.cpu_s(s.pid))
        time.sleep(0.5)
    wall = time.perf_counter() - t0
    for s in class_:
        if s.pid:
            cpu[s.pid] = max(cpu.get(s.pid, 0), b.cpu_s(s.pid))
    end_rss = sum(b.rss_mb(s.pid) for s in class_ if s.pid)
    end_pss = sum(b.pss_mb(s.pid) for s in class_ if s.pid)
    load_after = b.load()
    for s in class_:
        s.release.set()
    for s in class_:
        s.join(60)
    latencies = [x for s in class_ for x in s.latencies]
    errors = [f"{type(s.error).__name__}: {s.error}" for s in class_ if s.error]
    starts = [s.start_ms for s in class_ if s.start_ms]
    ok = students - len(errors)
    return {
        "kind": kind,
        "students (ok)": f"{students} ({ok})",
        "start to kernel_info p50 (ms)": statistics.median(starts) if starts else float("nan"),
        "cell latency p50 (ms)": statistics.median(latencies) if latencies else float("nan"),
        "cell latency p99 (ms)": b.pct(latencies, 0.99) if latencies else float("nan"),
        "peak total RSS (MB)": peak_rss,
        "peak total PSS (MB)": peak_pss,
        "total PSS at the end (MB)": end_pss,
        "total RSS at the end (MB)": end_rss,
        "CPU seconds of all kernels": sum(cpu.values()),
        "wall time (s)": wall,
        "students per 16 GB (peak PSS)": GIB16_MB / (peak_pss / students) if peak_pss else float("nan"),
        "students per 16 GB (peak RSS)": GIB16_MB / (peak_rss / students) if peak_rss else float("nan"),
        "load average before / after": f"{load_before} / {load_after}",
        "errors": errors,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=30, help="kernels at once (default 30)")
    parser.add_argument("--think", type=float, default=3.0, help="mean think time between cells, s (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the think times")
    parser.add_argument("--compare", metavar="JAR", help="also run the class on another build's netlab.jar "
                        "(e.g. main's, for a before/after table), after ipykernel")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    thinks = [[rng.uniform(0.5, 1.5) * args.think for _ in JAVA_CELLS] for _ in range(args.students)]
    other = [("netlab-bench-compare", os.path.abspath(args.compare))] if args.compare else []
    with b.Install(other_builds=other):
        ours = run_class("netlab", b.NETLAB, JAVA_CELLS, args.students, thinks)
        base = run_class("ipykernel", b.IPYKERNEL, PYTHON_CELLS, args.students, thinks)
        compared = [run_class("compared", "netlab-bench-compare", JAVA_CELLS, args.students, thinks)] if other else []
    print(f"{'':34}{'netlab':>18}{'ipykernel':>18}{'netlab/ipykernel':>18}"
          + "".join(f"{'compared':>18}{'compared/ipykernel':>20}" for _ in compared))
    for key in ours:
        if key in ("kind", "errors"):
            continue
        a, c = ours[key], base[key]
        if isinstance(a, float):
            print(f"{key:34}{a:18.1f}{c:18.1f}{a / c if c else float('nan'):17.2f}x"
                  + "".join(f"{r[key]:18.1f}{r[key] / c if c else float('nan'):19.2f}x" for r in compared))
        else:
            print(f"{key:34}netlab {a}; ipykernel {c}" + "".join(f"; compared {r[key]}" for r in compared))
    for r in [ours, base] + compared:
        for e in r["errors"]:
            print(f"{r['kind']}: a student's session failed: {e}")
    print(f"({len(JAVA_CELLS)} cells per student, think time {args.think} s mean; {os.cpu_count()} cores; "
          f"memory of each kernel's process tree, kernel + agent JVM for netlab, sampled every 0.5 s)")


if __name__ == "__main__":
    main()
