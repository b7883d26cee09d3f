package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.spi.ExecutionControl;
import org.junit.jupiter.api.Test;

/**
 * What runs after a piece's invoke ({@link AgentExecutionControl#afterInvokeOf}, the cell's end the kernel asked
 * with it): once that invoke has returned, however it ended, and only that one. The invokes here name classes
 * never loaded, so each returns at once with JShell's failure; a piece's value or exception returns the same way.
 */
class AgentExecutionControlTest {

    private final AgentExecutionControl control = new AgentExecutionControl(() -> { }, () -> { });
    private final List<String> ran = new ArrayList<>();

    @Test
    void anActionAskedBeforeItsInvokeRunsAsTheInvokeReturns() {
        control.afterInvokeOf("REPL.$JShell$netlabValue1", () -> ran.add("end"));
        assertEquals(List.of(), ran, "the invoke has not come yet");
        invoke("REPL.$JShell$netlabValue1");
        assertEquals(List.of("end"), ran);
        invoke("REPL.$JShell$netlabValue1");
        assertEquals(List.of("end"), ran, "once");
    }

    @Test
    void anActionAskedAfterItsInvokeReturnedRunsAtOnce() {
        invoke("REPL.$JShell$netlabValue2");
        control.afterInvokeOf("REPL.$JShell$netlabValue2", () -> ran.add("end"));
        assertEquals(List.of("end"), ran);
    }

    @Test
    void anotherClassesInvokeDoesNotRunIt() {
        control.afterInvokeOf("REPL.$JShell$netlabValue4", () -> ran.add("end"));
        invoke("REPL.$JShell$netlabValue3");
        assertEquals(List.of(), ran, "a JShell snippet's invoke, or an earlier piece's, is not the one");
        invoke("REPL.$JShell$netlabValue4");
        assertEquals(List.of("end"), ran);
    }

    private void invoke(String className) {
        assertThrows(ExecutionControl.InternalException.class, () -> control.invoke(className, "do_it$"));
    }
}
