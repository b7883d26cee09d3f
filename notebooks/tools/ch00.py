"""Chapter 0: what a notebook is."""
from cells import Chapter

c = Chapter("c00")
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
""")
c.md("""
## Exercises and checks

Each exercise has two cells. The **answer cell** holds a method for you to complete: where it says
`throw new UnsupportedOperationException("TODO …")`, write your code. The **check cell** under it calls your
method with test inputs and shows a table: what was expected, what your code returned, and a hint when they
differ. Until you answer, it says *not answered yet*.

The summary line reads e.g. `public checks 2/2 passed · 1 hidden checks run when graded`: when your work is
graded, more cases you cannot see are run too, so make your method right in general, not just for the inputs shown.

**Exercise `intro.greet`:** return `"Hello, NAME!"` for the given name.
""", """
## 练习与检查

每个练习有两个单元格。**答案单元格**里是需要你完成的方法：把 `throw new UnsupportedOperationException("TODO …")`
换成你的代码。下面的**检查单元格**用测试输入调用你的方法，并显示一张表：期望的结果、你的代码返回的结果，
以及不一致时的提示。在你作答之前，它显示 *not answered yet*（尚未作答）。

汇总行形如 `public checks 2/2 passed · 1 hidden checks run when graded`：评分时还会运行你看不到的隐藏用例，
所以方法要在一般情况下都正确，而不只是对显示的输入正确。

**练习 `intro.greet`：** 对给定的名字返回 `"Hello, 名字!"`。
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
That is all you need. Chapter 1 starts with what a network is and ends with a chat program you write yourself.
""", """
这些就够了。第 1 章从"什么是网络"讲起，最后你会自己写出一个聊天程序。
""")

if __name__ == "__main__":
    import sys
    c.write(sys.argv[1], "00-introduction.ipynb")
