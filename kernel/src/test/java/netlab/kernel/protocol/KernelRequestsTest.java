package netlab.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import netlab.kernel.protocol.Transport.Channel;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static netlab.kernel.protocol.FrontEnd.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelRequestsTest {

    private final TestKernel kernel = new TestKernel();
    private final FrontEnd client = kernel.client;

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void kernelInfoDescribesProtocolImplementationAndLanguage() throws Exception {
        Message request = client.shell("kernel_info_request", Map.of());
        JsonObject info = client.reply(request).content();
        assertEquals("ok", info.get("status").getAsString());
        assertEquals("5.3", info.get("protocol_version").getAsString());
        assertEquals("netlab", info.get("implementation").getAsString());
        assertNotNull(info.get("implementation_version"));
        JsonObject language = info.getAsJsonObject("language_info");
        assertEquals("java", language.get("name").getAsString());
        assertEquals("25", language.get("version").getAsString());
        assertEquals("text/x-java", language.get("mimetype").getAsString());
        assertEquals(".jshell", language.get("file_extension").getAsString());
        assertEquals("text/x-java", language.get("codemirror_mode").getAsString());
        assertEquals("java", language.get("pygments_lexer").getAsString());
        assertEquals("fake engine banner", info.get("banner").getAsString());
        assertEquals("{\"text\":\"JDK docs\",\"url\":\"https://docs.oracle.com\"}",
                info.getAsJsonArray("help_links").get(0).toString());
        assertEquals(List.of("status:busy", "status:idle"), types(client.iopubUntilIdle(request)));
    }

    @Test
    void kernelInfoOnShellIsAnsweredOnceTheEngineHasStartedAndOnControlAtOnce() throws Exception {
        kernel.engine.started = new CountDownLatch(1);
        Message onShell = client.shell("kernel_info_request", Map.of());
        Message onControl = client.send(Channel.CONTROL, "kernel_info_request", Map.of());
        assertEquals("kernel_info_reply", client.reply(Channel.CONTROL, onControl).type());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (client.iopubOf(onShell).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("status:busy"), types(client.iopubOf(onShell)), "a front end sees the kernel busy");
        assertNull(kernel.transport.fromKernel(Channel.SHELL, Duration.ofMillis(200)),
                "no kernel_info_reply on shell while the engine still starts");
        kernel.engine.started.countDown();
        assertEquals("kernel_info_reply", client.reply(onShell).type());
        assertEquals(List.of("status:busy", "status:idle"), types(client.iopubUntilIdle(onShell)));
    }

    @Test
    void completeReportsMatchesCursorAndTypedMetadata() throws Exception {
        JsonObject reply = client.reply(client.shell("complete_request",
                Map.of("code", "System.out.pri", "cursor_pos", 14))).content();
        assertEquals("ok", reply.get("status").getAsString());
        assertEquals("[\"println\",\"printf\"]", reply.get("matches").toString());
        assertEquals(11, reply.get("cursor_start").getAsInt());
        assertEquals(14, reply.get("cursor_end").getAsInt());
        JsonArray typed = reply.getAsJsonObject("metadata").getAsJsonArray("_jupyter_types_experimental");
        assertEquals("{\"start\":11,\"end\":14,\"text\":\"println\",\"type\":\"method\","
                + "\"signature\":\"void println(String)\"}", typed.get(0).toString());
        assertEquals("", typed.get(1).getAsJsonObject().get("signature").getAsString());
    }

    /** A cursor outside the code is taken at its nearest end: the engine and the reply's offsets stay in the code. */
    @Test
    void aCursorOutsideTheCodeIsTakenAtItsEnd() throws Exception {
        JsonObject past = client.reply(client.shell("complete_request",
                Map.of("code", "System.out.pri", "cursor_pos", 100))).content();
        assertEquals(14, past.get("cursor_end").getAsInt());
        JsonObject before = client.reply(client.shell("inspect_request",
                Map.of("code", "known.thing", "cursor_pos", -5, "detail_level", 0))).content();
        assertEquals("docs of known.thing at 0", before.getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void inspectSaysWhetherItFoundSomething() throws Exception {
        JsonObject found = client.reply(client.shell("inspect_request",
                Map.of("code", "known.thing", "cursor_pos", 5, "detail_level", 0))).content();
        assertEquals("ok", found.get("status").getAsString());
        assertTrue(found.get("found").getAsBoolean());
        assertEquals("docs of known.thing at 5", found.getAsJsonObject("data").get("text/plain").getAsString());

        JsonObject missing = client.reply(client.shell("inspect_request",
                Map.of("code", "nothing", "cursor_pos", 3, "detail_level", 0))).content();
        assertFalse(missing.get("found").getAsBoolean());
        assertEquals("{}", missing.get("data").toString());
    }

    @Test
    void isCompleteGivesEachStatusAndIndentOnlyWhenIncomplete() throws Exception {
        assertEquals("{\"status\":\"complete\"}", isComplete("int x = 1;").toString());
        assertEquals("{\"status\":\"incomplete\",\"indent\":\"    \"}", isComplete("for (;;) {").toString());
        assertEquals("{\"status\":\"invalid\"}", isComplete("int x = ;").toString());
        assertEquals("{\"status\":\"unknown\"}", isComplete("???").toString());
    }

    @Test
    void historyAnswersTailRangeAndSearch() throws Exception {
        for (String code : List.of("value 1", "print a", "value 1", "print b")) {
            client.reply(client.execute(code));
        }
        assertEquals("[[1,3,\"value 1\"],[1,4,\"print b\"]]",
                history(Map.of("hist_access_type", "tail", "n", 2, "output", false)).toString());
        assertEquals("[[1,2,\"print a\"],[1,3,\"value 1\"]]",
                history(Map.of("hist_access_type", "range", "session", 1, "start", 2, "stop", 4, "output", false))
                        .toString());
        assertEquals("[[1,1,[\"value 1\",\"1\"]],[1,2,[\"print a\",null]]]",
                history(Map.of("hist_access_type", "range", "session", 0, "start", 1, "stop", 3, "output", true))
                        .toString());
        assertEquals("[[1,2,\"print a\"],[1,3,\"value 1\"],[1,4,\"print b\"]]",
                history(Map.of("hist_access_type", "search", "pattern", "*", "unique", true, "output", false))
                        .toString());
        assertEquals("[[1,4,\"print b\"]]",
                history(Map.of("hist_access_type", "search", "pattern", "print ?", "n", 1, "output", false))
                        .toString());
        assertEquals("[]", history(Map.of("hist_access_type", "range", "session", 7, "start", 1, "stop", 3))
                .toString());
    }

    @Test
    void commsAreListedEmptyAndUnknownTargetsClosed() throws Exception {
        JsonObject info = client.reply(client.shell("comm_info_request", Map.of())).content();
        assertEquals("{\"status\":\"ok\",\"comms\":{}}", info.toString());

        Message open = client.shell("comm_open", Map.of("comm_id", "c1", "target_name", "jupyter.widget",
                "data", Map.of()));
        List<Message> iopub = client.iopubUntilIdle(open);
        assertEquals(List.of("status:busy", "comm_close", "status:idle"), types(iopub));
        assertEquals("c1", iopub.get(1).content().get("comm_id").getAsString());
        Message msg = client.shell("comm_msg", Map.of("comm_id", "c1", "data", Map.of()));
        assertEquals(List.of("status:busy", "status:idle"), types(client.iopubUntilIdle(msg)));
        assertNull(kernel.transport.fromKernel(Channel.SHELL, Duration.ZERO), "comm messages get no reply");
    }

    @Test
    void readLineWithoutStdinFailsWithAClearMessage() throws Exception {
        JsonObject reply = client.reply(client.execute("input Name:", Map.of("allow_stdin", false))).content();
        assertEquals("error", reply.get("status").getAsString());
        assertEquals("This front end cannot send input (allow_stdin is false); give the value in the code instead.",
                reply.get("evalue").getAsString());
        assertNull(kernel.transport.fromKernel(Channel.STDIN, Duration.ZERO), "no input_request was sent");
    }

    @Test
    void inputRequestGoesToTheSenderAndItsReplyReachesTheCell() throws Exception {
        Message execute = client.execute("print asking\ninput Name:");
        Message inputRequest = client.reply(Channel.STDIN, execute);
        assertEquals("input_request", inputRequest.type());
        assertEquals("Name:", inputRequest.content().get("prompt").getAsString());
        assertFalse(inputRequest.content().get("password").getAsBoolean());
        assertEquals("asking\n", FrontEnd.streamText(client.iopubOf(execute), "stdout"),
                "output before the prompt is flushed first");

        Message answer = FrontEnd.request("s", "input_reply", Map.of("value", "Ada"));
        answer.parentHeader().asMap().putAll(inputRequest.header().asMap());
        kernel.transport.toKernel(Channel.STDIN, answer);
        assertEquals("ok", client.reply(execute).content().get("status").getAsString());
        assertEquals("asking\ngot Ada\n", FrontEnd.streamText(client.iopubUntilIdle(execute), "stdout"));
    }

    @Test
    void interruptUnblocksAWaitForInput() throws Exception {
        Message execute = client.execute("input Name:");
        client.reply(Channel.STDIN, execute);
        Message interrupt = client.send(Channel.CONTROL, "interrupt_request", Map.of());
        assertEquals("ok", client.reply(Channel.CONTROL, interrupt).content().get("status").getAsString());
        JsonObject reply = client.reply(execute).content();
        assertEquals("error", reply.get("status").getAsString());
        assertEquals("Interrupted while waiting for input.", reply.get("evalue").getAsString());
        assertEquals(List.of("status:busy", "status:idle"), types(client.iopubUntilIdle(interrupt)));
    }

    @Test
    void aWaitForInputEndsInTheLanguageOfTheCellThatWaited() throws Exception {
        Message execute = client.execute("input-zh 名字：");
        client.reply(Channel.STDIN, execute);
        client.reply(Channel.CONTROL, client.send(Channel.CONTROL, "interrupt_request", Map.of()));
        assertEquals(Text.in(Lang.ZH, "kernel.stdin.interrupted"),
                client.reply(execute).content().get("evalue").getAsString());
    }

    @Test
    void interruptStopsABlockedCell() throws Exception {
        Message execute = client.execute("block");
        assertTrue(kernel.engine.blocking.await(10, java.util.concurrent.TimeUnit.SECONDS));
        client.reply(Channel.CONTROL, client.send(Channel.CONTROL, "interrupt_request", Map.of()));
        JsonObject reply = client.reply(execute).content();
        assertEquals("Interrupted", reply.get("ename").getAsString());
        assertEquals("stopped the loop", reply.get("evalue").getAsString());
        assertEquals(1, kernel.engine.interrupts.get());
    }

    @Test
    void shutdownOnControlRepliesThenClosesEngineOnce() throws Exception {
        Message shutdown = client.send(Channel.CONTROL, "shutdown_request", Map.of("restart", true));
        JsonObject reply = client.reply(Channel.CONTROL, shutdown).content();
        assertEquals("{\"status\":\"ok\",\"restart\":true}", reply.toString());
        assertTrue(kernel.server.awaitShutdown(Duration.ofSeconds(10)));
        kernel.server.close();
        assertEquals(1, kernel.engine.closes.get());
        assertTrue(kernel.transport.isClosed());
    }

    @Test
    void shutdownOnShellWorksToo() throws Exception {
        Message shutdown = client.shell("shutdown_request", Map.of("restart", false));
        assertFalse(client.reply(shutdown).content().get("restart").getAsBoolean());
        assertTrue(kernel.server.awaitShutdown(Duration.ofSeconds(10)));
        assertEquals(1, kernel.engine.closes.get());
    }

    @Test
    void unknownMalformedAndFailingRequestsAreAnsweredAndTheKernelGoesOn() throws Exception {
        try (ExpectedLog log = ExpectedLog.of("netlab.kernel.protocol")) {
            badRequestsAreAnswered(log);
        }
    }

    private void badRequestsAreAnswered(ExpectedLog log) throws Exception {
        JsonObject unknown = client.reply(client.shell("bogus_request", Map.of())).content();
        assertEquals("error", unknown.get("status").getAsString());
        assertEquals("UnknownMessageType", unknown.get("ename").getAsString());

        Message good = FrontEnd.request("s", "execute_request", Map.of());
        Message malformed = new Message(good.identities(), good.header(), new JsonObject(), new JsonObject(),
                new JsonObject(), List.of(), "content: unexpected end of input");
        kernel.transport.toKernel(Channel.SHELL, malformed);
        assertEquals("BadRequest", client.reply(malformed).content().get("ename").getAsString());
        for (Object code : List.of(42, true, List.of("1 + 1"))) { // the spec says a string: nothing runs, nothing is counted
            JsonObject odd = client.reply(client.shell("execute_request", Map.of("code", code))).content();
            assertEquals("BadRequest", odd.get("ename").getAsString(), code.toString());
        }
        assertEquals("BadRequest", client.reply(client.shell("execute_request", Map.of())).content()
                .get("ename").getAsString());

        kernel.engine.completeFailure = new IllegalStateException("completion exploded");
        JsonObject failed = client.reply(client.shell("complete_request", Map.of("code", "x", "cursor_pos", 1)))
                .content();
        assertEquals("error", failed.get("status").getAsString());
        assertEquals("completion exploded", failed.get("evalue").getAsString());

        JsonObject debug = client.reply(Channel.CONTROL, client.send(Channel.CONTROL, "debug_request", Map.of()))
                .content();
        assertEquals("DebuggerUnsupported", debug.get("ename").getAsString());

        assertEquals(1, client.reply(client.execute("print fine")).content().get("execution_count").getAsInt());
        log.assertSaid("unknown message type 'bogus_request'");
        log.assertSaid("malformed execute_request");
        log.assertSaid("handler for complete_request failed java.lang.IllegalStateException: completion exploded");
    }

    private JsonObject isComplete(String code) throws InterruptedException {
        return client.reply(client.shell("is_complete_request", Map.of("code", code))).content();
    }

    private JsonArray history(Map<String, Object> request) throws InterruptedException {
        JsonObject reply = client.reply(client.shell("history_request", request)).content();
        assertEquals("ok", reply.get("status").getAsString());
        return reply.getAsJsonArray("history");
    }
}
