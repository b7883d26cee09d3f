"""Chapter 4: concurrent servers and HTTP (seed §4.1–4.10)."""
from cells import Chapter


def tb(src):
    """A code cell holding a Java text block, written with three single quotes here (the cell is a Python string)."""
    return src.replace("'''", '"""')


# what the demo cells print, in Chinese for the zh notebook (cells.py: labels)
ZH_LABELS = {
    '"  client 1 connected and hears: "': '"  客户端 1 连上了，听到："',
    '"I am client 1"': '"我是客户端 1"',
    '"I am client 2"': '"我是客户端 2"',
    '"  client 2 connected (the kernel accepted it, the program has not)"': '"  客户端 2 连上了（内核已经接受了它，程序还没有）"',
    '"  client 2 hears: "': '"  客户端 2 听到："',
    '"  client 1 closed"': '"  客户端 1 关闭了"',
    '"javac: "': '"javac："',
    '"compiled"': '"编译成功"',
    '"failed, status "': '"失败，状态 "',
    '"worker "': '"工作进程 "',
    '"4 JVMs started in %d ms%n"': '"4 个 JVM 启动用了 %d ms%n"',
    '"pid %-8s %3d connections %s%n"': '"pid %-8s %3d 个连接 %s%n"',
    '"  client 1 connected, says nothing"': '"  客户端 1 连上了，一言不发"',
    '"client 3 hears: "': '"客户端 3 听到："',
    '"anyone?"': '"有人吗？"',
    '"%-9s started in %4d ms, JVM threads now %d (platform)%n"': '"%s：启动用了 %4d ms，JVM 现在有 %d 个平台线程%n"',
    '"virtual" : "platform"': '"虚拟线程" : "平台线程"',
    '"accept() with nobody waiting: "': '"没有客户端在等时 accept()："',
    '"read() with nothing sent: "': '"对方什么也没发时 read()："',
    '"read() after \\"hi\\": "': '"收到 \\"hi\\" 之后 read()："',
    '"read() after the client closed: "': '"客户端关闭之后 read()："',
    '"nap %2d ms: %,9d rounds, CPU %3d ms of %d ms wall (%.0f%% of a core)"': '"每轮小睡 %2d ms：%,9d 轮，CPU %3d ms / 墙钟 %d ms（一个核的 %.0f%%）"',
    '"%d of %d clients answered by one thread; JVM threads %d before, %d now%n"': '"%2$d 个客户端中有 %1$d 个由同一个线程应答；JVM 线程之前 %3$d 个，现在 %4$d 个%n"',
    '"FD_SETSIZE (glibc, select(2)): 1024 on every Linux"': '"FD_SETSIZE（glibc，select(2)）：所有 Linux 上都是 1024"',
    '"/proc/sys/fs/file-max (whole system): "': '"/proc/sys/fs/file-max（整个系统）："',
    '"highest fd number now: "': '"现在最大的 fd 编号："',
    '", registered with one Selector: "': '"，注册在同一个 Selector 上的："',
    '"select() found ready: "': '"select() 发现就绪的："',
    '"before selectNow():\\n"': '"selectNow() 之前：\\n"',
    '"after selectNow():\\n"': '"selectNow() 之后：\\n"',
    '"  (inside a loop, on its own stack)"': '"  （在循环里，在它自己的栈上）"',
    '"100,000 virtual threads slept 1 s each: %d ms in all, JVM threads now %d%n"': '"100,000 个虚拟线程各睡 1 秒：一共 %d ms，JVM 现在有 %d 个线程%n"',
    '"ready"': '"就绪"',
    '"start%n"': '"开始%n"',
    '"tick at %4d ms%n"': '"滴答：%4d ms%n"',
    '"spin from %4d ms%n"': '"从 %4d ms 开始空转%n"',
    '"spin until %4d ms%n"': '"空转到 %4d ms 为止%n"',
    '"exit "': '"退出码 "',
    '"sleep "': '"睡 "',
    '" ms:"': '" ms："',
    '" bytes received from "': '" 字节，来自 "',
    '"%d connections held; %d of %d sampled answered in %d ms; JVM threads %d%n"': '"保持着 %1$d 个连接；抽样的 %3$d 个里有 %2$d 个在 %4$d ms 内应答；JVM 线程 %5$d 个%n"',
}

c = Chapter("c04", labels=ZH_LABELS)
c.md("""
# 4 · Concurrent servers and HTTP

Sections 4.1–4.10 of the original course: one server, seven ways to let it serve many clients at once — one client
at a time, a process per client, a thread per client, a non-blocking loop, `select`, `epoll`, and coroutines
(generators, greenlet, gevent) — and, as the chapter's title promises, HTTP. The seed writes them in Python 2 with
`fork`, `select.epoll` and gevent. Java has the better story here: its `Selector` *is* epoll on Linux, and its
virtual threads are gevent's monkey-patch built into the JDK — the same blocking code serves ten thousand
connections. Every server runs on 127.0.0.1; nothing leaves your machine.
""", """
# 4 · 并发服务器、HTTP协议

对应原课程 4.1–4.10 节：同一个服务器，七种同时服务多个客户端的办法——一次一个客户端、每个客户端一个进程、每个客户端一个线程、非阻塞循环、`select`、`epoll`，
以及协程（生成器、greenlet、gevent）——最后是章节标题许诺的 HTTP。原课程用 Python 2 的 `fork`、`select.epoll` 和 gevent 来写。
在这一章 Java 讲得更清楚：它的 `Selector` 在 Linux 上*就是* epoll，它的虚拟线程就是内置在 JDK 里的 gevent 猴子补丁——同样的阻塞式代码能服务一万个连接。
所有服务器都运行在 127.0.0.1 上，没有任何数据离开你的电脑。
""")
c.code(r"""
import java.net.*;
import java.io.*;
import java.nio.ByteBuffer;
import java.nio.channels.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.lang.management.ManagementFactory;
import java.net.http.*;
import java.time.Duration;
import com.sun.net.httpserver.HttpServer;
import netlab.load.*;
import netlab.servers.*;
""")
c.md("""
A few helpers the whole chapter uses: the loopback address, a client that sends one line and waits for the answer
(`null` when none comes in time), and a clock for time lines.
""", """
整章都会用到几个小工具：回环地址；一个发出一行并等待回复的客户端（规定时间内没有回复就返回 `null`）；一个用来打印时间线的时钟。
""")
c.code(r"""
InetAddress LO = InetAddress.getLoopbackAddress();
long t0 = System.nanoTime();

// send one line, wait up to waitMs for the line that comes back
String ask(Socket s, String line, int waitMs) throws IOException {
    s.setSoTimeout(waitMs);
    s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    try {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
    } catch (SocketTimeoutException e) {
        return null;
    }
}

String at() {
    return String.format("%5d ms", (System.nanoTime() - t0) / 1_000_000);
}
""", zh={"send one line, wait up to waitMs for the line that comes back": "发出一行，最多等 waitMs 毫秒，读回一行"})

# 4.1
c.md("""
## 4.1 A single-process server

The seed's server serves one client at a time: `accept()`, then talk to that client until it closes, then the next
`accept()`. The conversation is the seed's `dealWithClient`: echo every line until `read` says the client has
closed (`recv` returns `b''` in Python, `readLine()` returns `null` in Java).
""", """
## 4.1 单进程服务器

原课程的服务器一次只服务一个客户端：`accept()`，然后一直和这个客户端对话，直到它关闭，再进行下一次 `accept()`。
对话部分就是原课程的 `dealWithClient`：把收到的每一行原样发回，直到读操作表明客户端已经关闭（Python 中 `recv` 返回 `b''`，Java 中 `readLine()` 返回 `null`）。
""")
c.code(r"""
// the seed's dealWithClient: echo every line until the client closes
void echoLines(Socket client) {
    try (client) {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        for (String line; (line = in.readLine()) != null; ) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    } catch (IOException e) {
        // the client vanished (a reset): this conversation ends, the server goes on
    }
}
""", zh={"the seed's dealWithClient: echo every line until the client closes": "原课程的 dealWithClient：把每一行原样发回，直到客户端关闭",
         "the client vanished (a reset): this conversation ends, the server goes on": "客户端突然消失（RST）：这段对话结束，服务器继续运行"})
c.md("""
Client 1 connects and says nothing. Client 2's `connect()` **succeeds** — the kernel finished the handshake and put
the connection in the accept queue (the backlog, §3.12) — and it can even send its line, but no answer comes until
client 1 leaves:
""", """
客户端 1 连上后一言不发。客户端 2 的 `connect()` **成功了**——内核完成了三次握手，把连接放进了 accept 队列（backlog，3.12 节）——它甚至能把自己的一行发出去，
但在客户端 1 离开之前，得不到任何回复：
""")
c.code(r"""
try (ServerSocket server = new ServerSocket(0, 5, LO)) {
    Thread.ofPlatform().name("iterative").start(() -> {
        try {
            while (true) {
                echoLines(server.accept());   // one client at a time
            }
        } catch (IOException closed) {
        }
    });
    t0 = System.nanoTime();
    Socket c1 = new Socket(LO, server.getLocalPort());
    System.out.println(at() + "  client 1 connected and hears: " + ask(c1, "I am client 1", 500));
    Socket c2 = new Socket(LO, server.getLocalPort());
    System.out.println(at() + "  client 2 connected (the kernel accepted it, the program has not)");
    System.out.println(at() + "  client 2 hears: " + ask(c2, "I am client 2", 500));
    c1.close();
    System.out.println(at() + "  client 1 closed");
    System.out.println(at() + "  client 2 hears: " + new BufferedReader(new InputStreamReader(c2.getInputStream())).readLine());
    c2.close();
}
""", zh={"one client at a time": "一次一个客户端"})
c.md("""
The wait is the whole problem: client 2's latency is client 1's entire conversation. The seed's summary says so
("同一时刻只能为一个客户进行服务"), and its remark that the server "may receive all the data at once" is right too: TCP
is a byte stream, and whatever client 2 sent meanwhile waits in the kernel's buffer. (The seed's closing
`serverSocket.close()` raises `NameError`: the variable is `serSocket`.)
""", """
问题就在这段等待：客户端 2 的延迟就是客户端 1 的整段对话。原课程的总结说得对（“同一时刻只能为一个客户进行服务”），
“服务器可能一次性把所有数据接收完毕”也对：TCP 是字节流，客户端 2 在等待期间发出的数据都留在内核的缓冲区里。
（原课程最后的 `serverSocket.close()` 会抛出 `NameError`：变量名其实是 `serSocket`。）
""")

