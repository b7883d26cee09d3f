package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.course.IpExercises;
import netlab.exercise.Check;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import netlab.kernel.notebook.Cell;
import netlab.kernel.notebook.Notebook;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

/** What {@code netlab run} records of a cell's output, as nbclient would. */
class OutputRecorderTest {

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final Cell cell = Notebook.parse("""
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
              {"cell_type": "code", "id": "c", "metadata": {}, "outputs": [], "execution_count": null, "source": "x"}]}""")
            .cells().getFirst();
    private final OutputRecorder recorder = new OutputRecorder(cell, new PrintStream(terminal, true,
            StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()), new HashMap<>(), 5_000_000,
            Lang.EN);

    /** Text of one stream, in any pieces, is one output; a check's report line is taken out of it, whole. */
    @Test
    void aStreamsPiecesAreOneOutputAndACheckReportIsTakenOut() {
        String report = Check.grade("ip.class-of", (IpExercises.ClassOf) ip -> "A", Duration.ofSeconds(1)).jsonLine();
        recorder.stdout("one\ntw");
        recorder.stdout("o\n" + report.substring(0, 20));
        recorder.stdout(report.substring(20) + "\nthree");
        recorder.finish(new ExecuteOutcome.Success(Optional.empty()), 1, null);
        assertEquals(List.of("stream:stdout:one\ntwo\nthree"), outputs());
        assertEquals(List.of("ip.class-of"), recorder.checks().stream().map(CheckResult::exercise).toList());
        assertEquals("one\ntwo\nthree", terminal.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anotherOutputBetweenStartsAnotherStreamOutput() {
        recorder.stdout("a\n");
        recorder.stderr("warn\n");
        recorder.stdout("b\n");
        recorder.display(new MimeBundle(Map.of("text/plain", "pic"), Map.of()), null, false);
        recorder.stdout("c\n");
        recorder.stdout("d\n");
        recorder.finish(new ExecuteOutcome.Success(Optional.of(MimeBundle.text("42"))), 7, null);
        assertEquals(List.of("stream:stdout:a\n", "stream:stderr:warn\n", "stream:stdout:b\n", "display_data",
                "stream:stdout:c\nd\n", "execute_result"), outputs());
    }

    /** A cell printing 100,000 lines is recorded whole (joining each line to all before it took 9.8 s). */
    @Test
    void manyLinesAreRecordedWhole() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            String line = "line " + i + "\n";
            all.append(line);
            recorder.stdout(line);
        }
        recorder.finish(new ExecuteOutcome.Success(Optional.empty()), 1, null);
        assertEquals(List.of("stream:stdout:" + all), outputs());
    }

    @Test
    void aClearWaitingForTheNextOutputClearsWhatCameBefore() {
        recorder.stdout("old\n");
        recorder.clearOutput(true);
        recorder.stdout("new\n");
        recorder.finish(new ExecuteOutcome.Success(Optional.empty()), 1, null);
        assertEquals(List.of("stream:stdout:new\n"), outputs());
    }

    private List<String> outputs() {
        return cell.outputs().asList().stream().map(e -> {
            JsonObject o = e.getAsJsonObject();
            String type = o.get("output_type").getAsString();
            return type.equals("stream") ? "stream:" + o.get("name").getAsString() + ":" + o.get("text").getAsString()
                    : type;
        }).toList();
    }
}
