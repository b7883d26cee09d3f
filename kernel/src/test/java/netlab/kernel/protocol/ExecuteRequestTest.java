package netlab.kernel.protocol;

import com.google.gson.JsonObject;
import netlab.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static netlab.kernel.protocol.FrontEnd.streamText;
import static netlab.kernel.protocol.FrontEnd.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecuteRequestTest {

    private final TestKernel kernel = new TestKernel();
    private final FrontEnd client = kernel.client;

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void countsExecutionsAndPublishesInputAndResultBetweenBusyAndIdle() throws Exception {
        Message first = client.execute("value 42");
        JsonObject reply = client.reply(first).content();
        assertEquals("ok", reply.get("status").getAsString());
        assertEquals(1, reply.get("execution_count").getAsInt());

        List<Message> iopub = client.iopubUntilIdle(first);
        assertEquals(List.of("status:busy", "execute_input", "execute_result", "status:idle"), types(iopub));
        assertEquals("value 42", iopub.get(1).content().get("code").getAsString());
        assertEquals(1, iopub.get(1).content().get("execution_count").getAsInt());
        JsonObject result = iopub.get(2).content();
        assertEquals(1, result.get("execution_count").getAsInt());
        assertEquals("42", result.getAsJsonObject("data").get("text/plain").getAsString());

        Message second = client.execute("print hello");
        assertEquals(2, client.reply(second).content().get("execution_count").getAsInt());
        assertEquals(List.of("status:busy", "execute_input", "stream", "status:idle"),
                types(client.iopubUntilIdle(second)));
    }

    @Test
    void flushesEveryByteBeforeTheReplyAndBatchesTinyWrites() throws Exception {
        Message request = client.execute("print start\nspam 20000\nerr oops\nprint end");
        client.reply(request);
        // The reply is out, so all output must already be queued on iopub (idle may still be on its way).
        List<Message> beforeIdle = client.iopubOf(request);
        String expected = "start\n" + "xxxxxxxxxx\n".repeat(2000) + "end\n";
        assertEquals(expected, streamText(beforeIdle, "stdout"));
        assertEquals("oops\n", streamText(beforeIdle, "stderr"));
        long streams = beforeIdle.stream().filter(m -> m.type().equals("stream")).count();
        assertTrue(streams < 1000, "20002 writes should be batched, got " + streams + " stream messages");
        // stdout, then stderr, then stdout again: order across streams is kept.
        List<String> names = beforeIdle.stream().filter(m -> m.type().equals("stream"))
                .map(m -> m.content().get("name").getAsString()).distinct().toList();
        assertEquals(List.of("stdout", "stderr"), names);
        assertEquals("end\n", beforeIdle.stream().filter(m -> m.type().equals("stream")).toList().getLast()
                .content().get("text").getAsString());
    }

    @Test
    void failureIsAnErrorReplyWithCountAndAnIopubError() throws Exception {
        Message request = client.execute("fail");
        JsonObject reply = client.reply(request).content();
        assertEquals("error", reply.get("status").getAsString());
        assertEquals(1, reply.get("execution_count").getAsInt());
        assertEquals("BoomError", reply.get("ename").getAsString());
        assertEquals("boom", reply.get("evalue").getAsString());
        assertEquals("  at line 1", reply.getAsJsonArray("traceback").get(1).getAsString());

        List<Message> iopub = client.iopubUntilIdle(request);
        assertEquals(List.of("status:busy", "execute_input", "error", "status:idle"), types(iopub));
        assertEquals("BoomError", iopub.get(2).content().get("ename").getAsString());
        assertFalse(iopub.get(2).content().has("status"));
    }

    @Test
    void interruptedAndRestartedEnginesAreErrorsWithOneRedLine() throws Exception {
        JsonObject restarted = client.reply(client.execute("restart")).content();
        assertEquals("error", restarted.get("status").getAsString());
        assertEquals("EngineRestarted", restarted.get("ename").getAsString());
        assertEquals("The agent died; variables were reset.", restarted.get("evalue").getAsString());
        assertEquals("\u001b[0;31mEngineRestarted: The agent died; variables were reset.\u001b[0m",
                restarted.getAsJsonArray("traceback").get(0).getAsString());

        JsonObject crashed;
        try (ExpectedLog log = ExpectedLog.of("netlab.kernel.protocol")) {
            crashed = client.reply(client.execute("throw")).content();
            log.assertSaid("the engine failed while running a cell java.lang.IllegalStateException: engine bug");
        }
        assertEquals("KernelError", crashed.get("ename").getAsString());
        // from the catalogue, saying whose fault it is and what to do, with what the engine threw
        assertEquals(Text.of("kernel.engine.failed", "java.lang.IllegalStateException: engine bug"),
                crashed.get("evalue").getAsString());
        assertEquals("ok", client.reply(client.execute("print still alive")).content().get("status").getAsString());
    }

    /** The engine is told the number the front end shows beside the cell; a silent run has none. */
    @Test
    void theEngineKnowsTheNumberShownBesideTheCell() throws Exception {
        int count = client.reply(client.execute("number")).content().get("execution_count").getAsInt();
        client.reply(client.execute("number", Map.of("silent", true)));
        assertEquals(List.of(OptionalInt.of(count), OptionalInt.empty()), kernel.engine.numbers);
    }

    @Test
    void silentPublishesNoInputNoResultAndDoesNotCount() throws Exception {

        Message silent = client.execute("value 7", Map.of("silent", true));
        assertEquals(0, client.reply(silent).content().get("execution_count").getAsInt());
        assertEquals(List.of("status:busy", "status:idle"), types(client.iopubUntilIdle(silent)));

        Message next = client.execute("value 8");
        assertEquals(1, client.reply(next).content().get("execution_count").getAsInt());
        JsonObject history = historyTail(10);
        assertEquals(1, history.getAsJsonArray("history").size());
    }

    @Test
    void storeHistoryFalseRunsVisiblyWithoutCountingOrRemembering() throws Exception {
        client.reply(client.execute("value 1"));
        Message unstored = client.execute("value 2", Map.of("store_history", false));
        assertEquals(1, client.reply(unstored).content().get("execution_count").getAsInt());
        List<Message> iopub = client.iopubUntilIdle(unstored);
        assertEquals(List.of("status:busy", "execute_input", "execute_result", "status:idle"), types(iopub));
        assertEquals(1, iopub.get(1).content().get("execution_count").getAsInt());

        assertEquals(2, client.reply(client.execute("value 3")).content().get("execution_count").getAsInt());
        assertEquals("[[1,1,\"value 1\"],[1,2,\"value 3\"]]", historyTail(10).get("history").toString());
    }

    @Test
    void stopOnErrorAbortsExecutesAlreadyQueuedButAnswersOtherRequests() throws Exception {
        Message failing = client.execute("gate\nfail");
        Message queued1 = client.execute("print never");
        Message info = client.shell("kernel_info_request", Map.of());
        Message queued2 = client.execute("print never either");
        kernel.engine.gate.release();

        assertEquals("error", client.reply(failing).content().get("status").getAsString());
        assertEquals("aborted", client.reply(queued1).content().get("status").getAsString());
        assertEquals("ok", client.reply(info).content().get("status").getAsString());
        assertEquals("aborted", client.reply(queued2).content().get("status").getAsString());
        assertEquals(List.of("status:busy", "status:idle"), types(client.iopubUntilIdle(queued2)));

        Message after = client.execute("print runs");
        assertEquals("ok", client.reply(after).content().get("status").getAsString());
        assertEquals(List.of("gate\nfail", "print runs"), kernel.engine.executed);
    }

    @Test
    void withoutStopOnErrorQueuedExecutesRun() throws Exception {
        Message failing = client.execute("gate\nfail", Map.of("stop_on_error", false));
        Message queued = client.execute("print runs");
        kernel.engine.gate.release();
        assertEquals("error", client.reply(failing).content().get("status").getAsString());
        assertEquals("ok", client.reply(queued).content().get("status").getAsString());
    }

    @Test
    void userExpressionsAreEvaluatedAfterASuccessfulCell() throws Exception {
        Message request = client.execute("print x", Map.of("user_expressions", Map.of("a", "hello", "b", "boom")));
        JsonObject expressions = client.reply(request).content().getAsJsonObject("user_expressions");
        JsonObject a = expressions.getAsJsonObject("a");
        assertEquals("ok", a.get("status").getAsString());
        assertEquals("HELLO", a.getAsJsonObject("data").get("text/plain").getAsString());
        assertTrue(a.has("metadata"));
        JsonObject b = expressions.getAsJsonObject("b");
        assertEquals("error", b.get("status").getAsString());
        assertEquals("BoomError", b.get("ename").getAsString());
        assertEquals("cannot evaluate boom", b.get("evalue").getAsString());
    }

    @Test
    void displayUpdateAndClearCarryTheDisplayId() throws Exception {
        Message request = client.execute("print before\ndisplay bar\nupdate bar\nclear");
        client.reply(request);
        List<Message> iopub = client.iopubUntilIdle(request);
        assertEquals(List.of("status:busy", "execute_input", "stream", "display_data", "update_display_data",
                "clear_output", "status:idle"), types(iopub));
        assertEquals("bar", iopub.get(3).content().getAsJsonObject("transient").get("display_id").getAsString());
        assertEquals("updated bar", iopub.get(4).content().getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals("bar", iopub.get(4).content().getAsJsonObject("transient").get("display_id").getAsString());
        assertTrue(iopub.get(5).content().get("wait").getAsBoolean());
    }

    @Test
    void outputAfterTheCellEndedGoesOutWithThatCellAsParent() throws Exception {
        Message request = client.execute("later from a thread");
        client.reply(request);
        client.iopubUntilIdle(request);
        kernel.engine.releaseLater();
        for (int i = 0; i < 100 && streamText(client.iopubOf(request), "stdout").isEmpty(); i++) {
            Thread.sleep(20);
        }
        assertEquals("from a thread", streamText(client.iopubOf(request), "stdout"));
    }

    private JsonObject historyTail(int n) throws InterruptedException {
        Message request = client.shell("history_request", Map.of("hist_access_type", "tail", "n", n,
                "output", false, "raw", true));
        return client.reply(request).content();
    }

}