c.md("""
The chapter measures every server model with one load harness, `netlab.load.Load`: clients (virtual threads) send
requests and time the echoes; the report gives the median and 99th-percentile latency, throughput, the most clients
served at once, and what serving cost the server — threads, memory (RSS) and CPU time. `netlab.servers.Servers`
holds each model as a small class (`Servers.source(Model.ITERATIVE)` shows it). Five clients, twenty requests each,
against the iterative server: look at "clients served at once".
""", """
本章用同一个负载工具 `netlab.load.Load` 测量每一种服务器模型：一些客户端（虚拟线程）发出请求，并为回显计时；报告给出延迟的中位数和第 99 百分位数、吞吐量、
同时得到服务的最多客户端数，以及服务器为此付出的代价——线程、内存（RSS）和 CPU 时间。`netlab.servers.Servers` 把每种模型写成一个小类
（`Servers.source(Model.ITERATIVE)` 可以显示它的源码）。五个客户端、每个发二十个请求，测单进程服务器：注意“同时服务的客户端”那一行。
""")
c.code(r"""
LoadReport iterative;
try (EchoServer s = Servers.iterative(0)) {
    iterative = Load.run(s, 5, 20, Duration.ZERO);
}
iterative
""")

# 4.2
c.md("""
## 4.2 A multi-process server

Python's `multiprocessing` on Linux forks: the child gets a copy of the parent, the accepted socket included, which
is why the seed closes the parent's copy. Java cannot `fork()`. The honest modern version is the one nginx and
most prefork servers use: start N **worker processes**, and let each open its *own* listener on the *same* port
with `SO_REUSEPORT`; the Linux kernel then spreads incoming connections across them by a hash of the four-tuple.
Here four worker JVMs answer each connection with their process id:
""", """
## 4.2 多进程服务器

Python 的 `multiprocessing` 在 Linux 上使用 fork：子进程得到父进程的一份拷贝，包括已经 accept 的套接字，所以原课程要关闭父进程里的那一份。
Java 不能 `fork()`。现代而诚实的做法是 nginx 等预派生（prefork）服务器的做法：启动 N 个**工作进程**，每个进程在*同一个*端口上打开*自己的*监听套接字，
并设置 `SO_REUSEPORT`；Linux 内核按四元组的哈希把新连接分给它们。下面四个工作进程（各是一个 JVM）用自己的进程号回答每个连接：
""")
c.code(tb(r"""
// the worker's source: SO_REUSEPORT is set before bind, so every worker may bind the same port
Path workDir = Files.createTempDirectory("workers");
Files.writeString(workDir.resolve("PidWorker.java"), '''
    import java.io.PrintStream;
    import java.net.*;

    public class PidWorker {
        public static void main(String[] args) throws Exception {
            ServerSocket server = new ServerSocket();
            server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])));
            System.out.println("ready");
            while (true) {
                try (Socket s = server.accept()) {
                    new PrintStream(s.getOutputStream(), true).println(ProcessHandle.current().pid());
                }
            }
        }
    }
    ''');
int javac = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", workDir.toString(), workDir.resolve("PidWorker.java").toString());
System.out.println("javac: " + (javac == 0 ? "compiled" : "failed, status " + javac));
"""), zh={"the worker's source: SO_REUSEPORT is set before bind, so every worker may bind the same port": "工作进程的源码：在 bind 之前设置 SO_REUSEPORT，每个工作进程才能绑定同一个端口"})
c.md("""
(The class is compiled once here; starting it from source with `java PidWorker.java` would compile it again in each
process.) Now four workers on one free port, a hundred connections, and a histogram of who answered — then the
memory each process costs:
""", """
（这个类在这里编译一次；如果用 `java PidWorker.java` 直接从源码启动，每个进程都要再编译一遍。）现在在一个空闲端口上启动四个工作进程，发起一百个连接，
统计是谁回答的——再看每个进程占用多少内存：
""")
c.code(r"""
long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
    }
    return -1;
}

int port;
try (ServerSocket free = new ServerSocket(0, 1, LO)) {
    port = free.getLocalPort();
}
String javaCommand = ProcessHandle.current().info().command().orElseThrow();
List<Process> workers = new ArrayList<>();
try {
    long start = System.nanoTime();
    for (int i = 0; i < 4; i++) {
        workers.add(new ProcessBuilder(javaCommand, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dstdout.encoding=UTF-8", "-cp", workDir.toString(), "PidWorker", String.valueOf(port))
                .redirectErrorStream(true).start());
    }
    for (Process w : workers) {
        System.out.println("worker " + w.pid() + ": " + new BufferedReader(new InputStreamReader(w.getInputStream())).readLine());
    }
    System.out.printf("4 JVMs started in %d ms%n", (System.nanoTime() - start) / 1_000_000);
    Map<String, Integer> byWorker = new TreeMap<>();
    for (int i = 0; i < 100; i++) {
        try (Socket s = new Socket(LO, port)) {
            byWorker.merge(new BufferedReader(new InputStreamReader(s.getInputStream())).readLine(), 1, Integer::sum);
        }
    }
    byWorker.forEach((pid, n) -> System.out.printf("pid %-8s %3d connections %s%n", pid, n, "#".repeat(n / 2)));
    for (Process w : workers) {
        System.out.printf("pid %-8d RSS %,d kB%n", w.pid(), rssKb(w.pid()));
    }
} finally {
    workers.forEach(Process::destroy);   // a worker outlives the cell otherwise, holding the port
}
""", zh={"a worker outlives the cell otherwise, holding the port": "否则工作进程会比单元格活得久，一直占着端口"})
c.md("""
Each worker is a whole JVM: tens of megabytes and a noticeable start. That is the seed's own conclusion ("如果有几百上千个，
就不可取了") — processes are for a few workers, each serving many clients, not one per client. (The seed's listing
uses `client` before assigning it and passes `client` where it means `destAddr`: it fails on the first connection.)

**Exercise `server.reuseport`:** return a listener on 127.0.0.1:`port` that other listeners can share, as `PidWorker`
does. The check calls it twice on one port and connects 40 times.
""", """
每个工作进程都是一个完整的 JVM：几十 MB 内存，启动也明显要花时间。这正是原课程自己的结论（“如果有几百上千个，就不可取了”）——
进程适合少数几个工作者、每个服务许多客户端，而不是每个客户端一个进程。（原课程的代码在赋值之前就使用了 `client`，并且在应该传 `destAddr` 的地方传了 `client`：
第一个连接到来时就会出错。）

**练习 `server.reuseport`：** 像 `PidWorker` 那样，返回一个监听 127.0.0.1:`port`、可以和其他监听者共用端口的 `ServerSocket`。
检查会在同一个端口上调用它两次，然后连接 40 次。
""")
c.answer("server.reuseport", r"""
ServerSocket listen(int port) throws IOException {
    // BEGIN SOLUTION
    ServerSocket server = new ServerSocket();
    server.setOption(StandardSocketOptions.SO_REUSEPORT, true);
    server.bind(new InetSocketAddress(LO, port));
    return server;
    // END SOLUTION
}
""")
c.check("server.reuseport", 2, r"""
Check.serverReuseport(port -> listen(port));
""")

