"""Chapter 0: what a notebook is."""
from cells import Chapter

# what the demo cells print, in Chinese for the zh notebook (cells.py: labels)
ZH_LABELS = {
    '"Hello from Java "': '"你好，这里是 Java "',
    '" has "': '" 目前有 "',
    '" chapters so far"': '" 章"',
    '"waiting… "': '"等待中… "',
    '"finished without being interrupted"': '"没有被中断，运行完了"',
}

c = Chapter("c00", labels=ZH_LABELS)
c.md("""
# 0 · Introduction: how these notebooks work

This course teaches network programming in **Java**, one runnable cell at a time. A notebook is a list of
cells: *text cells* like this one explain, *code cells* run Java. Everything you run here talks only to your
own machine (the loopback address `127.0.0.1`), so nothing you do can disturb anyone else's network.

**Run a cell:** click into it and press **Shift+Enter**. The output appears below the cell and the cursor moves on.
""", """
# 0 · 课程介绍：如何使用这些笔记本

本课程用 **Java** 讲授网络编程，每次一个可以运行的单元格。笔记本由单元格组成：*文本单元格*（比如这一个）负责讲解，
*代码单元格*运行 Java 代码。这里运行的一切都只和你自己的电脑通信（回环地址 `127.0.0.1`），不会打扰任何别人的网络。

**运行单元格：** 点进单元格，按 **Shift+Enter**。输出出现在单元格下面，光标移到下一个单元格。
""")
c.code("""
System.out.println("Hello from Java " + Runtime.version());
""")
c.md("""
A cell whose last line is an expression (no semicolon) shows its value, like a calculator:
""", """
如果单元格的最后一行是一个表达式（末尾没有分号），就会像计算器一样显示它的值：
""")
c.code("""
1 + 2 * 3
""")
c.md("""
Variables and methods you define stay defined for the cells that follow — in the order you *run* them, not the
order they appear. If things get confusing, use *Kernel → Restart* and run the cells again from the top.
""", """
定义过的变量和方法在之后的单元格里仍然可用——顺序取决于你*运行*它们的顺序，而不是它们在页面上的顺序。
如果状态混乱了，选择 *Kernel → Restart*，再从头依次运行。
""")
c.code("""
String course = "netlab";
int lessons = 3;
course.toUpperCase() + " has " + lessons + " chapters so far"
""")
c.md("""
The course library is already loaded: `Ipv4`, `Subnet`, `Udp`, `Tcp`, `Tftp`, `Display` and friends need no
`import`. Press **Tab** after a dot to complete a name, **Shift+Tab** to read its documentation.
""", """
课程用的类库已经预先加载：`Ipv4`、`Subnet`、`Udp`、`Tcp`、`Tftp`、`Display` 等无需 `import`。
在点号后按 **Tab** 可以补全名字，按 **Shift+Tab** 可以查看文档。
""")
c.code("""
Ipv4.parse("192.168.1.10").describe()
""")
c.md("""
## Interrupting a cell

Network programs wait a lot: for a connection, for a datagram, for a reply that never comes. When a cell
runs too long, press the **■ (interrupt)** button in the toolbar, or *Kernel → Interrupt*. Try it now: run the
next cell and interrupt it before it counts to 3. You will see an interruption message, and the notebook is
ready for the next cell — your variables are kept. (Run unattended, the cell simply finishes after 3 seconds.)
""", """
## 中断单元格

网络程序经常在等待：等连接、等数据报、等一个永远不会来的回复。单元格运行太久时，点工具栏上的 **■（中断）**
按钮，或选择 *Kernel → Interrupt*。现在试试：运行下一个单元格，在它数到 3 之前中断它。你会看到中断的提示，
之后笔记本可以继续运行下一个单元格，变量都还在。（如果无人操作，这个单元格 3 秒后会自己结束。）
""")
c.code("""
for (int i = 1; i <= 3; i++) {
    System.out.println("waiting… " + i);
    Thread.sleep(1_000);
}
System.out.println("finished without being interrupted");
""")
c.code("""
course   // still defined after an interrupt
""", zh={"still defined after an interrupt": "中断之后仍然有定义"})
c.md("""
Why can the stop button always stop a cell? Your code does not run inside the kernel that talks to the notebook:
the kernel compiles each cell and hands it to a separate Java process. A cell that loops forever, exits or runs out
of memory costs only that process; the kernel starts a fresh one and says so.
""", """
为什么停止按钮总能停下一个单元格？你的代码并不在和笔记本对话的内核里运行：内核编译每个单元格，再交给一个单独的
Java 进程去运行。一个死循环、调用了 exit 或者耗尽内存的单元格，只会影响那个进程；内核会启动一个新的进程，并告诉你发生了什么。
""")
c.code("""
Display.show(netlab.course.Pictures.twoProcesses());
""")
c.md("""
## Exercises and checks

Each exercise has two cells. The **answer cell** holds a method for you to complete: where it says
`throw new UnsupportedOperationException("TODO …")`, write your code. The **check cell** under it calls your
method with test inputs and shows a table: what was expected and what your code returned. It reads like a sentence:
`Check.introGreet(name -> greet(name));` — "check `intro.greet` with my `greet`". Until you answer, it says
*not answered yet*; once a real attempt fails, it adds a hint that says where to look (never the answer).

The summary line reads e.g. `public checks 2/2 passed · 1 hidden check runs when graded`: when your work is
graded, more cases you cannot see are run too, so make your method right in general, not just for the inputs shown.

**Exercise `intro.greet`:** return a greeting for the given name: for `"世界"`, return `"Hello, 世界!"`.
""", """
## 练习与检查

每个练习有两个单元格。**答案单元格**里是需要你完成的方法：把 `throw new UnsupportedOperationException("TODO …")`
换成你的代码。下面的**检查单元格**用测试输入调用你的方法，并显示一张表：期望的结果和你的代码返回的结果。它读起来像一句话：
`Check.introGreet(name -> greet(name));`——“用我的 `greet` 检查练习 `intro.greet`”。在你作答之前，它显示“尚未作答”；
真正尝试过但没通过时，它会给出提示，告诉你该往哪里看（但绝不直接给出答案）。

汇总行形如 `public checks 2/2 passed · 1 hidden check runs when graded`：评分时还会运行你看不到的隐藏用例，
所以方法要在一般情况下都正确，而不只是对显示的输入正确。

**练习 `intro.greet`：** 对给定的名字返回一句问候：名字是 `"世界"` 时，返回 `"Hello, 世界!"`。
""")
c.answer("intro.greet", """
String greet(String name) {
    // BEGIN SOLUTION
    return "Hello, " + name + "!";
    // END SOLUTION
}
""")
c.check("intro.greet", 2, """
Check.introGreet(name -> greet(name));
""")
c.md("""
Not every exercise is code to write. Some ask you to **predict** what a program does, before you run it: the answer
cell is a method that returns your prediction, and the check compares it with what really happens.

**Exercise `intro.predict-value`:** without running it, what does a cell whose last line is `7 / 2` show? Return that
number.
""", """
不是每个练习都要写代码。有些练习请你在运行之前先**预测**程序会做什么：答案单元格是一个返回你的预测的方法，检查程序把它和实际结果比较。

**练习 `intro.predict-value`：** 不要运行，想一想：最后一行是 `7 / 2` 的单元格会显示什么？返回这个数。
""")
c.answer("intro.predict-value", """
long shown() {
    // BEGIN SOLUTION
    return 3;   // int / int is whole-number division: the remainder 1 is dropped
    // END SOLUTION
}
""", zh={"int / int is whole-number division: the remainder 1 is dropped": "int / int 是整数除法：余数 1 被舍去"})
c.check("intro.predict-value", 1, """
Check.introPredictValue(() -> shown());
""")
c.md("""
**Exercise `intro.read-summary`:** a check cell ends with `public checks 2/3 passed · 2 hidden checks run when graded`.
When your work is graded, how many cases run for this exercise in all?
""", """
**练习 `intro.read-summary`：** 一个检查单元格的汇总行是 `public checks 2/3 passed · 2 hidden checks run when graded`（公开检查通过 2/3，评分时还会运行 2 个隐藏检查）。评分时，这个练习一共运行多少个用例？
""")
c.answer("intro.read-summary", """
long gradedCases() {
    // BEGIN SOLUTION
    return 3 + 2;   // the public cases run again, and the hidden ones too
    // END SOLUTION
}
""", zh={"the public cases run again, and the hidden ones too": "公开用例会再运行一次，隐藏用例也会运行"})
c.check("intro.read-summary", 1, """
Check.introReadSummary(() -> gradedCases());
""")
c.md("""
That is all you need. Chapter 1 starts with what a network is and ends with a chat program you write yourself.
""", """
这些就够了。第 1 章从"什么是网络"讲起，最后你会自己写出一个聊天程序。
""")

if __name__ == "__main__":
    import sys
    c.write(sys.argv[1], "00-introduction.ipynb")
