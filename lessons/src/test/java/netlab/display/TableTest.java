package netlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netlab.text.TerminalWidth;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void textFormPadsColumnsUnderADashedLine() {
        Table t = Table.of("port", "service").row(22, "ssh").row(80, "http");
        assertEquals("port  service\n----  -------\n22    ssh\n80    http", t.text());
    }

    @Test
    void htmlFormEscapesCellsAndKeepsStyles() {
        Table t = Table.of("a", "b").row("<x>", Table.cell("1", "color:red"));
        String html = t.html();
        assertTrue(html.contains("<th>a</th><th>b</th>"), html);
        assertTrue(html.contains("<td>&lt;x&gt;</td><td style=\"color:red\">1</td>"), html);
        assertEquals(html, t.mimeBundle().get("text/html"));
        assertEquals(t.text(), t.mimeBundle().get("text/plain"));
    }

    @Test
    void tooManyCellsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Table.of("a").row(1, 2));
        assertEquals("this row has 2 cells but the table has 1 columns [a]: pass at most 1 values", e.getMessage());
    }

    /** A terminal draws a Chinese character two columns wide: the columns after it must still line up. */
    @Test
    void chineseCellsLineUpInTerminalColumns() {
        String text = Table.of("名称", "port").row("回显服务器", 7).row("echo", 7788).text();
        assertEquals("""
                名称        port
                ----------  ----
                回显服务器  7
                echo        7788""", text);
        assertEquals(9, TerminalWidth.of("端口 port"));
        assertEquals(1, TerminalWidth.of("e\u0301"), "a combining accent takes no column");
        assertEquals(2, TerminalWidth.of("ｗ"), "full-width forms take two");
    }
}