# 4.3
c.md("""
## 4.3 A multi-threaded server

One thread per client: the loop goes straight back to `accept()` and hands the conversation to a new thread. The
quiet client 1 now costs nobody anything. (The seed passes `args=(newSocket,)` to a function of two parameters:
`TypeError` on the first client. Python's GIL, which the seed does not mention, does not exist in Java.)
""", """
## 4.3 多线程服务器

每个客户端一个线程：循环立刻回到 `accept()`，把对话交给一个新线程。一言不发的客户端 1 不再耽误任何人。
（原课程把 `args=(newSocket,)` 传给一个有两个参数的函数：第一个客户端到来时就会抛出 `TypeError`。原课程没有提到的 Python GIL，在 Java 里并不存在。）
""")
c.code(r"""
try (ServerSocket server = new ServerSocket(0, 5, LO)) {
    Thread.ofPlatform().name("acceptor").start(() -> {
        try {
            while (true) {
                Socket client = server.accept();
                Thread.ofPlatform().start(() -> echoLines(client));   // a thread per connection
            }
        } catch (IOException closed) {
        }
    });
    t0 = System.nanoTime();
    try (Socket c1 = new Socket(LO, server.getLocalPort()); Socket c2 = new Socket(LO, server.getLocalPort())) {
        System.out.println(at() + "  client 1 connected, says nothing");
        System.out.println(at() + "  client 2 hears: " + ask(c2, "I am client 2", 500));
    }
}
""", zh={"a thread per connection": "每个连接一个线程"})
c.md("""
Threads are not free, so servers often use a **fixed pool** instead: `Executors.newFixedThreadPool(8)` runs at most
8 conversations at once and queues the rest.

**Exercise `server.predict-pool`:** a server hands each connection to `Executors.newFixedThreadPool(8)`. Eight
clients connect and say nothing. A ninth sends a line and waits one second. How many lines does it get back in that
second? Predict before you run the next cell.
""", """
线程并不免费，所以服务器常常改用**固定大小的线程池**：`Executors.newFixedThreadPool(8)` 最多同时进行 8 段对话，其余的排队等候。

**练习 `server.predict-pool`：** 服务器把每个连接交给 `Executors.newFixedThreadPool(8)`。八个客户端连上后都不说话。第九个客户端发出一行，等待一秒。
这一秒里它能收到几行回复？先预测，再运行下一个单元格。
""")
c.answer("server.predict-pool", r"""
long linesBack() {
    // BEGIN SOLUTION
    return 0;
    // END SOLUTION
}
""")
c.check("server.predict-pool", 1, r"""
Check.serverPredictPool(() -> linesBack());
""")
c.md("""
The same with a pool of 2 and two quiet clients, so it runs quickly:
""", """
用 2 个线程的池和两个不说话的客户端做同样的实验，这样很快就能跑完：
""")
c.code(r"""
ExecutorService pool = Executors.newFixedThreadPool(2);
try (ServerSocket server = new ServerSocket(0, 5, LO)) {
    Thread.ofPlatform().name("acceptor").start(() -> {
        try {
            while (true) {
                Socket client = server.accept();
                pool.submit(() -> echoLines(client));   // queued while both threads are busy
            }
        } catch (IOException closed) {
        }
    });
    try (Socket q1 = new Socket(LO, server.getLocalPort()); Socket q2 = new Socket(LO, server.getLocalPort());
         Socket third = new Socket(LO, server.getLocalPort())) {
        System.out.println("client 3 hears: " + ask(third, "anyone?", 500));
    }
} finally {
    pool.shutdownNow();
}
""", zh={"queued while both threads are busy": "两个线程都忙时，任务只能排队"})
c.md("""
A pool bounds threads, but a thread in a pool still waits for its client's next line: *starvation*. Either the pool
is as big as the number of clients — a thread per connection again — or a few quiet clients stop everyone. What does
a thread per connection cost? A thousand platform threads that wait, against a thousand virtual ones:
""", """
线程池限制了线程数，但池中的线程仍然在等自己那个客户端的下一行：这就是*饥饿*。要么池和客户端一样大——又回到每个连接一个线程——要么几个不说话的客户端就能让所有人停下。
每个连接一个线程要付出多少？一千个等待中的平台线程，对比一千个虚拟线程：
""")
c.code(r"""
void thousandWaiting(Thread.Builder builder) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
        threads.add(builder.start(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
            }
        }));
    }
    System.out.printf("%-9s started in %4d ms, JVM threads now %d (platform)%n", threads.get(0).isVirtual() ? "virtual" : "platform",
            (System.nanoTime() - start) / 1_000_000, ManagementFactory.getThreadMXBean().getThreadCount());
    release.countDown();
    for (Thread t : threads) t.join();
}
thousandWaiting(Thread.ofPlatform());
thousandWaiting(Thread.ofVirtual());
""")
c.md("""
A platform thread is an operating-system thread with its own stack (up to 1 MiB reserved); a virtual thread is a
small object on the heap that runs on a few carrier threads, so the JVM's thread count barely moves (§4.9 explains
how). **Exercise `server.thread-per-connection`:** turn the iterative server of §4.1 into a thread per connection
with `echoLines`. Serve until `server` is closed: then `accept()` throws `SocketException`, and you return. The check
keeps a client quiet and expects another to be served, and resets a connection in the middle of a line.
""", """
平台线程是操作系统线程，有自己的栈（最多预留 1 MiB）；虚拟线程是堆上的一个小对象，运行在少数几个载体线程上，所以 JVM 的线程数几乎不变（4.9 节会解释原理）。

**练习 `server.thread-per-connection`：** 用 `echoLines` 把 4.1 节的单进程服务器改成每个连接一个线程。一直服务到 `server` 被关闭：那时 `accept()`
会抛出 `SocketException`，你就返回。检查时会让一个客户端一直不说话，要求另一个客户端得到服务；还会在一行说到一半时重置（RST）一个连接。
""")
c.answer("server.thread-per-connection", r"""
void serve(ServerSocket server) throws IOException {
    // BEGIN SOLUTION
    while (true) {
        Socket client;
        try {
            client = server.accept();
        } catch (SocketException closed) {
            return;
        }
        Thread.ofPlatform().start(() -> echoLines(client));
    }
    // END SOLUTION
}
""")
c.check("server.thread-per-connection", 3, r"""
Check.serverThreadPerConnection(server -> serve(server));
""")

# 4.4
c.md("""
## 4.4 A single-process server, non-blocking

A non-blocking socket never waits. In Python a call that would wait raises `BlockingIOError`; in Java
`ServerSocketChannel.accept()` returns **`null`** and `read` returns **0** (and −1 when the peer has closed):
""", """
## 4.4 单进程服务器-非堵塞模式

非阻塞套接字从不等待。在 Python 中，一个需要等待的调用会抛出 `BlockingIOError`；在 Java 中，`ServerSocketChannel.accept()` 返回 **`null`**，
`read` 返回 **0**（对方已关闭时返回 −1）：
""")
c.code(r"""
try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(LO, 0))) {
    server.configureBlocking(false);
    System.out.println("accept() with nobody waiting: " + server.accept());
    try (SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
        SocketChannel accepted = null;
        while (accepted == null) accepted = server.accept();
        accepted.configureBlocking(false);
        ByteBuffer buf = ByteBuffer.allocate(100);
        System.out.println("read() with nothing sent: " + accepted.read(buf));
        client.write(ByteBuffer.wrap("hi".getBytes()));
        Thread.sleep(50);
        System.out.println("read() after \"hi\": " + accepted.read(buf));
        client.close();
        Thread.sleep(50);
        System.out.println("read() after the client closed: " + accepted.read(buf));
        accepted.close();
    }
}
""")
c.md("""
The seed's loop asks every socket, over and over. With nothing to do, how much CPU does that burn? Half a second of
asking, measured with the thread's CPU clock — then the same with a 10 ms nap in each round:
""", """
原课程的循环一遍又一遍地询问每个套接字。无事可做的时候，这要消耗多少 CPU？下面用线程的 CPU 时钟测量半秒钟的询问——再测量每轮小睡 10 毫秒的版本：
""")
c.code(r"""
void pollFor(long millis, long napMs) throws Exception {
    // on a platform thread of its own: a virtual thread has no CPU clock of its own
    FutureTask<String> poll = new FutureTask<>(() -> {
        var threads = ManagementFactory.getThreadMXBean();
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(LO, 0))) {
            server.configureBlocking(false);
            long cpu0 = threads.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
            long rounds = 0;
            while (System.nanoTime() - wall0 < millis * 1_000_000) {
                if (server.accept() != null) break;   // nobody ever comes
                rounds++;
                if (napMs > 0) Thread.sleep(napMs);
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0, wall = System.nanoTime() - wall0;
            return String.format("nap %2d ms: %,9d rounds, CPU %3d ms of %d ms wall (%.0f%% of a core)",
                    napMs, rounds, cpu / 1_000_000, wall / 1_000_000, 100.0 * cpu / wall);
        }
    });
    Thread.ofPlatform().start(poll);
    System.out.println(poll.get());
}
pollFor(500, 0);
pollFor(500, 10);
""", zh={"nobody ever comes": "永远没人来", "on a platform thread of its own: a virtual thread has no CPU clock of its own": "放在一个单独的平台线程上运行：虚拟线程没有自己的 CPU 时钟"})
c.md("""
Without a nap the loop makes tens of thousands of system calls to learn nothing, and is ready to run every moment:
on an idle machine that is a whole core; on a busy one, all the CPU the scheduler will give it (compare the two CPU
figures). With a nap the CPU goes, but up to 10 ms is added to every answer. Neither is
acceptable, and that is what `select` (§4.5) solves: let the kernel wait for *any* of the sockets. (The seed's
listing has a `NameError` — it appends to `g_needDelClientInfoList` but declared `needDelClientInfoList` — its
`except Exception: pass` hides every real error, and its client sends `str`, which is Python 2.)

**Exercise `server.poll-loop`:** the non-blocking loop, done right. `server` is already non-blocking; echo every
byte back to its sender. Each connection needs a buffer of its own: `read` returning −1 means close that channel and
forget it; `write` may write only *part* of the buffer — keep the rest and write it in a later round, never wait on
the spot. Return when `server` is closed. The check sends more than the kernel can buffer (a few MiB) from a client that does not read for a while: a loop
that ignores what `write` returned loses bytes, and a loop that waits for the write to finish stalls everyone else.
""", """
不睡眠的循环发起了成千上万次系统调用，却什么也没得到，而且每时每刻都在等着运行：在空闲的机器上，这就是整整一个核；在繁忙的机器上，则是调度器肯给它的全部 CPU（比较两行的 CPU 数字）。
睡眠省下了 CPU，却让每个回复最多慢 10 毫秒。两者都不可接受，这正是 `select`（4.5 节）要解决的问题：
让内核替我们等待*任意一个*套接字就绪。（原课程的代码有 `NameError`——它往 `g_needDelClientInfoList` 里添加，声明的却是 `needDelClientInfoList`；
它的 `except Exception: pass` 掩盖了所有真正的错误；它的客户端发送的是 `str`，那是 Python 2 的写法。）

**练习 `server.poll-loop`：** 把非阻塞循环写对。`server` 已经是非阻塞的；把每个字节发回给它的发送者。每个连接需要自己的缓冲区：`read` 返回 −1 表示关闭那个通道并忘掉它；
`write` 可能只写出缓冲区的*一部分*——把剩下的留到后面的轮次再写，绝不原地等待。`server` 被关闭时返回。检查时，一个客户端发出超过内核缓冲能力的数据（几 MiB）却暂时不读：
忽略 `write` 返回值的循环会丢字节，原地等待写完的循环会让其他所有人都停下。
""")
c.answer("server.poll-loop", r"""
void pollLoop(ServerSocketChannel server) throws IOException {
    // BEGIN SOLUTION
    Map<SocketChannel, ByteBuffer> clients = new HashMap<>();
    try {
        while (server.isOpen()) {
            SocketChannel fresh = server.accept();
            if (fresh != null) {
                fresh.configureBlocking(false);
                clients.put(fresh, ByteBuffer.allocate(64 * 1024));
            }
            for (Iterator<Map.Entry<SocketChannel, ByteBuffer>> it = clients.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<SocketChannel, ByteBuffer> e = it.next();
                SocketChannel c = e.getKey();
                ByteBuffer buf = e.getValue();   // bytes read and not yet written back: [0, position)
                try {
                    if (buf.position() > 0) {
                        buf.flip();
                        c.write(buf);
                        buf.compact();
                    } else if (c.read(buf) == -1) {
                        c.close();
                        it.remove();
                    }
                } catch (IOException reset) {
                    c.close();
                    it.remove();
                }
            }
        }
    } catch (ClosedChannelException closed) {
        // the server was closed while we looked
    } finally {
        for (SocketChannel c : clients.keySet()) c.close();
    }
    // END SOLUTION
}
""", zh={"bytes read and not yet written back: [0, position)": "已读入、尚未发回的字节：[0, position)",
         "the server was closed while we looked": "我们查看时服务器被关闭了"})
c.check("server.poll-loop", 3, r"""
Check.serverPollLoop(server -> pollLoop(server));
""")

# 4.5
c.md("""
## 4.5 A single-process server with select

Let the kernel do the waiting: hand it every socket and sleep until one of them is ready. Java's version is the
`Selector`: register channels with the events you care about (`OP_ACCEPT`, `OP_READ`, `OP_WRITE`), call `select()`,
then handle the keys it selected. Which class is it, on this machine?
""", """
## 4.5 单进程服务器-select版

让内核来等待：把所有套接字交给它，睡到其中某一个就绪为止。Java 的对应物是 `Selector`：把通道连同关心的事件（`OP_ACCEPT`、`OP_READ`、`OP_WRITE`）注册上去，
调用 `select()`，然后处理被选中的键。在这台机器上，它是哪个类？
""")
c.code(r"""
try (Selector s = Selector.open()) {
    System.out.println(s.getClass().getName());
}
""")
c.md("""
`EPollSelectorImpl`: on Linux a Java `Selector` is **epoll** (§4.6), on macOS kqueue, on Windows wepoll (an
epoll-like layer); Java never calls `select(2)` at all. A one-thread echo server for 200 clients, with the JVM's thread count
beside it:
""", """
`EPollSelectorImpl`：在 Linux 上 Java 的 `Selector` 就是 **epoll**（4.6 节），在 macOS 上是 kqueue，在 Windows 上是 wepoll（一个模仿 epoll 的层）；
Java 根本不调用 `select(2)`。下面是一个单线程、服务 200 个客户端的回显服务器，旁边是 JVM 的线程数：
""")
c.code(r"""
int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
try (Selector selector = Selector.open(); ServerSocketChannel server = ServerSocketChannel.open()) {
    server.bind(new InetSocketAddress(LO, 0), 256).configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
    Thread loop = Thread.ofPlatform().name("selector").start(() -> {
        ByteBuffer buf = ByteBuffer.allocate(1024);
        try {
            while (server.isOpen()) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isAcceptable()) {
                        SocketChannel c = server.accept();
                        c.configureBlocking(false).register(selector, SelectionKey.OP_READ);
                    } else {
                        SocketChannel c = (SocketChannel) key.channel();
                        buf.clear();
                        if (c.read(buf) == -1) { c.close(); continue; }
                        c.write(buf.flip());   // short lines: the write completes (the exercise below does it properly)
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
        }
    });
    List<Socket> clients = new ArrayList<>();
    for (int i = 0; i < 200; i++) clients.add(new Socket(LO, server.socket().getLocalPort()));
    int answered = 0;
    for (Socket s : clients) if (ask(s, "hello", 1000) != null) answered++;
    System.out.printf("%d of %d clients answered by one thread; JVM threads %d before, %d now%n",
            answered, clients.size(), threadsBefore, ManagementFactory.getThreadMXBean().getThreadCount());
    for (Socket s : clients) s.close();
    server.close();
    selector.wakeup();
    loop.join();
}
""", zh={"short lines: the write completes (the exercise below does it properly)": "短短的一行：一次就能写完（下面的练习会把它写完整）"})
c.md("""
**What the seed gets wrong about select's limit.** `FD_SETSIZE` is 1024 on Linux, 32-bit or 64-bit alike (there is
no "32位1024，64位2048"). It is the size of glibc's fixed `fd_set` bitmap, so it limits the file descriptor
*numbers* `select` can watch — fd 1024 cannot be watched even if it is the only one — and it is raised by
recompiling the *program* against a bigger `fd_set`, not the kernel. `/proc/sys/fs/file-max` is something else
entirely: the system-wide limit on open files. The per-process limit is `RLIMIT_NOFILE` ("Max open files"). Here are
all three, and a Selector watching descriptors numbered far above 1024, which `select(2)` could not:
""", """
**原课程关于 select 上限的错误。** Linux 上的 `FD_SETSIZE` 是 1024，32 位和 64 位都一样（并不存在“32位1024，64位2048”）。
它是 glibc 里固定大小的 `fd_set` 位图的大小，所以它限制的是 `select` 能监视的文件描述符的*编号*——编号为 1024 的描述符即使是唯一的一个也无法监视——
要提高它得用更大的 `fd_set` 重新编译*程序*，而不是内核。`/proc/sys/fs/file-max` 完全是另一回事：它是整个系统能打开的文件总数上限。
每个进程的上限是 `RLIMIT_NOFILE`（“Max open files”）。下面把三者都列出来，再让一个 Selector 监视编号远超 1024 的描述符，这是 `select(2)` 做不到的：
""")
c.code(r"""
int highestFd() throws IOException {
    try (var fds = Files.list(Path.of("/proc/self/fd"))) {
        return fds.mapToInt(p -> Integer.parseInt(p.getFileName().toString())).max().orElse(-1);
    }
}

System.out.println("FD_SETSIZE (glibc, select(2)): 1024 on every Linux");
System.out.println("/proc/sys/fs/file-max (whole system): " + Files.readAllLines(Path.of("/proc/sys/fs/file-max")).get(0));
Files.readAllLines(Path.of("/proc/self/limits")).stream().filter(l -> l.startsWith("Max open files")).forEach(System.out::println);
try (Selector selector = Selector.open(); ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(LO, 0), 1200)) {
    List<SocketChannel> ends = new ArrayList<>();
    try {
        for (int i = 0; i < 600; i++) {
            ends.add(SocketChannel.open(server.getLocalAddress()));
            SocketChannel accepted = server.accept();
            ends.add(accepted);
            accepted.configureBlocking(false).register(selector, SelectionKey.OP_READ);
        }
        System.out.println("highest fd number now: " + highestFd() + ", registered with one Selector: " + selector.keys().size());
        ends.get(ends.size() - 2).write(ByteBuffer.wrap("!".getBytes()));   // the last client speaks
        System.out.println("select() found ready: " + selector.select(1000));
    } finally {
        for (SocketChannel c : ends) c.close();
    }
}
""", zh={"the last client speaks": "最后一个客户端发言"})
c.md("""
The six ways an operating system tells a program which sockets are ready, side by side (`netlab.servers.Multiplexers`):
""", """
操作系统告诉程序哪些套接字就绪的六种方式，放在一起对比（`netlab.servers.Multiplexers`）：
""")
c.code(r"""
Multiplexers.table()
""")
c.md("""
The seed leaves out `poll(2)`, which takes an array instead of a bitmap and so has no `FD_SETSIZE` limit — but, like
`select`, the kernel scans the whole array on every call. Its write-list example mixes Python 2's `Queue` with
Python 3's `ConnectionResetError`, so it runs on neither; it never handles `recv() == b''`, so a closed client makes
the loop spin; and it removes from `output_list` while iterating over it.

**Exercise `server.selector`:** the Selector loop, done right. Register `server` for `OP_ACCEPT`; give each accepted
channel a `ByteBuffer` as its key's *attachment* and `OP_READ`. Echo every byte. After a read, try to write; only if
the write is incomplete switch the key to `OP_WRITE` (and stop reading from it), and back to `OP_READ` once the
buffer is empty: a key that keeps `OP_WRITE` makes every `select()` return at once — a busy loop again. Return when
`server` is closed (the check closes it and calls `selector.wakeup()`).
""", """
原课程漏掉了 `poll(2)`：它接收的是数组而不是位图，因此没有 `FD_SETSIZE` 的限制——但和 `select` 一样，每次调用内核都要扫描整个数组。
原课程带写列表的例子把 Python 2 的 `Queue` 和 Python 3 的 `ConnectionResetError` 混在一起，所以在哪个版本上都跑不起来；它从不处理 `recv() == b''`，
客户端关闭后循环就会空转；它还在遍历 `output_list` 的同时从中删除元素。

**练习 `server.selector`：** 把 Selector 循环写对。为 `server` 注册 `OP_ACCEPT`；给每个接受的通道一个 `ByteBuffer` 作为键的*附件*，并注册 `OP_READ`。
把每个字节发回。读完之后尝试写；只有没写完时才把键切换到 `OP_WRITE`（并暂停读），缓冲区写空后再切回 `OP_READ`：一直挂着 `OP_WRITE` 的键会让每次 `select()`
都立刻返回——又变成了忙循环。`server` 被关闭时返回（检查会关闭它并调用 `selector.wakeup()`）。
""")
c.answer("server.selector", r"""
void selectorLoop(Selector selector, ServerSocketChannel server) throws IOException {
    // BEGIN SOLUTION
    server.register(selector, SelectionKey.OP_ACCEPT);
    while (server.isOpen()) {
        selector.select();
        for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
            SelectionKey key = it.next();
            it.remove();
            try {
                if (key.isAcceptable()) {
                    SocketChannel c = server.accept();
                    if (c != null) {
                        c.configureBlocking(false).register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(64 * 1024));
                    }
                    continue;
                }
                SocketChannel c = (SocketChannel) key.channel();
                ByteBuffer buf = (ByteBuffer) key.attachment();
                if (key.isReadable() && c.read(buf) == -1) {
                    c.close();
                    continue;
                }
                buf.flip();
                c.write(buf);
                buf.compact();
                // OP_WRITE only while something is left to write
                key.interestOps(buf.position() > 0 ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            } catch (IOException | CancelledKeyException gone) {
                key.channel().close();
            }
        }
    }
    for (SelectionKey key : selector.keys()) key.channel().close();
    // END SOLUTION
}
""", zh={"OP_WRITE only while something is left to write": "只在还有数据没写完时才关心 OP_WRITE"})
c.check("server.selector", 3, r"""
Check.serverSelector((selector, server) -> selectorLoop(selector, server));
""")

# 4.6
c.md("""
## 4.6 A single-process server with epoll

`select` and `poll` hand the kernel the whole list on every call and scan it; **epoll** keeps the list in the
kernel (`epoll_ctl` adds or removes one fd) and `epoll_wait` returns only the ready ones, so the cost follows the
*active* connections, not all of them. A Java Selector is one epoll instance, and Linux shows it: an
`anon_inode:[eventpoll]` in `/proc/self/fd`, whose `/proc/self/fdinfo` lists every fd it watches (`tfd:`).

**Exercise `epoll.predict-fdinfo`:** a new Selector gets a listening channel and three connected channels
registered, then `selectNow()` runs. How many `tfd:` lines does its fdinfo show? Predict, then look in the next cell.
""", """
## 4.6 单进程服务器-epoll版

`select` 和 `poll` 每次调用都要把整个列表交给内核，由内核逐个扫描；**epoll** 把列表保存在内核里（`epoll_ctl` 每次添加或删除一个描述符），
`epoll_wait` 只返回就绪的那些，所以开销取决于*活跃*的连接数，而不是连接总数。一个 Java Selector 就是一个 epoll 实例，Linux 能让我们看到它：
`/proc/self/fd` 里的一个 `anon_inode:[eventpoll]`，它在 `/proc/self/fdinfo` 中的条目列出了它监视的每个描述符（`tfd:`）。

**练习 `epoll.predict-fdinfo`：** 给一个新的 Selector 注册一个监听通道和三个已连接的通道，然后运行 `selectNow()`。它的 fdinfo 里有几行 `tfd:`？
先预测，再看下一个单元格。
""")
c.answer("epoll.predict-fdinfo", r"""
long watched() {
    // BEGIN SOLUTION
    return 5;
    // END SOLUTION
}
""")
c.check("epoll.predict-fdinfo", 1, r"""
Check.epollPredictFdinfo(() -> watched());
""")
c.code(r"""
Set<String> epollFds() throws IOException {
    Set<String> found = new TreeSet<>();
    try (var fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
        for (Path fd : fds) {
            try {
                if (Files.readSymbolicLink(fd).toString().equals("anon_inode:[eventpoll]")) found.add(fd.getFileName().toString());
            } catch (IOException closedMeanwhile) {
            }
        }
    }
    return found;
}

Set<String> before = epollFds();
try (Selector selector = Selector.open(); ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(LO, 0))) {
    Set<String> mine = epollFds();
    mine.removeAll(before);   // the epoll instance this Selector opened
    String fd = mine.iterator().next();
    server.configureBlocking(false).register(selector, SelectionKey.OP_ACCEPT);
    List<SocketChannel> ends = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
        ends.add(SocketChannel.open(server.getLocalAddress()));
        SocketChannel accepted = null;
        while (accepted == null) accepted = server.accept();
        ends.add(accepted);
        accepted.configureBlocking(false).register(selector, SelectionKey.OP_READ);
    }
    System.out.println("fd " + fd + " -> " + Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)));
    System.out.println("before selectNow():\n" + Files.readString(Path.of("/proc/self/fdinfo/" + fd)));
    selector.selectNow();
    System.out.println("after selectNow():\n" + Files.readString(Path.of("/proc/self/fdinfo/" + fd)));
    for (SocketChannel c : ends) c.close();
}
""", zh={"the epoll instance this Selector opened": "这个 Selector 打开的 epoll 实例"})
c.md("""
Java registers lazily: `register` queues the change, and the next `select` applies it with `epoll_ctl`. The extra
`tfd` is the Selector's own **eventfd**: `selector.wakeup()` from another thread writes to it, which is how a thread
blocked in `epoll_wait` gets woken. `events: 19` is hex for `EPOLLIN|EPOLLPRI|EPOLLERR|EPOLLHUP`.

**Level- versus edge-triggered.** The seed's LT/ET sentences are cut off mid-sentence. Level-triggered (the default,
and all Java exposes): `epoll_wait` reports a socket *as long as* it has unread data. Edge-triggered (`EPOLLET`): it
reports only when *new* data arrives. A small simulation (`netlab.servers.Readiness`): 3,000 bytes arrive at once,
then nothing for four waits; the handler reads 1,024 per report — or, the third lane, reads until nothing is left:
""", """
Java 的注册是延迟进行的：`register` 只是把变更排进队列，下一次 `select` 才用 `epoll_ctl` 执行。多出来的那个 `tfd` 是 Selector 自己的 **eventfd**：
其他线程调用 `selector.wakeup()` 时会向它写入，阻塞在 `epoll_wait` 里的线程就是这样被唤醒的。`events: 19` 是十六进制，即 `EPOLLIN|EPOLLPRI|EPOLLERR|EPOLLHUP`。

**水平触发与边缘触发。** 原课程关于 LT/ET 的两句话都没写完。水平触发（默认方式，也是 Java 唯一提供的方式）：只要套接字里*还有*未读的数据，`epoll_wait` 就会报告它。
边缘触发（`EPOLLET`）：只有*新*数据到达时才报告。下面是一个小模拟（`netlab.servers.Readiness`）：一次到达 3000 字节，之后四次等待都没有新数据；
处理程序每次被通知时读 1024 字节——第三条线则是一直读到没有数据为止：
""")
c.code(r"""
Readiness.simulate(1024, 3000, 0, 0, 0)
""")
c.md("""
With edge triggering the 1,976 remaining bytes sit unread until the peer sends more — which it may never do,
because it is waiting for an answer. So ET requires **non-blocking** sockets and reading until `EAGAIN` (and
accepting in a loop until `EAGAIN`). The seed's sample registers `EPOLLET` on *blocking* sockets and reads once with
`recv(1024)`: it strands data and connections. It also tests `events == select.EPOLLIN`, which misses
`EPOLLIN|EPOLLHUP`. And "没有最大并发连接的限制" is false: each connection is a file descriptor, bounded by the process's
open-file limit (`RLIMIT_NOFILE`, 20,000 here) and by memory. Other systems have their own epoll: kqueue on BSD and
macOS, IOCP on Windows; and Linux 5.1 added io_uring, which completes the I/O itself instead of only saying it is
ready.
""", """
用边缘触发时，剩下的 1976 字节一直没人读，直到对方再发数据——而对方也许永远不会再发，因为它在等回复。所以 ET 要求使用**非阻塞**套接字，并一直读到 `EAGAIN`
（accept 也要循环到 `EAGAIN`）。原课程的例子在*阻塞*套接字上注册了 `EPOLLET`，而且只用 `recv(1024)` 读一次：数据和连接都会被搁置。它还用
`events == select.EPOLLIN` 做判断，会漏掉 `EPOLLIN|EPOLLHUP`。“没有最大并发连接的限制”也不对：每个连接都是一个文件描述符，受进程打开文件数上限
（`RLIMIT_NOFILE`，这里是 20000）和内存的限制。其他系统也有各自的 epoll：BSD 和 macOS 上的 kqueue，Windows 上的 IOCP；Linux 5.1 又加入了 io_uring，
它不只告诉你可以读写了，而是直接替你完成 I/O。
""")

# 4.7
c.md("""
## 4.7 Coroutines

The seed's coroutine is a Python **generator**: `A()` runs until `yield`, and `B` resumes it with `next`. What does a
generator compile to? An object that remembers where it stopped — a *state machine*. The seed's ping-pong, written
as one (`c.next()` in the seed is Python 2; the printed output in the seed does not match its code either):
""", """
## 4.7 多任务实现-协程

原课程的协程是 Python 的**生成器**：`A()` 运行到 `yield` 为止，`B` 用 `next` 让它继续。生成器被编译成什么？一个记得自己停在哪里的对象——一个*状态机*。
把原课程的乒乓例子写成状态机（原课程中的 `c.next()` 是 Python 2 的写法；它打印的结果也和代码对不上）：
""")
c.code(r"""
// what `def A(): while True: print("----A---"); yield` compiles to
class A implements Iterator<Void> {
    private int rounds;   // the generator's state: where it stopped

    public boolean hasNext() {
        return true;
    }

    public Void next() {
        rounds++;
        System.out.println("----A--- " + rounds);
        return null;   // the yield
    }
}

Iterator<Void> a = new A();
for (int i = 0; i < 3; i++) {
    System.out.println("----B---");
    a.next();   // resume A until its next yield
}
""", zh={"what `def A(): while True: print(\"----A---\"); yield` compiles to": "`def A(): while True: print(\"----A---\"); yield` 编译成的样子",
         "the generator's state: where it stopped": "生成器的状态：它停在了哪里",
         "the yield": "相当于 yield",
         "resume A until its next yield": "让 A 继续运行到下一个 yield"})
c.md("""
Generators are how protocol parsers are written without threads: they turn "data arrives in pieces" into "a line at
a time". **Exercise `coroutine.lines`:** return an iterator of the lines in `chunks`, **lazily** — pull a chunk only
when a line needs it (the check counts the pulls). A line ends with `"\\n"`, which is not part of it; text left at the
end without one is a last line. `hasNext()` may be called any number of times; `next()` after the end throws
`NoSuchElementException`.
""", """
生成器是不用线程编写协议解析器的方法：它把“数据一块一块地到达”变成“一次一行”。**练习 `coroutine.lines`：** 返回 `chunks` 中各行的迭代器，而且要**惰性**求值——
只在某一行需要时才拉取下一个数据块（检查会数你拉了几次）。一行以 `"\\n"` 结尾，换行符不属于这一行；最后剩下的、没有换行符的文字也算一行。
`hasNext()` 可以被调用任意多次；到达末尾后再调用 `next()` 要抛出 `NoSuchElementException`。
""")
c.answer("coroutine.lines", r"""
Iterator<String> lines(Iterator<String> chunks) {
    // BEGIN SOLUTION
    return new Iterator<>() {
        private final StringBuilder pending = new StringBuilder();   // text that is not a whole line yet
        private String ready;                                       // a line found by hasNext(), not yet taken
        private boolean ended;

        public boolean hasNext() {
            while (ready == null && !ended) {
                int nl = pending.indexOf("\n");
                if (nl >= 0) {
                    ready = pending.substring(0, nl);
                    pending.delete(0, nl + 1);
                } else if (chunks.hasNext()) {
                    pending.append(chunks.next());
                } else {
                    ended = true;
                    if (!pending.isEmpty()) ready = pending.toString();
                }
            }
            return ready != null;
        }

        public String next() {
            if (!hasNext()) throw new NoSuchElementException();
            String line = ready;
            ready = null;
            return line;
        }
    };
    // END SOLUTION
}
""", zh={"text that is not a whole line yet": "还凑不成一整行的文字",
         "a line found by hasNext(), not yet taken": "hasNext() 找到、还没被取走的一行"})
c.check("coroutine.lines", 2, r"""
Check.coroutineLines(chunks -> lines(chunks));
""")
c.md("""
A state machine is written by hand; a real coroutine keeps its *stack* and resumes in the middle of a loop. The JDK
has exactly that inside: `jdk.internal.vm.Continuation`, the engine under virtual threads. It is an internal,
unsupported API (netlab opens it to notebooks for this one demonstration): `run()` runs the body until
`Continuation.yield(scope)`, the next `run()` continues right after it.
""", """
状态机要手工编写；真正的协程保留着自己的*栈*，可以在循环中间恢复运行。JDK 内部正好有这个东西：`jdk.internal.vm.Continuation`，虚拟线程底下的引擎。
这是内部的、不受支持的 API（netlab 只为这一个演示向笔记本开放它）：`run()` 运行主体，直到 `Continuation.yield(scope)`；下一次 `run()` 从它后面接着运行。
""")
c.code(r"""
var scope = new jdk.internal.vm.ContinuationScope("generators");
var gen = new jdk.internal.vm.Continuation(scope, () -> {
    for (int i = 1; ; i++) {
        System.out.println("----A--- " + i + "  (inside a loop, on its own stack)");
        jdk.internal.vm.Continuation.yield(scope);
    }
});
for (int i = 0; i < 3; i++) {
    System.out.println("----B---");
    gen.run();   // resume A right after its yield
}
""", zh={"resume A right after its yield": "让 A 从 yield 之后继续运行"})
c.md("""
A scheduler is what runs many coroutines in turns: asyncio's event loop, gevent's hub, the JDK's virtual-thread
scheduler. **Exercise `coroutine.round-robin`:** run `tasks` in turns, one step (`next()`) each, in order, dropping
a task once it has no more steps; return the steps in the order they ran.
""", """
调度器负责让许多协程轮流运行：asyncio 的事件循环、gevent 的 hub、JDK 的虚拟线程调度器都是调度器。**练习 `coroutine.round-robin`：**
让 `tasks` 轮流运行，每次每个任务走一步（`next()`），按顺序进行；某个任务没有下一步时就把它去掉；按运行的先后返回所有步骤。
""")
c.answer("coroutine.round-robin", r"""
List<String> runAll(List<Iterator<String>> tasks) {
    // BEGIN SOLUTION
    List<String> ran = new ArrayList<>();
    Deque<Iterator<String>> ready = new ArrayDeque<>(tasks);
    while (!ready.isEmpty()) {
        Iterator<String> task = ready.poll();
        if (task.hasNext()) {
            ran.add(task.next());
            ready.add(task);
        }
    }
    return ran;
    // END SOLUTION
}
""")
c.check("coroutine.round-robin", 2, r"""
Check.coroutineRoundRobin(tasks -> runAll(tasks));
""")
c.md("""
The seed says a coroutine switch is cheap "because only the CPU context is saved" and a thread switch is expensive
because the OS restores each thread's "Cache". Python generators are in fact *stackless* (they save one frame, not a
CPU context), and a thread switch costs an entry into the kernel, the scheduler, disturbed caches and TLB, and a
big stack per thread. The point stands, though, and a virtual thread shows it: a hundred thousand of them, each
sleeping one second, finish in about one second:
""", """
原课程说协程切换很便宜，“因为只是单纯地操作 CPU 的上下文”，而线程切换昂贵是因为操作系统要恢复每个线程的“缓存 Cache”。其实 Python 的生成器是*无栈*的（保存的是一个栈帧，
而不是 CPU 上下文）；线程切换的开销在于进入内核、调度器、被打乱的缓存和 TLB，以及每个线程的大栈。不过结论是对的，虚拟线程就能说明这一点：
十万个虚拟线程各睡一秒，总共只需要大约一秒：
""")
c.code(r"""
long start = System.nanoTime();
try (ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
    for (int i = 0; i < 100_000; i++) {
        perTask.submit(() -> {
            Thread.sleep(1000);
            return null;
        });
    }
}   // close() waits for all of them
System.out.printf("100,000 virtual threads slept 1 s each: %d ms in all, JVM threads now %d%n",
        (System.nanoTime() - start) / 1_000_000, ManagementFactory.getThreadMXBean().getThreadCount());
""", zh={"close() waits for all of them": "close() 会等待它们全部结束"})
c.md("""
The seed's own caveat is right and worth seeing: coroutines switch only where they wait, so a coroutine that
computes without waiting starves the others — and virtual threads are not time-sliced either. A child JVM with a
single carrier thread (`-Djdk.virtualThreadScheduler.parallelism=1`): a ticker prints every 100 ms, then another
virtual thread spins for 0.6 s without waiting:
""", """
原课程自己的提醒是对的，值得亲眼看看：协程只在等待的地方切换，所以一个只计算、不等待的协程会让其他协程饿死——虚拟线程也不按时间片轮转。
下面在一个只有一个载体线程的子 JVM 中（`-Djdk.virtualThreadScheduler.parallelism=1`）：一个计时器每 100 毫秒打印一次，然后另一个虚拟线程不等待地空转 0.6 秒：
""")
c.code(tb(r"""
Files.writeString(workDir.resolve("Starve.java"), '''
    public class Starve {
        public static void main(String[] args) throws Exception {
            System.out.printf("start%n");
            long t0 = System.nanoTime();
            Thread ticker = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 10; i++) {
                    System.out.printf("tick at %4d ms%n", (System.nanoTime() - t0) / 1_000_000);
                    try { Thread.sleep(100); } catch (InterruptedException e) { return; }
                }
            });
            Thread.sleep(350);
            Thread.ofVirtual().start(() -> {
                System.out.printf("spin from %4d ms%n", (System.nanoTime() - t0) / 1_000_000);
                long end = System.nanoTime() + 600_000_000L;
                while (System.nanoTime() < end) { }
                System.out.printf("spin until %4d ms%n", (System.nanoTime() - t0) / 1_000_000);
            }).join();
            ticker.join();
        }
    }
    ''');
javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", workDir.toString(), workDir.resolve("Starve.java").toString());
Process child = new ProcessBuilder(javaCommand, "-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.virtualThreadScheduler.maxPoolSize=1",
        "-XX:TieredStopAtLevel=1", "-Dstdout.encoding=UTF-8", "-cp", workDir.toString(), "Starve")
        .redirectErrorStream(true).start();
try {
    child.getInputStream().transferTo(System.out);
    System.out.println("exit " + child.waitFor());
} finally {
    child.destroy();
}
"""))

# 4.8
c.md("""
## 4.8 Coroutines with greenlet

greenlet adds an explicit `switch()`: one greenlet hands control to another by name. greenlets are *stackful* (they
switch C stacks), like Java's virtual threads and unlike Python generators. The seed's A/B ping-pong with two virtual
threads, each handing the turn to the other through a `SynchronousQueue` (a hand-off with no room to store anything):
""", """
## 4.8 协程-greenlet版

greenlet 提供了显式的 `switch()`：一个 greenlet 指名把控制权交给另一个。greenlet 是*有栈*的（它切换的是 C 栈），这点和 Java 的虚拟线程一样，而和 Python 生成器不同。
下面用两个虚拟线程实现原课程的 A/B 乒乓，它们通过 `SynchronousQueue`（一个不能存放任何东西的交接点）把执行权交给对方：
""")
c.code(r"""
SynchronousQueue<String> toA = new SynchronousQueue<>(), toB = new SynchronousQueue<>();

void player(String name, SynchronousQueue<String> mine, SynchronousQueue<String> other, int rounds) {
    try {
        for (int i = 0; i < rounds; i++) {
            mine.take();   // wait for my turn
            System.out.println("---" + name + "--  on " + Thread.currentThread());
            other.put("your turn");   // gr2.switch()
        }
    } catch (InterruptedException e) {
    }
}

Thread gr1 = Thread.ofVirtual().start(() -> player("A", toA, toB, 3));
Thread gr2 = Thread.ofVirtual().start(() -> player("B", toB, toA, 3));
toA.put("start");   // gr1.switch()
gr1.join();
toA.poll(1, TimeUnit.SECONDS);   // B's last hand-off back to A
gr2.join();
""", zh={"wait for my turn": "等待轮到我",
         "gr1.switch()": "相当于 gr1.switch()",
         "gr2.switch()": "相当于 gr2.switch()",
         "B's last hand-off back to A": "B 最后一次把执行权交回给 A"})

# 4.9
c.md("""
## 4.9 Coroutines with gevent

gevent switches greenlets *automatically* wherever one would block on I/O — after `monkey.patch_all()` replaces the
blocking parts of the standard library. That is precisely what Java's virtual threads are, built into the JDK: the
classic `Socket` and friends were rebuilt on NIO (JEP 353, JEP 373), and since JDK 21 (JEP 444) a blocking call on a
virtual thread *parks* it and frees its carrier thread for another. The seed's three greenlets printing five times
each, first without waiting — one after another, as in the seed — then sleeping 100 ms each step — interleaved. The
carrier (a `ForkJoinPool` worker) is shown after the `@`:
""", """
## 4.9 协程-gevent版

gevent 在 `monkey.patch_all()` 替换了标准库中会阻塞的部分之后，会在 greenlet 即将因 I/O 阻塞的地方*自动*切换。这正是 Java 的虚拟线程，只不过内置在 JDK 中：
经典的 `Socket` 等类已经在 NIO 之上重写（JEP 353、JEP 373），从 JDK 21 起（JEP 444），虚拟线程上的阻塞调用会把它*挂起*（park），
让出它的载体线程去运行别的虚拟线程。下面是原课程中三个各打印五次的 greenlet：先是不等待——和原课程一样，一个接一个地运行——然后每一步睡 100 毫秒——交替运行。
`@` 后面显示的是载体线程（一个 `ForkJoinPool` 工作线程）：
""")
c.code(r"""
void f(int n, long sleepMs) {
    for (int i = 0; i < n; i++) {
        String me = Thread.currentThread().toString();
        System.out.println(me.substring(0, me.indexOf(']') + 1) + " " + i + "   @" + me.substring(me.indexOf('@') + 1));
        try {
            if (sleepMs > 0) Thread.sleep(sleepMs);   // gevent.sleep(): parks, the carrier runs someone else
        } catch (InterruptedException e) {
        }
    }
}

for (long sleepMs : new long[] {0, 100}) {
    System.out.println("sleep " + sleepMs + " ms:");
    try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int g = 0; g < 3; g++) ex.submit(() -> f(5, sleepMs));
    }
}
""", zh={"gevent.sleep(): parks, the carrier runs someone else": "相当于 gevent.sleep()：挂起，载体线程去运行别人"})
c.md("""
(Without a sleep, three virtual threads on a 2-core machine may still overlap: there are as many carriers as cores,
where gevent has one thread.) The seed's concurrent downloader fetches baidu.com and two other sites; there is no
internet here, so three local pages (`netlab.servers.SlowHttp`) answer after 600, 300 and 100 ms. Plain blocking `URL.openStream()` on virtual
threads — no patching:
""", """
（即使不睡眠，在 2 核机器上三个虚拟线程仍然可能交叠：载体线程和 CPU 核一样多，而 gevent 只有一个线程。）原课程的并发下载器访问 baidu.com 等三个网站；
这里没有互联网，所以用三个本地页面（`netlab.servers.SlowHttp`）代替，它们分别在 600、300 和 100 毫秒后回答。在虚拟线程上直接使用阻塞式的 `URL.openStream()`——不需要任何补丁：
""")
c.code(r"""
try (SlowHttp pages = SlowHttp.start(600, 300, 100);   // three local pages, slowest first
     ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
    t0 = System.nanoTime();
    for (URI url : pages.urls()) {
        ex.submit(() -> {
            System.out.println(at() + "  GET: " + url);
            try (InputStream in = url.toURL().openStream()) {
                System.out.println(at() + "  " + in.readAllBytes().length + " bytes received from " + url);
            }
            return null;
        });
    }
    ex.close();   // waits for the three downloads
}
""", zh={"three local pages, slowest first": "三个本地页面，最慢的在前", "waits for the three downloads": "等三个下载全部完成"})
c.md("""
Requested in one order, received in another, all done in about the slowest one's time. The seed's "请使用python 2"
is wrong — gevent supports Python 3 — but its listing *is* Python 2 (`print` statements, `urllib2`), and
`monkey.patch_all()` must come before the other imports, not after them. Java does not patch anything: JDK 24
(JEP 491) even removed the last common case of *pinning* (a virtual thread blocking inside `synchronized` used to
hold its carrier); native frames still pin.

**Exercise `coroutine.downloader`:** fetch all `urls` at the same time and return their bodies in the order of
`urls`. The check's server counts the requests in flight.
""", """
请求按一种顺序发出，响应按另一种顺序到达，总耗时大约等于最慢的那个。原课程的“请使用python 2”是错的——gevent 支持 Python 3——但它的代码*确实*是 Python 2
（`print` 语句、`urllib2`）；而且 `monkey.patch_all()` 必须放在其他 import 之前，而不是之后。Java 不需要打任何补丁：JDK 24（JEP 491）甚至消除了最后一种常见的
*钉住*（pinning）情形（虚拟线程在 `synchronized` 里阻塞时曾经会占住载体线程）；本地方法的栈帧仍然会钉住。

**练习 `coroutine.downloader`：** 同时下载所有 `urls`，按 `urls` 的顺序返回它们的内容。检查用的服务器会统计同时在处理的请求数。
""")
c.answer("coroutine.downloader", r"""
List<String> fetchAll(List<URI> urls) throws Exception {
    // BEGIN SOLUTION
    try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<String>> bodies = new ArrayList<>();
        for (URI url : urls) {
            bodies.add(ex.submit(() -> {
                try (InputStream in = url.toURL().openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }));
        }
        List<String> result = new ArrayList<>();
        for (Future<String> body : bodies) result.add(body.get());
        return result;
    }
    // END SOLUTION
}
""")
c.check("coroutine.downloader", 2, r"""
Check.coroutineDownloader(urls -> fetchAll(urls));
""")

# 4.10
c.md("""
## 4.10 A single-process server with gevent

The seed's gevent server is §4.3's thread-per-connection server with `gevent.spawn`. In Java it is §4.3's server with
`Thread.ofVirtual()` — the same blocking `echoLines`. Two thousand clients connected at once, one virtual thread
each, and the platform threads the JVM needed for them:
""", """
## 4.10 单进程服务器-gevent版

原课程的 gevent 服务器就是 4.3 节每个连接一个线程的服务器，只是换成了 `gevent.spawn`。在 Java 中，它就是把 4.3 节的服务器换成 `Thread.ofVirtual()`——
`echoLines` 还是那段阻塞式代码。下面让两千个客户端同时连着，每个连接一个虚拟线程，再看 JVM 为它们用了多少个平台线程：
""")
c.code(r"""
int clientsHeld = 2000;
try (ServerSocket server = new ServerSocket(0, clientsHeld, LO)) {
    Thread.ofPlatform().name("acceptor").start(() -> {
        try {
            while (true) {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> echoLines(client));   // gevent.spawn(handle_request, cli)
            }
        } catch (IOException closed) {
        }
    });
    List<Socket> held = new ArrayList<>();
    try {
        for (int i = 0; i < clientsHeld; i++) held.add(new Socket(LO, server.getLocalPort()));
        long start = System.nanoTime();
        int answered = 0;
        for (int i = 0; i < held.size(); i += 100) if ("still here".equals(ask(held.get(i), "still here", 1000))) answered++;
        System.out.printf("%d connections held; %d of %d sampled answered in %d ms; JVM threads %d%n", held.size(), answered,
                (held.size() + 99) / 100, (System.nanoTime() - start) / 1_000_000, ManagementFactory.getThreadMXBean().getThreadCount());
    } finally {
        for (Socket s : held) s.close();
    }
}
""", zh={"gevent.spawn(handle_request, cli)": "相当于 gevent.spawn(handle_request, cli)"})
c.md("""
### HTTP

The chapter's title promises HTTP, and the seed never gets to it. HTTP/1.1 (RFC 9112) is text over TCP: a request
line `GET /index.html HTTP/1.1`, header lines `Name: value`, an empty line, and a body whose length the headers
give. The response is the same shape with a status line `HTTP/1.1 200 OK`. Since HTTP/1.1 a connection stays open
for the next request (**keep-alive**, the long connection of §3.11) unless a side says `Connection: close`; HTTP/1.0
closes after each response. A client may even send several requests without waiting for the answers
(**pipelining**), so a server must read from one buffered stream per connection. Here is one raw exchange with the
JDK's built-in server:
""", """
### HTTP

本章标题许诺了 HTTP，原课程却始终没有讲到。HTTP/1.1（RFC 9112）是跑在 TCP 上的文本：一行请求行 `GET /index.html HTTP/1.1`，若干头部行 `Name: value`，
一个空行，然后是正文，正文的长度由头部给出。响应的形状相同，只是第一行换成状态行 `HTTP/1.1 200 OK`。从 HTTP/1.1 起，连接默认保持打开，等待下一个请求
（**keep-alive**，即 3.11 节的长连接），除非某一方说了 `Connection: close`；HTTP/1.0 则在每个响应之后关闭连接。客户端甚至可以不等回复就连发几个请求
（**管线化**，pipelining），所以服务器必须为每个连接只用一个带缓冲的输入流来读。下面是和 JDK 自带服务器的一次原始交换：
""")
c.code(r"""
HttpServer jdkServer = HttpServer.create(new InetSocketAddress(LO, 0), 10);
jdkServer.createContext("/", exchange -> {
    byte[] body = "你好".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
    }
});
jdkServer.start();
URI index = URI.create("http://127.0.0.1:" + jdkServer.getAddress().getPort() + "/index.html");
try (HttpClient client = HttpClient.newHttpClient()) {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(index).build(), HttpResponse.BodyHandlers.ofString());
    System.out.println("HttpClient: " + r.statusCode() + " " + r.headers().map() + " " + r.body() + "\n");
}
try (Socket s = new Socket(LO, jdkServer.getAddress().getPort())) {
    s.getOutputStream().write("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes());
    System.out.println(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
} finally {
    jdkServer.stop(0);
}
""")
c.md("""
Content-Length is 6 for two characters: it counts **bytes**, and each of these characters is three bytes in UTF-8.

**Exercise `http.server`:** an HTTP/1.1 server for `pages` (path → text), a virtual thread per connection. For each
request on a connection: a request line that is not three parts `METHOD PATH HTTP/1.x` gets `400 Bad Request` and
the connection closed; a path in `pages` gets `200 OK` with the page as UTF-8; any other path `404 Not Found`. Every
response carries `Content-Length` (and `Content-Type: text/plain; charset=utf-8`). Then read the next request on the
same connection — unless the request said `Connection: close` or was HTTP/1.0. Return when `server` is closed. The
check uses `java.net.http.HttpClient` and raw sockets: keep-alive, pipelined requests, `Connection: close`,
HTTP/1.0, a malformed request and a Chinese page. `headLine` reads one line of the head:
""", """
两个字符，Content-Length 却是 6：它数的是**字节**，这两个字符在 UTF-8 中各占三个字节。

**练习 `http.server`：** 为 `pages`（路径 → 文字）写一个 HTTP/1.1 服务器，每个连接一个虚拟线程。对连接上的每个请求：请求行如果不是 `METHOD PATH HTTP/1.x`
这样的三段，就回复 `400 Bad Request` 并关闭连接；路径在 `pages` 中，回复 `200 OK`，正文是该页面的 UTF-8 编码；其他路径回复 `404 Not Found`。
每个响应都要带 `Content-Length`（以及 `Content-Type: text/plain; charset=utf-8`）。然后在同一个连接上读下一个请求——除非这个请求说了 `Connection: close`
或者用的是 HTTP/1.0。`server` 被关闭时返回。检查会使用 `java.net.http.HttpClient` 和原始套接字：keep-alive、管线化请求、`Connection: close`、HTTP/1.0、
格式错误的请求，以及一个中文页面。`headLine` 读取请求头中的一行：
""")
c.code(r"""
// one line of an HTTP head without its CRLF, or null at the end of the stream
String headLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b == -1) return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        line.write(b);
    }
    String s = line.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
}
""", zh={"one line of an HTTP head without its CRLF, or null at the end of the stream": "HTTP 头部中的一行（不含 CRLF）；流结束时返回 null"})
c.answer("http.server", r"""
void respond(OutputStream out, String status, String text) throws IOException {
    // BEGIN SOLUTION
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    // END SOLUTION
}

void converse(Socket client, Map<String, String> pages) {
    // BEGIN SOLUTION
    try (client) {
        InputStream in = new BufferedInputStream(client.getInputStream());   // one reader for all the requests
        OutputStream out = client.getOutputStream();
        while (true) {
            String requestLine = headLine(in);
            if (requestLine == null) return;
            String[] part = requestLine.split(" ");
            if (part.length != 3 || !part[2].startsWith("HTTP/1.")) {
                respond(out, "400 Bad Request", "bad request\n");
                return;
            }
            boolean close = part[2].equals("HTTP/1.0");
            for (String h; (h = headLine(in)) != null && !h.isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("Connection")) {
                    close = h.substring(colon + 1).trim().equalsIgnoreCase("close");
                }
            }
            String page = pages.get(part[1]);
            if (page == null) respond(out, "404 Not Found", "not found: " + part[1] + "\n");
            else respond(out, "200 OK", page);
            if (close) return;
        }
    } catch (IOException gone) {
    }
    // END SOLUTION
}

void serve(ServerSocket server, Map<String, String> pages) throws IOException {
    // BEGIN SOLUTION
    while (true) {
        Socket client;
        try {
            client = server.accept();
        } catch (SocketException closed) {
            return;
        }
        Thread.ofVirtual().start(() -> converse(client, pages));
    }
    // END SOLUTION
}
""", zh={"one reader for all the requests": "所有请求共用一个 reader"})
c.check("http.server", 4, r"""
Check.httpServer((server, pages) -> serve(server, pages));
""")

c.md("""
## The comparison

Every model of this chapter, each in a JVM of its own, under the same small load (a bigger run is in the bench):
lines of code, latency, memory and threads. Read it with the chapter in mind: the iterative server serves one client
at a time; worker processes pay a JVM each; the busy poll burns CPU while waiting; the Selector and the virtual
threads serve everyone with few threads — and the virtual-thread server is the *blocking* code of §4.1.
""", """
## 对比

本章的每种模型各自运行在一个 JVM 中，承受同样的小负载（更大规模的测量在 bench 里）：代码行数、延迟、内存和线程。结合本章内容来读：单进程服务器一次只服务一个客户端；
工作进程每个都要付出一个 JVM 的代价；忙轮询在等待时也在烧 CPU；Selector 和虚拟线程用很少的线程服务所有人——而虚拟线程服务器用的正是 4.1 节那段*阻塞式*代码。
""")
c.code(r"""
Load.compare(5, 20, Duration.ZERO)
""")

c.md("""
## Errata: where the original course is wrong or outdated

1. §4.1: `serverSocket.close()` raises `NameError` (the variable is `serSocket`).
2. §4.2: `client` is used before it is assigned and passed where `destAddr` is meant: the listing fails on the first
   client. Java cannot `fork()`; worker processes share a port with `SO_REUSEPORT` instead.
3. §4.3: `args=(newSocket,)` for a function of two parameters raises `TypeError` on the first client.
4. §4.4: `g_needDelClientInfoList` is never defined (`NameError`); `except Exception: pass` hides real errors; the
   client sends `str` (Python 2). A busy poll burns a whole core (measured above).
5. §4.5: `FD_SETSIZE` (1024 on every Linux, 32- or 64-bit) limits fd *numbers* in glibc's `fd_set`, raised by
   recompiling the program, not the kernel; `/proc/sys/fs/file-max` is the system-wide open-file limit and unrelated;
   "32位1024，64位2048" is false. `poll(2)` is not mentioned. The write-list example mixes Python 2 `Queue` with Python 3
   `ConnectionResetError`, never handles `recv() == b''` and removes from a list it is iterating over.
6. §4.6: epoll is bounded by `RLIMIT_NOFILE` and memory ("没有最大并发连接的限制" is false); the sample uses `EPOLLET`
   on blocking sockets with a single `recv`, strands data, and compares `events == EPOLLIN`; the LT/ET sentences
   are cut off. kqueue, IOCP and io_uring are not mentioned.
7. §4.7: Python generators are stackless (one frame, not a "CPU context"); a thread switch is not expensive because
   of restoring each thread's "Cache"; `c.next()` is Python 2 and the printed output does not match the code;
   asyncio and `async`/`await` (Python 3.4/3.5) are missing.
8. §4.8/4.9: the greenlet listing is Python 2 (`print` statements); gevent supports Python 3 ("请使用python 2" is
   wrong); `monkey.patch_all()` must come before other imports; `urllib2` is Python 2; the downloader needs the
   internet.
9. §4.10: the chapter title promises HTTP, which the chapter never explains (done above).
""", """
## 勘误：原课程中错误或过时的地方

1. 4.1 节：`serverSocket.close()` 会抛出 `NameError`（变量名是 `serSocket`）。
2. 4.2 节：`client` 在赋值之前就被使用，而且在应该传 `destAddr` 的地方传了它：第一个客户端到来时程序就出错。Java 不能 `fork()`；改用工作进程通过 `SO_REUSEPORT` 共享端口。
3. 4.3 节：把 `args=(newSocket,)` 传给有两个参数的函数，第一个客户端到来时就抛出 `TypeError`。
4. 4.4 节：`g_needDelClientInfoList` 从未定义（`NameError`）；`except Exception: pass` 掩盖了真正的错误；客户端发送的是 `str`（Python 2）。
   忙轮询会耗掉一整个核（上面测过）。
5. 4.5 节：`FD_SETSIZE`（在所有 Linux 上都是 1024，不分 32 位、64 位）限制的是 glibc 的 `fd_set` 中描述符的*编号*，要提高它需要重新编译程序，而不是内核；
   `/proc/sys/fs/file-max` 是整个系统的打开文件数上限，与此无关；“32位1024，64位2048”是错的。没有提到 `poll(2)`。带写列表的例子把 Python 2 的 `Queue`
   和 Python 3 的 `ConnectionResetError` 混在一起，从不处理 `recv() == b''`，还在遍历列表的同时从中删除元素。
6. 4.6 节：epoll 受 `RLIMIT_NOFILE` 和内存的限制（“没有最大并发连接的限制”是错的）；例子在阻塞套接字上使用 `EPOLLET`，只调用一次 `recv`，会搁置数据，
   还用 `events == EPOLLIN` 做比较；关于 LT/ET 的句子没写完。没有提到 kqueue、IOCP 和 io_uring。
7. 4.7 节：Python 生成器是无栈的（保存一个栈帧，而不是“CPU 上下文”）；线程切换昂贵并不是因为要恢复每个线程的“缓存 Cache”；`c.next()` 是 Python 2 的写法，
   打印的结果和代码对不上；没有提到 asyncio 和 `async`/`await`（Python 3.4/3.5）。
8. 4.8/4.9 节：greenlet 的代码是 Python 2（`print` 语句）；gevent 支持 Python 3（“请使用python 2”是错的）；`monkey.patch_all()` 必须放在其他 import 之前；
   `urllib2` 是 Python 2 的；下载器需要互联网。
9. 4.10 节：章节标题许诺了 HTTP，正文却从未讲解（上面已补上）。
""")

if __name__ == "__main__":
    import sys
    c.write(sys.argv[1], "04-concurrent-servers.ipynb")
